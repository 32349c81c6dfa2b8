/**
 * Gradient flow through a stack of layers (stack.ts): how much layer l's state after step t
 * still moves what the head reads, the top layer's h at step T. For every layer l and t = 0..T,
 *
 *   gain[l][t] = ‖∂h^L_T / ∂h^l_t‖_F        (C^l_t held fixed, as influence.ts does for h)
 *
 * where h^l_t reaches h^L_T along every path: along its own chain (h^l_{t+1}, …) and up
 * through the layers above, which read it at step t (and their chains after that). For the top
 * layer this is influence.ts's h[t]; for layer 1 it is what the words' own layer hands on.
 *
 * Method: reverse accumulation, one adjoint row per unit of h^L_T. With G^l_t the adjoint of
 * layer l's state after step t (rows r = 1..H_L),
 *
 *   G^l_t = [l = L, t = T] e_r  +  back(cell^l, step t+1; G^l_{t+1}).prev
 *                               +  back(cell^{l+1}, step t; G^{l+1}_t).dx
 *
 * computed for t = T … 1, top layer first, with the engine's backward step (backward-step.ts,
 * checked against central differences), so no second copy of any cell's derivative exists. The
 * adjoint of a layer's state is all of it: h, C where the kind has one, and its further states
 * (sLSTM's n, m; mLSTM's C, n, m), so the paths through them count too.
 * Cost: T · H_L backward steps per layer. Overflow is handled as in influence.ts: the adjoints
 * are kept scaled by an exact power of two, and a gain past the largest double reads MAX_VALUE.
 */
import type { Stack } from '../stack';
import { type CellParams, extraLengthOf, kindOf, type StepTrace } from '../kinds';
import { backwardStep } from './backward-step';
import { zeroGrads } from './views';

/** gain[l][t] for layers bottom-up and t = 0..T (index t: the state after t steps). */
interface StackInfluence {
  readonly T: number;
  readonly gain: number[][];
}

interface Adjoint {
  h: Float64Array[];
  c: Float64Array[] | null;
  extra: Float64Array[] | null;
}

function zeroAdjoint(rows: number, p: CellParams): Adjoint {
  const make = (n: number) => Array.from({ length: rows }, () => new Float64Array(n));
  const E = extraLengthOf(p.kind, p.hiddenSize);
  return { h: make(p.hiddenSize), c: kindOf(p.kind).hasCellState ? make(p.hiddenSize) : null, extra: E > 0 ? make(E) : null };
}

export function stackInfluence(layers: Stack, traces: readonly (readonly StepTrace[])[], T: number, onStep?: (done: number, total: number) => void): StackInfluence {
  const L = layers.length;
  if (traces.length !== L) throw new Error(`stackInfluence: ${traces.length} trace rows for ${L} layers`);
  const steps = traces[0]!.length;
  if (!Number.isInteger(T) || T < 0 || T > steps) throw new Error(`stackInfluence: T must be an integer in 0..${steps}, got ${T}`);
  const R = layers[L - 1]!.hiddenSize;
  // The weight gradients a backward step adds are not wanted here: one scratch per layer.
  const scratch = layers.map((p) => zeroGrads(p));
  const fresh = () => layers.map((p) => zeroAdjoint(R, p));

  let G = fresh();
  for (let r = 0; r < R; r++) G[L - 1]!.h[r]![r] = 1;
  const gain = layers.map(() => new Array<number>(T + 1).fill(0));
  let shift = 0; // the adjoints' true value is the stored one times 2^shift
  const norm = (a: Adjoint) => {
    let s = 0;
    for (const row of a.h) for (const v of row) s += v * v;
    return Math.min(Number.MAX_VALUE, Math.sqrt(s) * 2 ** shift);
  };

  for (let t = T; t >= 1; t--) {
    const prev = fresh();
    for (let l = L - 1; l >= 0; l--) {
      const p = layers[l]!;
      const tr = traces[l]![t - 1]!;
      const g = G[l]!;
      gain[l]![t] = norm(g); // complete: its chain (from t+1) and the layer above (at t) are in
      for (let r = 0; r < R; r++) {
        const back = backwardStep(p, tr, g.h[r]!, g.c ? g.c[r]! : null, scratch[l]!, g.extra ? g.extra[r]! : null);
        addInto(prev[l]!.h[r]!, back.dhPrev);
        if (prev[l]!.c && back.dcPrev) addInto(prev[l]!.c![r]!, back.dcPrev);
        if (prev[l]!.extra && back.dextraPrev) addInto(prev[l]!.extra![r]!, back.dextraPrev);
        if (l > 0) addInto(G[l - 1]!.h[r]!, back.dx); // layer l reads layer l-1's h at step t
      }
    }
    G = prev;
    shift += rescale(G);
    onStep?.(T - t + 1, T);
  }
  // The initial states: nothing above reads h^l_0 (layer l+1's step 1 reads h^l_1), so only chains.
  for (let l = 0; l < L; l++) gain[l]![0] = norm(G[l]!);
  return { T, gain };
}

function addInto(out: Float64Array, v: ArrayLike<number>): void {
  for (let k = 0; k < out.length; k++) out[k] = out[k]! + v[k]!;
}

/** Scales every adjoint by 2^-400 when an entry passes 2^400; returns the shift applied. */
function rescale(G: Adjoint[]): number {
  let m = 0;
  for (const a of G) for (const rows of [a.h, a.c ?? [], a.extra ?? []]) for (const row of rows) for (const v of row) m = Math.max(m, Math.abs(v));
  if (m <= 2 ** 400) return 0;
  const s = 2 ** -400;
  for (const a of G) for (const rows of [a.h, a.c ?? [], a.extra ?? []]) for (const row of rows) for (let k = 0; k < row.length; k++) row[k] = row[k]! * s;
  return 400;
}
