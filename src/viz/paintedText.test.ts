import { describe, expect, it } from 'vitest';
import { heatColor } from './heatColors';
import { inkOn, measuredUnits, unitValues } from './paintedText';

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
    expect(measuredUnits(null, 8)).toEqual([]);
    expect(measuredUnits({ units: 'no' }, 8)).toEqual([]);
  });

  it('takes one unit across the tokens', () => {
    const s = { id: 'h', symbol: 'h_t', label: 'row.h' as const, range: 'signed' as const, values: [[0.1, 0.2], [0.3, -0.4]] };
    expect(unitValues(s, 1)).toEqual([0.2, -0.4]);
  });

  it('writes black on light colours and white on dark ones, in both themes', () => {
    expect(inkOn('rgb(255, 255, 255)')).toBe('#000');
    expect(inkOn('rgb(0, 0, 0)')).toBe('#fff');
    for (const theme of ['light', 'dark'] as const) {
      expect(inkOn(heatColor(0, 'signed', theme))).toBe(theme === 'light' ? '#000' : '#fff');
    }
  });
});

describe('painted text contrast', () => {
  const lum = (css: string) => {
    const [r, g, b] = css.match(/\d+/g)!.map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  it('every colour of both scales, in both themes, gets ink with at least 4.5:1 contrast (WCAG AA)', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const range of ['signed', 'gate', 'unbounded'] as const) {
        for (let x = -2; x <= 2; x += 0.01) {
          const bg = heatColor(x, range, theme);
          const L = lum(bg);
          const ratio = inkOn(bg) === '#000' ? (L + 0.05) / 0.05 : 1.05 / (L + 0.05);
          expect(ratio, `${theme} ${range} ${x} ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });
});
