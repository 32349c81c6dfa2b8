/**
 * The real series a time-series model was trained on, carried in its model file (`"series"`), so
 * the app can draw the series, split and the model's predictions in the series' own units. Only
 * observations and the fitted scale are stored; every prediction is the engine's, run in the page.
 *
 *   "series": { "name": {en, zh}, "unit": {en, zh}, "start": "1949-01", "values": [112, …],
 *               "testStart": 115, "mu": 0.126, "sigma": 0.063 }
 *
 * The model reads the yearly log change of the values, standardised by mu and sigma (fitted on the
 * months before testStart only): see src/train/data/airpassengers.ts.
 */
import { ModelFileError } from './errors';
import { describe, field, obj, shown, str, type Json } from './jsonFields';

export interface SeriesMeta {
  readonly name: { readonly en: string; readonly zh: string };
  readonly unit: { readonly en: string; readonly zh: string };
  /** "YYYY-MM" of values[0]; one value per month from there. */
  readonly start: string;
  readonly values: readonly number[];
  /** The first month of the test part (never trained on). */
  readonly testStart: number;
  readonly mu: number;
  readonly sigma: number;
}

/** Months needed before the first prediction (a year) and after it, for a chart that means anything. */
const MIN_MONTHS = 26;
const MAX_MONTHS = 240;

function finite(v: Json, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelFileError(path, `expected a finite number, found ${shown(v)}`);
  return v;
}

function pair(o: Record<string, Json>, key: string): { en: string; zh: string } {
  const p = obj(field(o, key, 'series'), `series.${key}`);
  return { en: str(field(p, 'en', `series.${key}`), `series.${key}.en`), zh: str(field(p, 'zh', `series.${key}`), `series.${key}.zh`) };
}

export function parseSeriesMeta(v: Json): SeriesMeta {
  const o = obj(v, 'series');
  const start = str(field(o, 'start', 'series'), 'series.start');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(start)) throw new ModelFileError('series.start', `expected a month "YYYY-MM", found ${shown(start)}`);
  const raw = field(o, 'values', 'series');
  if (!Array.isArray(raw)) throw new ModelFileError('series.values', `expected an array of numbers, found ${describe(raw)}`);
  if (raw.length < MIN_MONTHS || raw.length > MAX_MONTHS) throw new ModelFileError('series.values', `expected ${MIN_MONTHS} to ${MAX_MONTHS} months, found ${raw.length}`);
  const values = raw.map((x, k) => {
    const n = finite(x, `series.values[${k}]`);
    // The model reads logarithms of the values: each must be above zero.
    if (n <= 0) throw new ModelFileError(`series.values[${k}]`, `expected a number above 0 (the model reads its logarithm), found ${n}`);
    return n;
  });
  const testStart = finite(field(o, 'testStart', 'series'), 'series.testStart');
  if (!Number.isInteger(testStart) || testStart < 14 || testStart >= values.length) {
    throw new ModelFileError('series.testStart', `expected a whole month index from 14 to ${values.length - 1}, found ${testStart}`);
  }
  const sigma = finite(field(o, 'sigma', 'series'), 'series.sigma');
  if (sigma <= 0) throw new ModelFileError('series.sigma', `expected a deviation above 0, found ${sigma}`);
  return { name: pair(o, 'name'), unit: pair(o, 'unit'), start, values, testStart, mu: finite(field(o, 'mu', 'series'), 'series.mu'), sigma };
}
