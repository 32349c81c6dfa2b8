import { describe, expect, it } from 'vitest';
import { measuredUnits, unitValues } from './paintedText';

describe('painted text', () => {
  it('reads the measured units of a report, strongest first, skipping malformed or out-of-range ones', () => {
    const report = {
      units: [
        { feature: 'space', vector: 'h', unit: 3, r: 0.5 },
        { feature: 'quote', vector: 'C', unit: 7, r: -0.9 },
        { feature: 'vowel', vector: 'C', unit: 48, r: 0.99 },
        { feature: 'punct', vector: 'x', unit: 1, r: 0.99 },
        { feature: 'punct', vector: 'h', unit: 1, r: null },
        null,
      ],
    };
    expect(measuredUnits(report, 48)).toEqual([
      { series: 'c', unit: 7, feature: 'quote', r: -0.9 },
      { series: 'h', unit: 3, feature: 'space', r: 0.5 },
    ]);
    // The feature a report says to paint first comes first, though a weaker unit.
    expect(measuredUnits({ ...report, paint: 'space' }, 48).map((u) => u.feature)).toEqual(['space', 'quote']);
    expect(measuredUnits(null, 8)).toEqual([]);
    expect(measuredUnits({ units: 'no' }, 8)).toEqual([]);
  });

  it('takes one unit across the tokens', () => {
    const s = {
      id: 'h',
      symbol: 'h_t',
      label: 'row.h' as const,
      range: 'signed' as const,
      values: [
        [0.1, 0.2],
        [0.3, -0.4],
      ],
    };
    expect(unitValues(s, 1)).toEqual([0.2, -0.4]);
  });
});
