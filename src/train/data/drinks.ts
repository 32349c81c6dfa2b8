/**
 * A real series for the time-series models: monthly US beverage sales, 1992–2017 (Debian's
 * r-cran-modeldata `drinks`, MIT-licensed; FRED series S4248SM144NCEN), written to
 * data/drinks.tsv by scripts/data/drinks.R.
 *
 * Normalised so that a model trained on sines around 0 can read it: each month divided by the
 * mean of the 12 months before it, minus 1, times 5 ("how far above the past year's level",
 * about ±1 at the seasonal peaks), rounded to 3 decimals. This removes the 25-year trend and keeps
 * the yearly pattern. The first 12 months have no past year and are dropped.
 */
import type { Window } from './wave';

interface DrinksMonth {
  readonly month: string;
  readonly value: number;
}

export function parseDrinksTsv(tsv: string): DrinksMonth[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim())
    .map((l, k) => {
      const [month, v] = l.split('\t');
      const value = Number(v);
      if (!month || !/^\d{4}-\d{2}$/.test(month) || !Number.isFinite(value)) throw new Error(`data/drinks.tsv line ${k + 1}: expected "YYYY-MM<TAB>number", found ${JSON.stringify(l.slice(0, 40))}`);
      return { month, value };
    });
}

export function normaliseDrinks(ms: readonly DrinksMonth[]): { months: string[]; values: number[] } {
  const months: string[] = [];
  const values: number[] = [];
  for (let t = 12; t < ms.length; t++) {
    let past = 0;
    for (let k = t - 12; k < t; k++) past += ms[k]!.value;
    values.push(Math.round((ms[t]!.value / (past / 12) - 1) * 5 * 1000) / 1000);
    months.push(ms[t]!.month);
  }
  return { months, values };
}

/** Every window of `length` values and their next values, one month apart. */
export function drinksWindows(values: readonly number[], length: number): Window[] {
  const out: Window[] = [];
  for (let s = 0; s + length < values.length; s++) out.push({ xs: values.slice(s, s + length), ys: values.slice(s + 1, s + length + 1) });
  return out;
}
