import { describe, expect, it } from 'vitest';
import { heatColor, heatRgb, inkOn, scalePosition } from './heatColors';

describe('heat colours', () => {
  it('puts zero at the neutral middle of the diverging scale and clips the ends', () => {
    expect(scalePosition(0, 'signed')).toBe(0.5);
    expect(scalePosition(5, 'signed')).toBe(1);
    expect(scalePosition(-2, 'unbounded')).toBe(0);
    expect(scalePosition(0.25, 'gate')).toBe(0.25);
    expect(scalePosition(Number.NaN, 'signed')).toBe(0.5);
  });

  it('has different colours for the two signs and for open and closed gates, in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      expect(heatColor(-1, 'signed', theme)).not.toBe(heatColor(1, 'signed', theme));
      expect(heatColor(0, 'gate', theme)).not.toBe(heatColor(1, 'gate', theme));
    }
  });

  it('picks readable ink on a fill', () => {
    expect(inkOn('#ffffff')).toBe('#000000');
    expect(inkOn('rgb(8, 29, 88)')).toBe('#ffffff');
    expect(inkOn(heatColor(1, 'gate', 'light'))).toBe('#ffffff');
    expect(inkOn(heatColor(1, 'gate', 'dark'))).toBe('#000000');
  });

  it('gives the same colour as bytes for pixel painting', () => {
    for (const x of [-3, -0.4, 0, 0.3, 0.99]) {
      expect(`rgb(${heatRgb(x, 'signed', 'dark').join(', ')})`).toBe(heatColor(x, 'signed', 'dark'));
      expect(`rgb(${heatRgb(x, 'gate', 'light').join(', ')})`).toBe(heatColor(x, 'gate', 'light'));
    }
  });
});
