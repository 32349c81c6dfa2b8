/**
 * Fill colours for values, colour-blind safe and readable in both themes.
 *  - signed values (h, tanh outputs, candidates; and C_t, pre-activations clipped at ±2):
 *    diverging blue (negative) – neutral – red (positive), ColorBrewer RdBu, which stays
 *    distinguishable for the common red-green deficiencies because it varies in lightness.
 *  - gates in [0, 1]: sequential GnBu, light = closed, dark = open (the dark theme flips the
 *    lightness so that an open gate is always the most contrasted against the page).
 * The stops are colors.ts's RAMPS: heatmaps and diagram swatches share one palette.
 * Colours are looked up in a 256-entry table so the canvas heatmap can fill 10⁴ cells per frame.
 */
import { interpolateLab, piecewise } from 'd3-interpolate';
import { RAMPS } from './colors';
import type { Theme } from '../shared/prefs';
import type { VectorRange } from './vectors';

const LUT_SIZE = 256;
const luts = new Map<string, string[]>();
function lut(theme: Theme, scale: 'diverging' | 'sequential'): string[] {
  const key = `${theme}:${scale}`;
  let table = luts.get(key);
  if (!table) {
    // The same ramps as the diagram's swatches, so a gate has one colour in every view.
    const f = piecewise(interpolateLab, [...RAMPS[theme][scale]]);
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
/** The colour table as bytes [r, g, b] × 256, for painting pixels straight into ImageData. */
export function heatRgbTable(range: VectorRange, theme: Theme): Uint8Array {
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
  return bytes;
}

/** The row of heatRgbTable holding x's colour. */
export function heatIndex(x: number, range: VectorRange): number {
  return Math.round(scalePosition(x, range) * (LUT_SIZE - 1));
}

/** The same colour as heatColor as bytes [r, g, b]. */
export function heatRgb(x: number, range: VectorRange, theme: Theme): [number, number, number] {
  const bytes = heatRgbTable(range, theme);
  const k = heatIndex(x, range) * 3;
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
