/**
 * The pieces the kinds' starts are made of (spec.ts, KindStart): each kind lists its own starts
 * in its module; these are the ones several kinds share, and the matrices the RNN's starts draw.
 */
import type { Rng } from '../rng';
import type { Matrix } from '../types';
import type { KindStart, StartContext } from './spec';

/** The weights as drawn, U(±1/√H) for every weight and bias (PyTorch's default): nothing to change. */
export function defaultStart<P>(): KindStart<P> {
  return { id: 'default', apply: () => {} };
}

/**
 * Chrono initialisation (Tallec & Ollivier 2018): the keep gate's bias is log u, u ~ U[1, T_max − 1]
 * per unit, drawn in unit order from the start's stream, so that the gate starts remembering over
 * time scales up to T_max; `setKeepBias` is the kind's own (the input gate at −b where it is free).
 */
export function chronoStart<P>(setKeepBias: (p: P, b: (unit: number) => number) => void): KindStart<P> {
  return { id: 'chrono', apply: (p, ctx: StartContext) => setKeepBias(p, () => Math.log(ctx.rng.uniform(1, ctx.tMax - 1))) };
}

/**
 * An n × n orthogonal matrix from the seeded stream: modified Gram–Schmidt on the columns of a
 * standard-normal matrix (the Q of its QR with R's diagonal positive, so Haar-distributed). A
 * column that comes out (numerically) dependent is drawn again.
 */
export function orthogonalMatrix(n: number, rng: Rng): Matrix {
  const cols: Float64Array[] = [];
  while (cols.length < n) {
    const v = Float64Array.from({ length: n }, () => rng.normal());
    for (const q of cols) {
      let d = 0;
      for (let k = 0; k < n; k++) d += q[k]! * v[k]!;
      for (let k = 0; k < n; k++) v[k] = v[k]! - d * q[k]!;
    }
    const norm = Math.hypot(...v);
    if (norm < 1e-8) continue;
    for (let k = 0; k < n; k++) v[k] = v[k]! / norm;
    cols.push(v);
  }
  const data = new Float64Array(n * n);
  for (let c = 0; c < n; c++) for (let r = 0; r < n; r++) data[r * n + c] = cols[c]![r]!;
  return { rows: n, cols: n, data };
}
