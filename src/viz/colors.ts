/**
 * The one colour scale of every value view: diagram swatches, the unrolled chain, canvas and SVG
 * heatmaps, legends, collapsed bands, the lab's gate strips and the translate chain all read it,
 * so a value has one colour everywhere.
 *   signed values (tanh outputs, h; and C_t, pre-activations clipped at ±2): diverging blue –
 *     neutral – red, after ColorBrewer RdBu (distinct in lightness as well as hue, so it survives
 *     the common colour-vision deficiencies and greyscale);
 *   gates in [0, 1]: sequential light → dark, after ColorBrewer GnBu (closed = faint, open = strong);
 *   a relu state in [0, ∞) ('rectified'): the diverging ramp's positive half, through x/(1 + |x|),
 *     which never clips: 1 sits halfway up, 3 at three quarters, and larger values keep getting
 *     redder, so a state of 20 is not drawn as one of 2.
 * The dark theme gets its own ramps with a dark neutral, so a 0 is not a glaring white tile and an
 * open gate is bright. Colours come from a 256-entry table per ramp, so a canvas can fill 10⁴
 * cells a frame; numbers printed on a colour take `inkOn(colour)`.
 */
import { interpolateLab, piecewise } from 'd3-interpolate';
import type { Theme } from '../shared/prefs';
import type { VectorRange } from './vectors';

/** The colour stops of the two ramps, per theme. */
const RAMPS = {
  light: {
    diverging: ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'],
    sequential: ['#f7fcf0', '#ccebc5', '#7bccc4', '#2b8cbe', '#084081'],
  },
  dark: {
    diverging: ['#92c5de', '#4f8fbf', '#2a4a66', '#2b2e36', '#6b3a33', '#c2604a', '#f4a582'],
    sequential: ['#22262e', '#1f4a52', '#2d7f83', '#5fbfa6', '#c7f0b8'],
  },
} as const;

const LUT_SIZE = 256;
type Ramp = 'diverging' | 'sequential';
const rampOf = (range: VectorRange): Ramp => (range === 'gate' ? 'sequential' : 'diverging');

const luts = new Map<string, string[]>();
function lut(theme: Theme, ramp: Ramp): string[] {
  const key = `${theme}:${ramp}`;
  let table = luts.get(key);
  if (!table) {
    const f = piecewise(interpolateLab, [...RAMPS[theme][ramp]]);
    table = Array.from({ length: LUT_SIZE }, (_, k) => f(k / (LUT_SIZE - 1)));
    luts.set(key, table);
  }
  return table;
}

/**
 * The ends of a range's scale as a legend shows it: gates 0..1, signed −1..1, unbounded −2..2
 * (clipped beyond); rectified 0..20, a legend's span only (its scale goes on, compressed).
 */
function scaleDomain(range: VectorRange): readonly [number, number] {
  return range === 'gate' ? [0, 1] : range === 'signed' ? [-1, 1] : range === 'rectified' ? [0, 20] : [-2, 2];
}

/** The rectified scale's position of x: 0.5 + x / (2 (1 + |x|)), in (0, 1) for every finite x. */
const soft = (x: number) => 0.5 + x / (2 * (1 + Math.abs(x)));

/**
 * Where a value sits on its scale, in [0, 1] (clipped, except on the rectified scale, which
 * compresses); ±Infinity sits at its end, a NaN (never expected) at the neutral.
 */
export function scalePosition(x: number, range: VectorRange): number {
  if (Number.isNaN(x)) return range === 'gate' ? 0 : 0.5;
  if (range === 'rectified') return Number.isFinite(x) ? soft(x) : x > 0 ? 1 : 0;
  const [lo, hi] = scaleDomain(range);
  return (Math.max(lo, Math.min(hi, x)) - lo) / (hi - lo);
}

/** The value at position p of a scale (the inverse of scalePosition within its span). */
export function scaleValue(p: number, range: VectorRange): number {
  if (range === 'rectified') {
    const q = 2 * p - 1;
    return q / (1 - Math.abs(q));
  }
  const [lo, hi] = scaleDomain(range);
  return lo + (hi - lo) * p;
}

/** The row of valueRgbTable (and of the colour table) holding x's colour. */
export function valueIndex(x: number, range: VectorRange): number {
  return Math.round(scalePosition(x, range) * (LUT_SIZE - 1));
}

/** The colour of value x on its range's scale, as "rgb(r, g, b)". */
export function valueColor(x: number, range: VectorRange, theme: Theme): string {
  return lut(theme, rampOf(range))[valueIndex(x, range)]!;
}

const rgbLuts = new Map<string, Uint8Array>();
/** The colour table as bytes [r, g, b] × 256, for painting pixels straight into ImageData. */
export function valueRgbTable(range: VectorRange, theme: Theme): Uint8Array {
  const ramp = rampOf(range);
  const key = `${theme}:${ramp}`;
  let bytes = rgbLuts.get(key);
  if (!bytes) {
    const table = new Uint8Array(LUT_SIZE * 3);
    lut(theme, ramp).forEach((css, k) => table.set(parseColor(css), k * 3));
    rgbLuts.set(key, table);
    bytes = table;
  }
  return bytes;
}

/** The same colour as valueColor, as bytes [r, g, b]. */
export function valueRgb(x: number, range: VectorRange, theme: Theme): [number, number, number] {
  const bytes = valueRgbTable(range, theme);
  const k = valueIndex(x, range) * 3;
  return [bytes[k]!, bytes[k + 1]!, bytes[k + 2]!];
}

/**
 * Samples of a scale for a legend: [value, colour] pairs from its low end to its high end, evenly
 * spaced in colour (so a compressed scale's stops are its values at even positions).
 */
export function legendStops(range: VectorRange, theme: Theme, n = 9): Array<[number, string]> {
  const [p0, p1] = scaleDomain(range).map((x) => scalePosition(x, range)) as [number, number];
  return Array.from({ length: n }, (_, k) => {
    const x = scaleValue(p0 + ((p1 - p0) * k) / (n - 1), range);
    return [x, valueColor(x, range, theme)];
  });
}

/** Parses #rrggbb or rgb(r, g, b) into 0..255 channels. */
function parseColor(c: string): [number, number, number] {
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

/** Pure black and white, not a soft #111: on mid-tones only they reach 4.5:1 (worst case L ≈ 0.18). */
const INK_DARK = '#000000';
const INK_LIGHT = '#ffffff';

const inks = new Map<string, string>();
/**
 * The text colour (black or white) that reads best on `bg`. Remembered per colour: the
 * backgrounds are the colour tables' 256 entries per ramp and theme, and a first render asks
 * for thousands of swatches (parsing each colour again was ≈ 30 ms of it).
 */
export function inkOn(bg: string): string {
  let ink = inks.get(bg);
  if (ink === undefined) {
    ink = contrast(INK_DARK, bg) >= contrast(INK_LIGHT, bg) ? INK_DARK : INK_LIGHT;
    inks.set(bg, ink);
  }
  return ink;
}
