import { LAB_CHART, curveChart, formatMse } from '../../viz/labCharts';
import { ChartAxes } from './ChartAxes';
import { useGatescope, useT } from '../StoreContext';

const C = LAB_CHART;

/** Time series: the probe window's true next values (dotted) and each run's predictions. */
export function LabSeries() {
  const t = useT();
  const runs = useGatescope((s) => s.lab.runs);
  const series = runs?.map((r) => r.probe?.series ?? null) ?? [];
  const truth = series.find((s) => s !== null);
  if (!runs || !truth) return null;
  const all = [...truth.ys, ...series.flatMap((s) => s?.predicted ?? [])].filter(Number.isFinite);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = 0.05 * Math.max(0.1, hi - lo);
  const g = curveChart(truth.ys.length - 1, [lo - pad, hi + pad], (v) => String(+v.toFixed(2)));
  const line = (ys: readonly number[]) => g.path(ys.map((y, k) => ({ x: k, y })));
  const mse = (p: readonly number[]) => formatMse(p.reduce((s, y, k) => s + (y - truth.ys[k]!) ** 2, 0) / p.length);
  const values = runs.map((r, k) => `${t(`kind.${r.kind}`)} MSE ${series[k] ? mse(series[k]!.predicted) : '—'}`).join(', ');
  return (
    <figure className="lab-grad lab-series" data-testid="lab-series">
      <figcaption>
        <strong>{t('lab.seriesTitle')}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${C.width} ${C.height}`} role="img" aria-label={t('lab.seriesLabel', { n: truth.ys.length, values })}>
        <ChartAxes yTicks={g.yTicks} xTicks={g.xTicks} xLabel={t('lab.seriesAxis')} />
        <path className="lab-truth" d={line(truth.ys)} />
        {series.map((s, k) => s && <path key={k} className={`lab-line run-${k}`} d={line(s.predicted)} />)}
      </svg>
      <ul className="lab-legend">
        <li>
          <span className="lab-swatch truth" aria-hidden="true" /> {t('lab.seriesTrue')}
        </li>
        {runs.map((r, k) => (
          <li key={k}>
            <span className={`lab-swatch run-${k}`} aria-hidden="true" /> {t(`kind.${r.kind}`)} · MSE {series[k] ? mse(series[k]!.predicted) : '—'}
          </li>
        ))}
      </ul>
    </figure>
  );
}
