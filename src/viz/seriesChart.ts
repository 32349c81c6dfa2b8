/**
 * Geometry of the real-series chart: the observed months as a line, the model's one-step
 * predictions over the test months, the train/test boundary, and below it the error of each
 * test prediction as a bar. Pure: numbers in, coordinates and tick labels out. Months are indices
 * from the series' first; month k is drawn at the middle of its slot.
 */

interface SeriesChartInput {
  /** The observations, one per month. */
  readonly values: readonly number[];
  /** "YYYY-MM" of values[0]. */
  readonly start: string;
  readonly testStart: number;
  /** predicted[t] for month t, or null where there is none (the first months, or not drawn). */
  readonly predicted: readonly (number | null)[];
  readonly width: number;
  readonly height: number;
  /** Height of the error strip below the main plot. */
  readonly errorHeight: number;
  /** The labels' font size: the margins that hold them grow with it. */
  readonly font: number;
}

interface Tick {
  readonly at: number;
  readonly label: string;
}

interface SeriesChartLayout {
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly err: { readonly top: number; readonly bottom: number; readonly zero: number };
  readonly x: (month: number) => number;
  readonly y: (value: number) => number;
  readonly yErr: (e: number) => number;
  readonly actualPath: string;
  readonly predictedPath: string;
  readonly splitX: number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly errTicks: readonly Tick[];
  /** Each test month's error bar: predicted − actual. */
  readonly bars: ReadonlyArray<{ readonly month: number; readonly x: number; readonly y: number; readonly h: number; readonly w: number; readonly error: number }>;
}

/** A round step near span / n: 1, 2 or 5 times a power of ten. */
function niceStep(span: number, n: number): number {
  const raw = span / Math.max(1, n);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

const path = (pts: ReadonlyArray<readonly [number, number]>) => pts.map(([x, y], k) => `${k ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join('');

export function seriesChartLayout(c: SeriesChartInput): SeriesChartLayout {
  const n = c.values.length;
  const f = c.font;
  const plot = { left: f * 4, right: c.width - 12, top: f * 1.9, bottom: c.height - c.errorHeight - f * 3 };
  const errBox = { top: c.height - c.errorHeight - f * 0.6, bottom: c.height - f * 2 };
  const slot = (plot.right - plot.left) / n;
  const x = (m: number) => plot.left + (m + 0.5) * slot;
  const finite = [...c.values, ...c.predicted.filter((p): p is number => p !== null)];
  const step = niceStep(Math.max(...finite) - Math.min(...finite), 5);
  const lo = Math.floor(Math.min(...finite) / step) * step;
  const hi = Math.ceil(Math.max(...finite) / step) * step;
  const y = (v: number) => plot.bottom - ((v - lo) / (hi - lo || 1)) * (plot.bottom - plot.top);
  const errors = c.predicted.map((p, t) => (p !== null && t >= c.testStart ? p - c.values[t]! : null));
  const maxErr = Math.max(1e-9, ...errors.map((e) => (e === null ? 0 : Math.abs(e))));
  const eStep = niceStep(maxErr, 2);
  const eMax = Math.ceil(maxErr / eStep) * eStep;
  const zero = (errBox.top + errBox.bottom) / 2;
  const yErr = (e: number) => zero - (e / eMax) * ((errBox.bottom - errBox.top) / 2);
  const y0 = Number(c.start.slice(0, 4));
  const m0 = Number(c.start.slice(5, 7)) - 1;
  const xTicks: Tick[] = [];
  // A tick at every January.
  // Every year's label when a year is wide enough for it, else every second (or third…) year's.
  const every = Math.max(1, Math.ceil((f * 3) / (12 * slot)));
  for (let m = (12 - m0) % 12, k = 0; m < n; m += 12, k++) xTicks.push({ at: x(m) - slot / 2, label: k % every === 0 ? String(y0 + (m0 + m) / 12) : '' });
  const yTicks: Tick[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) yTicks.push({ at: y(v), label: String(Math.round(v * 1000) / 1000) });
  const predictedPath = path(c.predicted.flatMap((p, t) => (p !== null && t >= c.testStart ? [[x(t), y(p)] as const] : [])));
  return {
    plot,
    err: { ...errBox, zero },
    x,
    y,
    yErr,
    actualPath: path(c.values.map((v, t) => [x(t), y(v)] as const)),
    predictedPath,
    splitX: x(c.testStart) - slot / 2,
    xTicks,
    yTicks,
    errTicks: [-eMax, 0, eMax].map((e) => ({ at: yErr(e), label: e === 0 ? '0' : `${e > 0 ? '+' : '−'}${Math.abs(e)}` })),
    bars: errors.flatMap((e, t) => (e === null ? [] : [{ month: t, x: x(t) - slot * 0.35, y: Math.min(zero, yErr(e)), h: Math.abs(yErr(e) - zero), w: slot * 0.7, error: e }])),
  };
}

/** "1958-08" → month index from `start`. */
export function monthName(start: string, k: number): string {
  const y0 = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7)) - 1 + k;
  return `${y0 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}
