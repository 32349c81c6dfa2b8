/** Where a figure in a slide stops (reveal.ts): a leaf, so the plugin stays small. */

/**
 * The steps a figure stops at: `data-steps="0,3,5"` (0-based, in any order, past the end left
 * out), else every step of the sentence.
 */
export function stopsOf(attr: string | undefined, steps: number): number[] {
  const all = Array.from({ length: Math.max(1, steps) }, (_, k) => k);
  if (attr === undefined || attr.trim() === '') return all;
  const listed = attr
    .split(/[\s,]+/)
    .filter((x) => /^\d+$/.test(x))
    .map(Number)
    .filter((x) => x < Math.max(1, steps));
  const stops = [...new Set(listed)].sort((a, b) => a - b);
  if (stops.length === 0) {
    console.warn(`reveal-gatescope: data-steps="${attr}" names no step of this sentence (0…${steps - 1}); every step is a stop`);
    return all;
  }
  return stops;
}
