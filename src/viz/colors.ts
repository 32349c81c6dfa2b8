/**
 * Colour scales for unit swatches, safe for the common colour-vision deficiencies:
 *   signed values (tanh outputs, C_t, pre-activations): diverging blue – neutral – red, after
 *     ColorBrewer RdBu (distinct in lightness as well as hue, so it survives greyscale too);
 *   gates in [0, 1]: sequential light → dark, after ColorBrewer GnBu (closed = faint, open = strong).
 * The dark theme gets its own ramps with a dark neutral, so a 0 is not a glaring white tile and
 * an open gate is bright. Numbers printed on a swatch take `textOn(colour)`.
 */
import { interpolateLab, piecewise } from 'd3-interpolate';
import { scaleDiverging, scaleSequential } from 'd3-scale';
import type { Theme } from '../shared/prefs';
import type { VectorRange } from './vectors';

/** The colour stops of every value view (diagram swatches and heatmaps share them). */
export const RAMPS = {
  light: {
    diverging: ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'],
    sequential: ['#f7fcf0', '#ccebc5', '#7bccc4', '#2b8cbe', '#084081'],
  },
  dark: {
    diverging: ['#92c5de', '#4f8fbf', '#2a4a66', '#2b2e36', '#6b3a33', '#c2604a', '#f4a582'],
    sequential: ['#22262e', '#1f4a52', '#2d7f83', '#5fbfa6', '#c7f0b8'],
  },
} as const;

export interface SwatchScales {
  /** [−1, 1] (clamped): tanh outputs, h. */
  signed: (x: number) => string;
  /** [−2, 2] (clamped): C_t and pre-activations, unbounded but mostly small. */
  unbounded: (x: number) => string;
  /** [0, 1]: gates. */
  gate: (x: number) => string;
}

const cache = new Map<Theme, SwatchScales>();

export function swatchScales(theme: Theme): SwatchScales {
  const hit = cache.get(theme);
  if (hit) return hit;
  const r = RAMPS[theme];
  const div = piecewise(interpolateLab, [...r.diverging]);
  const seq = piecewise(interpolateLab, [...r.sequential]);
  // A NaN (never expected from the engine) paints as the neutral, never as "undefined".
  const neutral = r.diverging[3];
  const signed = scaleDiverging(div).domain([-1, 0, 1]).clamp(true).unknown(neutral);
  const unbounded = scaleDiverging(div).domain([-2, 0, 2]).clamp(true).unknown(neutral);
  const gate = scaleSequential(seq).domain([0, 1]).clamp(true).unknown(r.sequential[0]);
  const s: SwatchScales = { signed: (x) => signed(x), unbounded: (x) => unbounded(x), gate: (x) => gate(x) };
  cache.set(theme, s);
  return s;
}

export function colorFor(range: VectorRange, theme: Theme, x: number): string {
  return swatchScales(theme)[range](x);
}

/** Parses #rrggbb or rgb(r, g, b) (what d3-interpolate returns) into 0..255 channels. */
export function parseColor(c: string): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(c);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`cannot parse colour ${c}`);
}

/** WCAG relative luminance. */
export function luminance(c: string): number {
  const lin = parseColor(c).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

/** WCAG contrast ratio, 1 … 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** Pure black: with white it guarantees ≥ 4.58:1 on any background (the worst case is L ≈ 0.18). */
export const INK_DARK = '#000000';
export const INK_LIGHT = '#ffffff';

/** The text colour (near-black or white) that reads best on `bg`. */
export function textOn(bg: string): string {
  return contrast(INK_DARK, bg) >= contrast(INK_LIGHT, bg) ? INK_DARK : INK_LIGHT;
}
