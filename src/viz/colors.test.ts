import { describe, expect, it } from 'vitest';
import { contrast, inkOn, legendStops, luminance, scalePosition, valueColor, valueRgb } from './colors';

const samples = (lo: number, hi: number, n = 401) => Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
const RANGES = [
  ['signed', samples(-1.2, 1.2)],
  ['unbounded', samples(-3, 3)],
  ['gate', samples(0, 1)],
] as const;

describe('the value colour scale (every view reads it)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: a number printed on any colour of any scale is legible (WCAG AA, ≥ 4.5:1)`, () => {
      for (const [range, xs] of RANGES)
        for (const x of xs) {
          const bg = valueColor(x, range, theme);
          expect(contrast(inkOn(bg), bg), `${theme} ${range} ${x} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
    });

    it(`${theme}: the diverging scale is symmetric in lightness and neutral at 0`, () => {
      const c = (x: number) => valueColor(x, 'signed', theme);
      expect(Math.abs(luminance(c(0.7)) - luminance(c(-0.7)))).toBeLessThan(0.12);
      // Extremes are far from the neutral in lightness, so sign and size survive greyscale.
      expect(contrast(c(1), c(0))).toBeGreaterThan(2.5);
      expect(contrast(c(-1), c(0))).toBeGreaterThan(2.5);
      expect(c(-1)).not.toBe(c(1));
    });

    it(`${theme}: the gate scale is monotonic in lightness (closed and open gates differ clearly)`, () => {
      const ls = samples(0, 1, 41).map((x) => luminance(valueColor(x, 'gate', theme)));
      const dir = Math.sign(ls[ls.length - 1]! - ls[0]!);
      for (let k = 1; k < ls.length; k++) expect(Math.sign(ls[k]! - ls[k - 1]!) * dir).toBeGreaterThanOrEqual(0);
      expect(contrast(valueColor(0, 'gate', theme), valueColor(1, 'gate', theme))).toBeGreaterThan(4);
    });
  }

  it('puts zero at the neutral middle of the diverging scale, clips the ends, and never paints NaN', () => {
    expect(scalePosition(0, 'signed')).toBe(0.5);
    expect(scalePosition(5, 'signed')).toBe(1);
    expect(scalePosition(-2, 'unbounded')).toBe(0);
    expect(scalePosition(0.25, 'gate')).toBe(0.25);
    expect(scalePosition(Number.NaN, 'signed')).toBe(0.5);
    expect(valueColor(50, 'signed', 'light')).toBe(valueColor(1, 'signed', 'light'));
    expect(valueColor(-3, 'gate', 'dark')).toBe(valueColor(0, 'gate', 'dark'));
    expect(valueColor(Number.NaN, 'unbounded', 'light')).toBe(valueColor(0, 'unbounded', 'light'));
  });

  it('gives the same colour as bytes for pixel painting, and for legends', () => {
    for (const x of [-3, -0.4, 0, 0.3, 0.99]) {
      expect(`rgb(${valueRgb(x, 'signed', 'dark').join(', ')})`).toBe(valueColor(x, 'signed', 'dark'));
      expect(`rgb(${valueRgb(x, 'gate', 'light').join(', ')})`).toBe(valueColor(x, 'gate', 'light'));
    }
    const stops = legendStops('unbounded', 'light', 5);
    expect(stops.map(([x]) => x)).toEqual([-2, -1, 0, 1, 2]);
    stops.forEach(([x, c]) => expect(c).toBe(valueColor(x, 'unbounded', 'light')));
  });

  it('picks readable ink: black on white, white on black and on the darkest open gate', () => {
    expect(inkOn('#ffffff')).toBe('#000000');
    expect(inkOn('rgb(0, 0, 0)')).toBe('#ffffff');
    expect(inkOn(valueColor(1, 'gate', 'light'))).toBe('#ffffff');
    expect(inkOn(valueColor(1, 'gate', 'dark'))).toBe('#000000');
  });
});
