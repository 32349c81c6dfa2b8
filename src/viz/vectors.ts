/**
 * The vectors of one step, in the order the cell computes them, each with what it is (its
 * message key and symbol) and its range, which picks the colour scale: gates live in [0, 1]
 * (sequential), tanh outputs in [−1, 1] (diverging), pre-activations and C_t are unbounded, a
 * relu state is rectified ([0, ∞), compressed rather than clipped).
 */
import type { StepTrace } from '../engine';
import { figureOf, type TraceVector, type VectorRange } from './kinds';

export type { VectorRange } from './kinds';
export { formatCompact, formatValue } from './numberFormat';
import { formatValue } from './numberFormat';

/** The values table's rows for one step, in the order the cell computes them. */
export function traceVectors(tr: StepTrace): TraceVector[] {
  return figureOf(tr.kind).rows(tr);
}

/**
 * formatValue where three decimals would hide the number (the mLSTM's memory panel: a
 * denominator of 3e−7, a floor e^{−m} of 1e+12): below 0.001 or from 10⁶ on, four significant digits
 * in exponent form.
 */
export function formatWide(x: number): string {
  const a = Math.abs(x);
  if (x === 0 || !Number.isFinite(x) || (a >= 1e-3 && a < 1e6)) return formatValue(x);
  const s = x.toExponential(3);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Inverse of formatValue, for tests that read numbers off the screen. */
export function parseShown(s: string): number {
  return Number(s.trim().replace('−', '-'));
}

/** Bar geometry for a value: [start, end] as fractions of the cell width, from a centre line. */
export function barExtent(x: number, range: VectorRange): { from: number; to: number } {
  if (range === 'gate') return { from: 0, to: Math.max(0, Math.min(1, x)) };
  if (range === 'rectified') {
    // x / (1 + |x|): never full, never clipped, so a larger state always draws a longer bar.
    const r = Number.isNaN(x) ? 0 : Number.isFinite(x) ? x / (1 + Math.abs(x)) : Math.sign(x);
    const g = r / 2;
    return g >= 0 ? { from: 0.5, to: 0.5 + g } : { from: 0.5 + g, to: 0.5 };
  }
  // Unbounded values are drawn on a [−2, 2] scale (clipped), enough for typical C_t and z.
  const lim = range === 'signed' ? 1 : 2;
  const f = Math.max(-1, Math.min(1, x / lim)) / 2;
  return f >= 0 ? { from: 0.5, to: 0.5 + f } : { from: 0.5 + f, to: 0.5 };
}
