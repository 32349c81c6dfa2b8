import { describe, expect, it } from 'vitest';
import { colorFor, contrast, luminance, swatchScales, textOn } from './colors';

const samples = (lo: number, hi: number) => Array.from({ length: 41 }, (_, k) => lo + ((hi - lo) * k) / 40);

describe('swatch colours', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: every swatch colour has a legible number on it (WCAG AA, ≥ 4.5:1)`, () => {
      const s = swatchScales(theme);
      for (const [scale, xs] of [
        [s.signed, samples(-1.2, 1.2)],
        [s.unbounded, samples(-3, 3)],
        [s.gate, samples(0, 1)],
      ] as const)
        for (const x of xs) {
          const bg = scale(x);
          expect(contrast(textOn(bg), bg), `${theme} ${x} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
    });

    it(`${theme}: the diverging scale is symmetric in lightness and neutral at 0`, () => {
      const s = swatchScales(theme);
      expect(Math.abs(luminance(s.signed(0.7)) - luminance(s.signed(-0.7)))).toBeLessThan(0.12);
      // Extremes are far from the neutral in lightness, so sign and size survive greyscale.
      expect(contrast(s.signed(1), s.signed(0))).toBeGreaterThan(2.5);
      expect(contrast(s.signed(-1), s.signed(0))).toBeGreaterThan(2.5);
    });

    it(`${theme}: the gate scale is monotonic in lightness (closed and open gates differ clearly)`, () => {
      const s = swatchScales(theme);
      const ls = samples(0, 1).map((x) => luminance(s.gate(x)));
      const dir = Math.sign(ls[ls.length - 1]! - ls[0]!);
      for (let k = 1; k < ls.length; k++) expect(Math.sign(ls[k]! - ls[k - 1]!) * dir).toBeGreaterThanOrEqual(0);
      expect(contrast(s.gate(0), s.gate(1))).toBeGreaterThan(4);
    });
  }

  it('clamps out-of-range values and never returns NaN colours', () => {
    expect(colorFor('signed', 'light', 50)).toBe(colorFor('signed', 'light', 1));
    expect(colorFor('gate', 'dark', -3)).toBe(colorFor('gate', 'dark', 0));
    expect(colorFor('unbounded', 'light', Number.NaN)).not.toContain('NaN');
  });
});
