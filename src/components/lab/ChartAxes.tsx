import { LAB_CHART, type Tick } from '../../viz/labCharts';

const C = LAB_CHART;

/**
 * The lab charts' frame: dashed grid lines with their labels on the left, tick labels below and
 * the x axis' name. The last x label ends at its tick, so it is not cut at the chart's edge.
 */
export function ChartAxes({ yTicks, xTicks, xLabel }: { yTicks: readonly Tick[]; xTicks: readonly Tick[]; xLabel: string }) {
  return (
    <>
      {yTicks.map((tk) => (
        <g key={tk.label} className="tick">
          <line x1={C.left} x2={C.width - C.right} y1={tk.at} y2={tk.at} />
          <text x={C.left - 6} y={tk.at + 4} textAnchor="end">
            {tk.label}
          </text>
        </g>
      ))}
      {xTicks.map((tk, i) => (
        <text key={tk.value} className="xtick" x={tk.at} y={C.height - C.bottom + 16} textAnchor={i === xTicks.length - 1 && i > 0 ? 'end' : 'middle'}>
          {tk.label}
        </text>
      ))}
      <text className="axis-label" x={(C.left + C.width) / 2} y={C.height - 4} textAnchor="middle">
        {xLabel}
      </text>
    </>
  );
}
