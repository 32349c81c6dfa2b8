import { describe, expect, it } from 'vitest';
import { drinksWindows, normaliseDrinks, parseDrinksTsv } from './drinks';

describe('the drinks series', () => {
  it('is read from its TSV, each month against the 12 before it, ×5', () => {
    const months = Array.from({ length: 14 }, (_, k) => `1992-${String((k % 12) + 1).padStart(2, '0')}\t${k === 12 ? 110 : 100}`);
    const { months: m, values } = normaliseDrinks(parseDrinksTsv(months.join('\n')));
    expect(values).toEqual([0.5, Math.round((100 / (1210 / 12) - 1) * 5000) / 1000]);
    expect(m[0]).toBe('1992-01');
    expect(() => parseDrinksTsv('1992-01\t3459\nnot a line')).toThrow(/line 2: expected "YYYY-MM<TAB>number"/);
  });

  it('windows slide one month at a time, each with its next values', () => {
    const w = drinksWindows([1, 2, 3, 4, 5], 3);
    expect(w).toEqual([
      { xs: [1, 2, 3], ys: [2, 3, 4] },
      { xs: [2, 3, 4], ys: [3, 4, 5] },
    ]);
  });
});
