import { describe, expect, it } from 'vitest';
import { parseSeriesMeta } from './seriesMeta';

const good = () => ({
  name: { en: 'Passengers', zh: '旅客' },
  unit: { en: 'thousands', zh: '千人次' },
  start: '1949-01',
  values: Array.from({ length: 30 }, (_, k) => 100 + k),
  testStart: 24,
  mu: 0.1,
  sigma: 0.05,
});

describe('a model file’s "series"', () => {
  it('reads a good one as written', () => {
    expect(parseSeriesMeta(good())).toEqual(good());
  });
  it('refuses what it cannot draw or invert, naming the field', () => {
    const bad = (change: Record<string, unknown>) => () => parseSeriesMeta({ ...good(), ...change });
    expect(bad({ start: '1949-13' })).toThrow(/series\.start: expected a month "YYYY-MM", found "1949-13"/);
    expect(bad({ values: [1, 2] })).toThrow(/series\.values: expected 26 to 240 months, found 2/);
    expect(bad({ values: [...good().values.slice(0, 29), 0] })).toThrow(/series\.values\[29\]: expected a number above 0 \(the model reads its logarithm\), found 0/);
    expect(bad({ values: [...good().values.slice(0, 29), 'x'] })).toThrow(/series\.values\[29\]: expected a finite number, found "x"/);
    expect(bad({ testStart: 30 })).toThrow(/series\.testStart: expected a whole month index from 14 to 29, found 30/);
    expect(bad({ sigma: 0 })).toThrow(/series\.sigma: expected a deviation above 0, found 0/);
    expect(bad({ unit: { en: 'x' } })).toThrow(/series\.unit\.zh/);
    expect(() => parseSeriesMeta([])).toThrow(/series: expected an object, found an array/);
  });
});
