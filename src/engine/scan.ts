/**
 * The parallel prefix scan behind minGRU and minLSTM (Feng et al. 2024): when no gate reads
 * h_{t−1}, every step's update is an affine map of the previous state,
 *
 *   h_t = a_t ⊙ h_{t−1} + b_t          (minGRU: a = 1 − z, b = z ⊙ h̃;  minLSTM: a = f′, b = i′ ⊙ h̃)
 *
 * and affine maps compose: doing (a₁, b₁) and then (a₂, b₂) is the one map
 *
 *   (a₂, b₂) ∘ (a₁, b₁) = (a₂ ⊙ a₁,  a₂ ⊙ b₁ + b₂).
 *
 * Composition is associative, so the T prefixes (a_t…a_1, …) can be combined pairwise in
 * ⌈log₂ T⌉ levels instead of T steps in a row (Hillis & Steele 1986): at level ℓ, position t
 * takes in position t − 2^ℓ. After the last level, position t holds the map from h_0 to h_t,
 * so h_t = A_t ⊙ h_0 + B_t, the same numbers as stepping (up to rounding). Every level is kept,
 * because the scan view draws them.
 */
import type { Vec } from './types';

/** An affine map h ↦ a ⊙ h + b, per unit. */
export interface AffineStep {
  readonly a: Vec;
  readonly b: Vec;
}

interface ScanLevel {
  /** 2^ℓ: how far back each position reaches at this level (0 for the steps themselves). */
  readonly reach: number;
  /** The map each position holds after this level, and which earlier position it took in (−1: none). */
  readonly maps: readonly AffineStep[];
  readonly from: readonly number[];
  /** The first step each position's map covers (0-based): position t covers steps first[t]..t. */
  readonly first: readonly number[];
}

export interface Scan {
  /** Level 0 is the steps themselves; the last level holds every prefix. */
  readonly levels: readonly ScanLevel[];
  /** h_1 … h_T from the scan: A_t ⊙ h_0 + B_t. */
  readonly h: readonly Vec[];
}

/** (later) ∘ (earlier): the map that does `earlier` and then `later`. */
function compose(later: AffineStep, earlier: AffineStep): AffineStep {
  const a = later.a.map((v, k) => v * earlier.a[k]!);
  const b = later.b.map((v, k) => later.a[k]! * earlier.b[k]! + v);
  return { a, b };
}

/** Every prefix of `steps`, combined pairwise level by level, and the states it gives from h0. */
export function prefixScan(steps: readonly AffineStep[], h0: Vec): Scan {
  const T = steps.length;
  let maps = steps.slice();
  let first = steps.map((_, t) => t);
  const levels: ScanLevel[] = [{ reach: 0, maps, from: steps.map(() => -1), first }];
  for (let reach = 1; reach < T; reach *= 2) {
    const prev = maps;
    const prevFirst = first;
    maps = prev.map((m, t) => (t >= reach ? compose(m, prev[t - reach]!) : m));
    first = prevFirst.map((f, t) => (t >= reach ? prevFirst[t - reach]! : f));
    levels.push({ reach, maps, from: prev.map((_, t) => (t >= reach ? t - reach : -1)), first });
  }
  const h = maps.map((m) => m.a.map((a, k) => a * h0[k]! + m.b[k]!));
  return { levels, h };
}
