/**
 * The units a strip does not show as swatches (hidden size > the diagram's rows), drawn as one
 * thin band: each unit a sliver, coloured by its value. With 120 hidden units a sliver is under a
 * pixel wide, so the exact colour of one sliver cannot be seen anyway; we quantize the value into
 * a few levels and draw one path per level. That keeps the band at a few dozen elements whatever
 * the hidden size (one <rect> per unit made every step restyle ~1300 nodes at hidden 128).
 */
import type { Theme } from '../shared/prefs';
import { scalePosition, scaleValue, valueColor } from './colors';
import type { VectorRange } from './vectors';

/** The value interval each range's colour scale spans (values beyond it are clamped). */
const DOMAIN: Record<Exclude<VectorRange, 'rectified'>, readonly [number, number]> = { gate: [0, 1], signed: [-1, 1], unbounded: [-2, 2] };

const BAND_LEVELS = 25;

export interface BandBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface BandPath {
  /** The level's colour: the scale's colour at the level's value. */
  readonly fill: string;
  readonly d: string;
}

/** The level (0 … levels − 1) of a value; NaN goes to the middle level (never expected). */
export function bandLevel(range: VectorRange, x: number, levels = BAND_LEVELS): number {
  if (Number.isNaN(x)) return (levels - 1) >> 1;
  // The rectified scale compresses rather than clips: its levels are even steps of colour.
  if (range === 'rectified') return Math.round(scalePosition(x, range) * (levels - 1));
  const [lo, hi] = DOMAIN[range];
  const s = (Math.min(hi, Math.max(lo, x)) - lo) / (hi - lo);
  return Math.round(s * (levels - 1));
}

// The slivers' outlines depend only on the box and their count, not on the values: written once
// (a step then only sorts units into levels). Few distinct boxes exist; the bound is a safeguard.
const sliverCache = new Map<string, readonly string[]>();

function slivers(box: BandBox, n: number): readonly string[] {
  const key = `${box.x} ${box.y} ${box.width} ${box.height} ${n}`;
  let segs = sliverCache.get(key);
  if (!segs) {
    const w = box.width / n;
    const dx = +(w + 0.3).toFixed(2);
    segs = Array.from({ length: n }, (_, j) => `M${+(box.x + j * w).toFixed(2)} ${box.y}h${dx}v${box.height}h${-dx}z`);
    if (sliverCache.size > 512) sliverCache.clear();
    sliverCache.set(key, segs);
  }
  return segs;
}

/**
 * The band of every unit not in `shown`, left to right in unit order, as at most `levels`
 * paths. Slivers overlap by 0.3 so no background shows between them when scaled.
 */
export function collapsedBand(values: ArrayLike<number>, shown: readonly number[], range: VectorRange, theme: Theme, box: BandBox, levels = BAND_LEVELS): BandPath[] {
  const skip = new Set(shown);
  const rest: number[] = [];
  for (let u = 0; u < values.length; u++) if (!skip.has(u)) rest.push(u);
  if (rest.length === 0) return [];
  const segs = slivers(box, rest.length);
  const parts = new Map<number, string[]>();
  rest.forEach((u, j) => {
    const k = bandLevel(range, values[u]!, levels);
    const seg = segs[j]!;
    const list = parts.get(k);
    if (list) list.push(seg);
    else parts.set(k, [seg]);
  });
  const at = (k: number) => (range === 'rectified' ? scaleValue(k / (levels - 1), range) : DOMAIN[range][0] + ((DOMAIN[range][1] - DOMAIN[range][0]) * k) / (levels - 1));
  return [...parts.entries()].sort((a, b) => a[0] - b[0]).map(([k, segs]) => ({ fill: valueColor(at(k), range, theme), d: segs.join('') }));
}
