import { useEffect, useMemo, useRef, useState } from 'react';
import { predict, run, type Model } from '../engine';
import type { SeriesMeta } from '../models/seriesMeta';
import { errors, LAG, naiveForecast, readMonth, seasonalNaiveForecast, seriesInputs, targetMonth, toLevel } from '../train/data/airpassengers';
import { monthName, seriesChartLayout } from '../viz/seriesChart';
import { useGatescope, useT } from './StoreContext';
import './series.css';

/** Text size in the chart, in CSS pixels: the drawing is as wide as its box, so text is never scaled down. */
const FONT = { page: 13, presenter: 18 } as const;
const f1 = (x: number) => x.toFixed(1);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;

/**
 * Passengers predicted for each month by the engine running the model over the whole series (the
 * inputs rebuilt from the observations and the file's scale, as in training); null before the
 * first month a step predicts.
 */
function usePredicted(model: Model, s: SeriesMeta | undefined) {
  return useMemo(() => {
    if (!s || model.head?.kind !== 'linear' || model.cell.inputSize !== 1) return null;
    const zs = seriesInputs(s.values, s);
    const head = model.head;
    const z = run(
      model.cell,
      zs.map((x) => Float64Array.of(x)),
    ).traces.map((tr) => predict(head, tr.h)[0]!);
    const predicted = s.values.map((_, t) => (t >= targetMonth(0) ? toLevel(s.values[t - LAG]!, z[t - LAG - 1]!, s) : null));
    // The last step predicts the month after the data.
    const beyond = toLevel(s.values[s.values.length - LAG]!, z.at(-1)!, s);
    return { zs, predicted, beyond };
  }, [model, s]);
}

/**
 * The real series on the first screen: the observations, the split, the model's one-step
 * predictions on the test months and each one's error, the step on screen marked, and the errors
 * beside the two baselines' on the same months. Every prediction is the engine's, run here.
 */
export function SeriesChart() {
  const t = useT();
  const model = useGatescope((st) => st.model);
  const s = useGatescope((st) => st.modelMeta?.series);
  const lang = useGatescope((st) => st.lang);
  const tokens = useGatescope((st) => st.tokens);
  const step = useGatescope((st) => st.t);
  const setText = useGatescope((st) => st.setText);
  const presenter = useGatescope((st) => st.presenter);
  const p = usePredicted(model, s);
  // The drawing's width is its box's, measured, so that a narrow column or a projector's zoom
  // never shrinks the labels below their size.
  const ref = useRef<HTMLElement>(null);
  const [W, setW] = useState(900);
  const shown = s !== undefined && p !== null;
  useEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const measure = () => setW(Math.max(320, Math.round(el.clientWidth)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [shown]);
  if (!s || !p) return null;
  const fs = presenter ? FONT.presenter : FONT.page;
  const H = Math.round(fs * 21);
  const ERR_H = Math.round(fs * 5.4);
  const n = s.values.length;
  const unit = s.unit[lang];
  const name = s.name[lang];
  const g = seriesChartLayout({ values: s.values, start: s.start, testStart: s.testStart, predicted: p.predicted, width: W, height: H, errorHeight: ERR_H, font: fs });
  // The step is marked only while the sentence box holds the series itself.
  const onSeries = tokens.length === p.zs.length && tokens.every((tok, k) => Number(tok) === p.zs[k]);
  const target = targetMonth(step);
  const now = onSeries ? (target < n ? p.predicted[target]! : p.beyond) : null;
  const at = (k: number) => monthName(s.start, k);
  const forecast = (k: number) => p.predicted[k]!;
  const rows = [
    { id: 'model', label: t('series.model'), e: errors(s.values, forecast, s.testStart, n) },
    { id: 'naive', label: t('series.naive'), e: errors(s.values, naiveForecast(s.values), s.testStart, n) },
    { id: 'seasonal', label: t('series.seasonal'), e: errors(s.values, seasonalNaiveForecast(s.values), s.testStart, n) },
  ];
  return (
    <figure ref={ref} className="series-chart" data-testid="series-chart" aria-labelledby="series-heading" style={{ '--series-fs': `${fs}px` } as React.CSSProperties}>
      <h2 id="series-heading">{t('series.heading', { name })}</h2>
      <p className="series-now" data-testid="series-now" aria-live="polite">
        {now === null ? (
          <>
            {t('series.edited')}{' '}
            <button type="button" className="link" onClick={() => setText(p.zs.join(', '))}>
              {t('series.restore')}
            </button>
          </>
        ) : target < n ? (
          <span data-month={at(target)} data-value={now}>
            {t('series.now', { t: step, read: at(readMonth(step)), month: at(target), pred: f1(now), actual: s.values[target]!, err: signed(now - s.values[target]!) })}
            {target < s.testStart && ` · ${t('series.nowTraining')}`}
          </span>
        ) : (
          <span data-month={at(target)} data-value={now}>
            {t('series.nowBeyond', { t: step, read: at(readMonth(step)), month: at(target), pred: f1(now) })}
          </span>
        )}
      </p>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="series-svg-title">
        <title id="series-svg-title">{t('series.chartTitle', { name, unit })}</title>
        <rect className="test-zone" x={g.splitX} y={g.plot.top} width={g.plot.right - g.splitX} height={g.err.bottom - g.plot.top} />
        {g.yTicks.map((k) => (
          <g key={k.label} className="y-tick" data-value={k.label}>
            <line className="grid" x1={g.plot.left} x2={g.plot.right} y1={k.at} y2={k.at} />
            <text className="tick" x={g.plot.left - 6} y={k.at + fs * 0.35} textAnchor="end">
              {k.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((k) => (
          <g key={k.at}>
            <line className="grid x" x1={k.at} x2={k.at} y1={g.plot.bottom} y2={g.plot.bottom + 4} />
            <text className="tick" x={k.at} y={g.plot.bottom + fs * 1.3} textAnchor="middle">
              {k.label}
            </text>
          </g>
        ))}
        <text className="axis" x={4} y={g.plot.top - fs * 0.6}>
          {t('series.axisY', { unit })}
        </text>
        <text className="axis" x={(g.plot.left + g.plot.right) / 2} y={H - fs * 0.4} textAnchor="middle">
          {t('series.axisX')}
        </text>
        <line className="split" x1={g.splitX} x2={g.splitX} y1={g.plot.top} y2={g.err.bottom} />
        <text className="zone-label" x={g.splitX - 6} y={g.plot.top + fs * 1.1} textAnchor="end">
          {t('series.train')}
        </text>
        <text className="zone-label" x={g.splitX + 6} y={g.plot.top + fs * 1.1}>
          {t('series.testShort')}
        </text>
        <path className="actual" d={g.actualPath} />
        <path className="predicted" d={g.predictedPath} />
        {p.predicted.map((v, k) => (v !== null && k >= s.testStart ? <circle key={k} className="pred-dot" data-month={at(k)} data-value={v} cx={g.x(k)} cy={g.y(v)} r={3} /> : null))}
        <g className="legend" transform={`translate(${g.plot.left + 10}, ${g.plot.top + fs * 2.6})`}>
          <line className="actual" x1={0} x2={22} y1={0} y2={0} />
          <text className="tick" x={28} y={fs * 0.35}>
            {t('series.actual')}
          </text>
          <line className="predicted" x1={0} x2={22} y1={fs * 1.4} y2={fs * 1.4} />
          <text className="tick" x={28} y={fs * 1.75}>
            {t('series.predicted')}
          </text>
          <rect className="test-zone" x={0} y={fs * 2.45} width={22} height={fs * 0.9} />
          <text className="tick" x={28} y={fs * 3.15}>
            {t('series.test')}
          </text>
        </g>
        {/* The error strip: one bar per test month, predicted − actual. */}
        <line className="zero" x1={g.splitX} x2={g.plot.right} y1={g.err.zero} y2={g.err.zero} />
        {g.errTicks.map((k) => (
          <text key={k.label} className="tick" x={g.splitX - 6} y={k.at + fs * 0.35} textAnchor="end">
            {k.label}
          </text>
        ))}
        <text className="axis" x={g.splitX - fs * 3.2} y={g.err.zero + fs * 0.35} textAnchor="end">
          {t('series.errAxis')}
        </text>
        {g.bars.map((b) => (
          <rect key={b.month} className={b.error >= 0 ? 'bar over' : 'bar under'} data-month={at(b.month)} data-error={b.error} x={b.x} y={b.y} width={b.w} height={Math.max(0.5, b.h)} />
        ))}
        {now !== null && target < n && (
          <g className="now" data-testid="series-marker" data-month={at(target)}>
            <line x1={g.x(target)} x2={g.x(target)} y1={g.plot.top} y2={g.err.bottom} />
            <circle className="now-actual" cx={g.x(target)} cy={g.y(s.values[target]!)} r={5} />
            <circle className="now-pred" data-testid="series-predicted-now" data-value={now} cx={g.x(target)} cy={g.y(now)} r={6} />
          </g>
        )}
      </svg>
      <div className="series-foot">
        <table className="series-errors" data-testid="series-errors">
          <caption>{t('series.errorsTitle', { n: n - s.testStart, from: at(s.testStart), to: at(n - 1), unit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('series.who')}</th>
              <th scope="col">{t('series.mse')}</th>
              <th scope="col">{t('series.mae')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-row={r.id} className={r.id === 'model' ? 'current' : undefined}>
                <th scope="row">{r.label}</th>
                <td className="num" data-value={r.e.mse}>
                  {r.e.mse.toFixed(0)}
                </td>
                <td className="num" data-value={r.e.mae}>
                  {f1(r.e.mae)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <figcaption className="hint">{t('series.reads')}</figcaption>
      </div>
    </figure>
  );
}
