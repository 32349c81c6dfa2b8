/**
 * Fill colours for values, colour-blind safe and readable in both themes.
 *  - signed values (h, tanh outputs, candidates; and C_t, pre-activations clipped at ±2):
 *    diverging blue (negative) – neutral – red (positive), ColorBrewer RdBu, which stays
 *    distinguishable for the common red-green deficiencies because it varies in lightness.
 *  - gates in [0, 1]: sequential YlGnBu, light = closed, dark = open (the dark theme flips the
 *    lightness so that an open gate is always the most contrasted against the page).
 * Colours are looked up in a 256-entry table so the canvas heatmap can fill 10⁴ cells per frame.
 */
import { interpolateRgb, piecewise } from 'd3-interpolate';
import type { Theme } from '../store/types';
import type { VectorRange } from './vectors';

const STOPS: Record<Theme, Record<'diverging' | 'sequential', string[]>> = {
  light: {
    diverging: ['#2166ac', '#4393c3', '#92c5de', '#f7f7f7', '#f4a582', '#d6604d', '#b2182b'],
    sequential: ['#ffffd9', '#c7e9b4', '#41b6c4', '#225ea8', '#081d58'],
  },
  dark: {
    diverging: ['#92c5de', '#5a9ac4', '#3a5f7d', '#2a2d36', '#7d4a3c', '#c46c52', '#f4a582'],
    sequential: ['#202634', '#1f4f8a', '#2f9fb0', '#a6dcb0', '#ffffd9'],
  },
};

const LUT_SIZE = 256;
const luts = new Map<string, string[]>();
function lut(theme: Theme, scale: 'diverging' | 'sequential'): string[] {
  const key = `${theme}:${scale}`;
  let table = luts.get(key);
  if (!table) {
    const f = piecewise(interpolateRgb, STOPS[theme][scale]);
    table = Array.from({ length: LUT_SIZE }, (_, k) => f(k / (LUT_SIZE - 1)));
    luts.set(key, table);
  }
  return table;
}

/** Where a value sits on its scale, in [0, 1]: gates as they are, signed values from −lim..lim. */
export function scalePosition(x: number, range: VectorRange): number {
  if (!Number.isFinite(x)) return range === 'gate' ? 0 : 0.5;
  if (range === 'gate') return Math.max(0, Math.min(1, x));
  const lim = range === 'signed' ? 1 : 2;
  return (Math.max(-lim, Math.min(lim, x)) / lim + 1) / 2;
}

export function heatColor(x: number, range: VectorRange, theme: Theme): string {
  const table = lut(theme, range === 'gate' ? 'sequential' : 'diverging');
  return table[Math.round(scalePosition(x, range) * (LUT_SIZE - 1))]!;
}

const rgbLuts = new Map<string, Uint8Array>();
/** The same colour as heatColor as bytes [r, g, b], for painting pixels straight into ImageData. */
export function heatRgb(x: number, range: VectorRange, theme: Theme): [number, number, number] {
  const scale = range === 'gate' ? 'sequential' : 'diverging';
  const key = `${theme}:${scale}`;
  let bytes = rgbLuts.get(key);
  if (!bytes) {
    bytes = new Uint8Array(LUT_SIZE * 3);
    lut(theme, scale).forEach((css, k) => {
      const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number);
      bytes!.set([r ?? 0, g ?? 0, b ?? 0], k * 3);
    });
    rgbLuts.set(key, bytes);
  }
  const k = Math.round(scalePosition(x, range) * (LUT_SIZE - 1)) * 3;
  return [bytes[k]!, bytes[k + 1]!, bytes[k + 2]!];
}

/** Black or white, whichever reads better on `fill` (an "rgb(r, g, b)" or "#rrggbb" string). */
export function inkOn(fill: string): string {
  const m = fill.startsWith('#')
    ? [1, 3, 5].map((k) => parseInt(fill.slice(k, k + 2), 16))
    : (fill.match(/\d+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  const lin = m.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const L = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
  // Contrast against black is (L + 0.05) / 0.05, against white 1.05 / (L + 0.05).
  return (L + 0.05) / 0.05 > 1.05 / (L + 0.05) ? '#000000' : '#ffffff';
}

/** Samples of a scale for a legend: [value, colour] pairs from its low end to its high end. */
export function legendStops(range: VectorRange, theme: Theme, n = 9): Array<[number, string]> {
  const lo = range === 'gate' ? 0 : range === 'signed' ? -1 : -2;
  const hi = range === 'gate' ? 1 : range === 'signed' ? 1 : 2;
  return Array.from({ length: n }, (_, k) => {
    const x = lo + ((hi - lo) * k) / (n - 1);
    return [x, heatColor(x, range, theme)];
  });
}
