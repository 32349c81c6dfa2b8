/**
 * The real series of the time-series task: R's AirPassengers (monthly international airline
 * passengers, thousands, January 1949 – December 1960; Box, Jenkins & Reinsel, Series G),
 * exported once by scripts/data/airpassengers.R to ./airpassengers.csv, which is committed.
 *
 * Split by time, by construction: months 0 … trainEnd−1 (the earlier 80%) are the training part,
 * the rest the test part; the last VAL_MONTHS of the training part are its validation tail (for
 * choosing the number of epochs). Nothing here reads a value at or after a boundary to fit what
 * lies before it.
 *
 * What the model reads: the change of the logarithm over twelve months, d_t = ln v_t − ln v_{t−12}
 * ("how much bigger than the same month a year before"): the series grows by a factor and its
 * seasonal swing grows with it, so in logs both are additive, and the yearly difference removes
 * the season and leaves a slowly moving growth rate. It is standardised with the mean μ and
 * deviation σ of the training part's changes only, z_t = (d_t − μ) / σ, rounded to 3 decimals (as
 * the numbers are typed and shown). A prediction ẑ of the next change is turned back into
 * passengers from the month a year before the one predicted: v̂_{t+1} = v_{t−11} · exp(μ + σ ẑ).
 */

export interface MonthlySeries {
  /** "YYYY-MM", consecutive. */
  readonly months: readonly string[];
  readonly values: readonly number[];
}

/** The CSV as scripts/data/airpassengers.R writes it: `#` comment lines, a header, "YYYY-MM,value". */
export function parseSeriesCsv(csv: string, name = 'airpassengers.csv'): MonthlySeries {
  const rows = csv.split('\n').map((l, k) => ({ l: l.trim(), line: k + 1 }));
  const body = rows.filter((r) => r.l && !r.l.startsWith('#'));
  if (body[0]?.l !== 'month,passengers') throw new Error(`${name}: expected the header "month,passengers", found ${JSON.stringify(body[0]?.l ?? '')}`);
  const months: string[] = [];
  const values: number[] = [];
  for (const { l, line } of body.slice(1)) {
    const [month, v, extra] = l.split(',');
    const value = Number(v);
    if (extra !== undefined || !month || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || v === undefined || v.trim() === '' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`${name} line ${line}: expected "YYYY-MM,positive number", found ${JSON.stringify(l.slice(0, 40))}`);
    }
    if (months.length && month !== nextMonth(months.at(-1)!)) throw new Error(`${name} line ${line}: ${month} does not follow ${months.at(-1)}`);
    months.push(month);
    values.push(value);
  }
  if (values.length < 40) throw new Error(`${name}: ${values.length} months; the split needs at least 40`);
  return { months, values };
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** The test part is the last 20% (rounded up to whole months). */
export const testStart = (n: number): number => Math.floor(n * 0.8);
/** Months at the end of the training part held back to choose the number of epochs. */
export const VAL_MONTHS = 12;

export interface LogDiffScale {
  readonly mu: number;
  readonly sigma: number;
}

/** The difference is over a year of months. */
export const LAG = 12;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const change = (values: readonly number[], t: number) => Math.log(values[t]!) - Math.log(values[t - LAG]!);

/** μ and σ of the yearly log changes of months LAG … end−1 (nothing at or after `end` is read). */
export function fitScale(values: readonly number[], end: number): LogDiffScale {
  const d: number[] = [];
  for (let t = LAG; t < end; t++) d.push(change(values, t));
  const mu = d.reduce((s, x) => s + x, 0) / d.length;
  const sigma = Math.sqrt(d.reduce((s, x) => s + (x - mu) ** 2, 0) / d.length);
  return { mu, sigma };
}

/**
 * The model's inputs: zs[k] is the standardised change of month k + LAG (k = 0 … n−LAG−1). Step k
 * reads zs[k] and predicts zs[k+1], the change of month k + LAG + 1.
 */
export function seriesInputs(values: readonly number[], s: LogDiffScale): number[] {
  return values.slice(LAG).map((_, k) => round3((change(values, k + LAG) - s.mu) / s.sigma));
}

/** The month a step's prediction is for. */
export const targetMonth = (step: number): number => step + LAG + 1;
/** The month a step reads. */
export const readMonth = (step: number): number => step + LAG;

/** Passengers predicted for month t from month t − LAG and the predicted change ẑ. */
export const toLevel = (yearBefore: number, z: number, s: LogDiffScale): number => yearBefore * Math.exp(s.mu + s.sigma * z);

/**
 * The training window for targets before month `end`: inputs zs[0 … K], targets zs[1 … K+1] with
 * K = end − LAG − 2, so the last target is the change of month end − 1 and no input or target
 * reads month `end` or later.
 */
export function trainingWindow(zs: readonly number[], end: number): { xs: number[]; ys: number[] } {
  const K = end - LAG - 2;
  return { xs: zs.slice(0, K + 1), ys: zs.slice(1, K + 2) };
}

/** Mean squared and absolute error over the months in [from, to) of predictions `p[t]` for month t. */
export function errors(values: readonly number[], p: (t: number) => number, from: number, to: number): { mse: number; mae: number } {
  let se = 0;
  let ae = 0;
  for (let t = from; t < to; t++) {
    const e = p(t) - values[t]!;
    se += e * e;
    ae += Math.abs(e);
  }
  return { mse: se / (to - from), mae: ae / (to - from) };
}

/** "Next = current": month t predicted as month t−1. */
export const naiveForecast = (values: readonly number[]) => (t: number) => values[t - 1]!;
/** "Next = same month last year": month t predicted as month t−12. */
export const seasonalNaiveForecast = (values: readonly number[]) => (t: number) => values[t - 12]!;
