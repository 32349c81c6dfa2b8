import { flowChart } from '../../viz/flowChart';
import { log10Gain, type FlowSeries } from '../../viz/gradientFlow';
import { useGatescope, useT } from '../StoreContext';
import { useFigurePart } from '../useFigurePart';
import { MathText } from '../diagram/MathText';

type T = ReturnType<typeof useT>;

/**
 * The chart's lines, shared with the table: h (for a stack, the top layer's chain; then the
 * gain reaching each lower layer through the stack), C and the belt.
 */
export function flowLines(series: FlowSeries, t: T): { id: string; className: string; values: number[]; label: string }[] {
  const stacked = series.layers > 1;
  const lines = [{ id: 'h', className: 'h', values: series.h, label: stacked ? t('flow.hTop', { n: series.layers }) : t('flow.h') }];
  series.through.forEach((values, l) => lines.push({ id: `through-${l + 1}`, className: `through l${l + 1}`, values, label: t('flow.through', { l: l + 1 }) }));
  if (series.c) lines.push({ id: 'c', className: 'c', values: series.c, label: t('flow.c') });
  if (series.belt) lines.push({ id: 'belt', className: 'belt', values: series.belt, label: t('flow.belt') });
  return lines;
}

/** One cell kind's gradient flow: lines of log gain over the tokens, the current step marked. */
export function FlowChart({ series, tokens, current, title }: { series: FlowSeries; tokens: readonly string[]; current: number; title: string }) {
  const t = useT();
  const lines = flowLines(series, t);
  const figurePart = useFigurePart<SVGSVGElement>(title);
  // Presenting (presenter=1, or the lesson presented to a class): labels a room can read.
  const large = useGatescope((s) => s.presenter || (s.present && s.lesson !== null));
  const g = flowChart(tokens.length, Math.min(...lines.flatMap((l) => l.values).map(log10Gain)), large);
  const CHART = g.box;
  return (
    <figure className={large ? 'flow-chart large' : 'flow-chart'}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} ref={figurePart} role="img" aria-label={`${title}: ${t('flow.chartLabel')}`}>
        {g.yTicks.map((tk) => (
          <g key={tk.label} className="tick">
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tk.y} y2={tk.y} />
            <text x={CHART.left - 6} y={tk.y + (large ? 8 : 4)} textAnchor="end">
              {tk.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((tk) => (
          <text key={tk.k} className="xtick" x={tk.x} y={CHART.height - CHART.bottom + (large ? 26 : 16)} textAnchor="middle">
            {tk.k}
          </text>
        ))}
        <text className="axis-label" x={(CHART.left + CHART.width) / 2} y={CHART.height - 4} textAnchor="middle">
          {t('flow.xAxis')}
        </text>
        {current < tokens.length && <line className="current" x1={g.x(current)} x2={g.x(current)} y1={CHART.top} y2={CHART.height - CHART.bottom} />}
        {lines.map((l) => (
          <path key={l.id} className={`flow-line ${l.className}`} d={g.path(l.values)} />
        ))}
      </svg>
      <ul className="flow-legend">
        {lines.map((l) => (
          <li key={l.id}>
            <span className={`swatch ${l.className}`} aria-hidden="true" /> <MathText text={l.label} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
