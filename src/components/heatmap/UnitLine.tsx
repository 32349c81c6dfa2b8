import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import type { HeatmapLayout, HeatmapSeries } from '../../viz/heatmapLayout';
import { formatValue } from '../../viz/vectors';
import { useFigurePart } from '../useFigurePart';

const H = 120;
const PAD = 10;

/**
 * One unit of one vector over the whole sentence, as a line whose points sit under the
 * heatmap's columns (same x), so a student can read the line and the colours together.
 */
export function UnitLine({ series: s, unit, layout: L, current, label }: { series: HeatmapSeries; unit: number; layout: HeatmapLayout; current: number; label: string }) {
  const figurePart = useFigurePart<SVGSVGElement>(label);
  const vals = s.values.map((v) => v[unit]!);
  const [lo, hi] = s.range === 'gate' ? [0, 1] : s.range === 'signed' ? [-1, 1] : [Math.min(-1, ...vals), Math.max(1, ...vals)];
  const y = scaleLinear()
    .domain([lo, hi])
    .range([H - PAD, PAD]);
  const x = (t: number) => t * L.cellW + L.cellW / 2;
  const d = line<number>()
    .x((_, t) => x(t))
    .y((v) => y(v))(vals);
  const ticks = y.ticks(4);
  const cur = vals[current];
  return (
    <svg className="hm-line" width={Math.max(L.width, 40)} height={H} ref={figurePart} role="img" aria-label={`${label}: ${cur === undefined ? '' : `t = ${current}, ${formatValue(cur)}`}`}>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={0} x2={L.width} y1={y(v)} y2={y(v)} className={v === 0 ? 'zero' : 'grid'} />
          <text x={2} y={y(v) - 2} className="tick">
            {formatValue(v).replace(/\.?0+$/, '') || '0'}
          </text>
        </g>
      ))}
      <line x1={x(current)} x2={x(current)} y1={0} y2={H} className="now" />
      {d && <path d={d} className="series" />}
      {L.tokens <= 80 && vals.map((v, t) => <circle key={t} cx={x(t)} cy={y(v)} r={t === current ? 4 : 2.5} className={t === current ? 'dot now' : 'dot'} />)}
    </svg>
  );
}
