import type { LabPoint } from '../../train/labSettings';
import { LAB_CHART, curveChart, formatMse, formatPct, lossTop, type XY } from '../../viz/labCharts';
import { ChartAxes } from './ChartAxes';
import { useGatescope, useT } from '../StoreContext';

const C = LAB_CHART;

function Curve({
  title,
  series,
  kinds,
  top,
  pct,
  base,
  baseLabel,
}: {
  title: string;
  series: ReadonlyArray<readonly XY[]>;
  kinds: readonly string[];
  top: number;
  pct: boolean;
  base: number | null;
  baseLabel: string;
}) {
  const t = useT();
  const xMax = Math.max(1, ...series.flatMap((s) => s.map((p) => p.x)));
  const g = curveChart(xMax, [0, top], (v) => (pct ? `${Math.round(v * 100)}%` : String(+v.toPrecision(3))));
  const latest = series.map((s, k) => {
    const p = s.at(-1);
    return `${kinds[k]} ${p ? (pct ? formatPct(p.y) : p.y.toPrecision(3)) : '—'}`;
  });
  return (
    <figure className="lab-curve">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${C.width} ${C.height}`} role="img" aria-label={t('lab.curveLabel', { title, values: latest.join(', ') })}>
        <ChartAxes yTicks={g.yTicks} xTicks={g.xTicks} xLabel={t('lab.axisSeen')} />
        {base !== null && (
          <g className="lab-chance">
            <line x1={C.left} x2={C.width - C.right} y1={g.y(base)} y2={g.y(base)} />
            <text x={C.width - C.right - 4} y={g.y(base) - 5} textAnchor="end">
              {baseLabel}
            </text>
          </g>
        )}
        {series.map((s, k) => (
          <path key={k} className={`lab-line run-${k}`} d={g.path(s)} />
        ))}
      </svg>
    </figure>
  );
}

const xy = (pts: readonly LabPoint[], f: (p: LabPoint) => number): XY[] => pts.map((p) => ({ x: p.seen, y: f(p) }));

/** Training loss and held-out accuracy of both runs against examples seen; chance dashed. */
export function LabCurves() {
  const t = useT();
  const runs = useGatescope((s) => s.lab.runs);
  const baseline = useGatescope((s) => s.lab.baseline);
  const metric = useGatescope((s) => s.lab.metric);
  if (!runs) return null;
  const kinds = runs.map((r) => t(`kind.${r.kind}`));
  const loss = runs.map((r) => xy(r.points, (p) => p.trainLoss));
  const held = runs.map((r) => xy(r.points, (p) => p.heldout));
  return (
    <div className="lab-curves" data-testid="lab-curves">
      <Curve title={t('lab.lossTitle')} series={loss} kinds={kinds} top={lossTop(loss.flat().map((p) => p.y))} pct={false} base={null} baseLabel="" />
      {metric === 'accuracy' ? (
        <Curve title={t('lab.accTitle')} series={held} kinds={kinds} top={1} pct base={baseline} baseLabel={baseline === null ? '' : t('lab.chance', { v: formatPct(baseline) })} />
      ) : (
        <Curve
          title={t('lab.mseTitle')}
          series={held}
          kinds={kinds}
          top={lossTop([2 * (baseline ?? 0.05)])}
          pct={false}
          base={baseline}
          baseLabel={baseline === null ? '' : t('lab.naive', { v: formatMse(baseline) })}
        />
      )}
      <ul className="lab-legend">
        {kinds.map((k, i) => (
          <li key={i}>
            <span className={`lab-swatch run-${i}`} aria-hidden="true" /> {k}
          </li>
        ))}
      </ul>
    </div>
  );
}
