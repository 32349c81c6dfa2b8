/**
 * Gradient flow for the "vanishing gradient" view: how much the state at step t still moves
 * the state at step T. With h_t the state after t steps (h_0 the initial one), for t = 0..T:
 *
 *   h[t]    = ‖∂h_T/∂h_t‖_F     (for the LSTM family: with C_t held fixed, a partial)
 *   c[t]    = ‖∂C_T/∂C_t‖_F     the full recurrence: the belt AND the paths through h
 *   belt[t] = ‖∏_{k=t+1..T} diag(f_k)‖_F    the belt alone, what the forget gates keep
 *
 * Why Frobenius and not spectral: it is exact and costs one pass over the entries, whereas the
 * spectral norm needs an SVD or power iteration for every t. It is also meaningful: for an
 * upstream gradient v drawn isotropically, E‖Jᵀv‖² = ‖J‖_F² · E‖v‖²/H, so ‖J‖_F/√H is the
 * RMS gain of a gradient sent back from T to t (the identity, at t = T, gives √H, i.e. gain 1),
 * and it bounds the spectral norm: σ_max ≤ ‖J‖_F ≤ √H σ_max.
 *
 * Method: reverse accumulation of whole matrices. M = ∂(h_T, C_T)/∂(h_t, C_t) starts as the
 * identity at t = T, and one step back is M ← M · J_t with J_t the step Jacobian (jacobian.ts):
 *
 *   RNN, GRU:  M ← M · ∂h_t/∂h_{t-1}
 *   LSTM:      M_h ← M_h · ∂h_t/∂h_{t-1} + M_C · ∂C_t/∂h_{t-1}
 *              M_C ← M_h · diag(∂h_t/∂C_{t-1}) + M_C · diag(∂C_t/∂C_{t-1})
 *
 * with M_h, M_C the (2H)×H column blocks (rows: h_T then C_T). Cost per step: H³ (RNN),
 * 2H³ (GRU reset-before forms its Jacobian with one product), 4H³ (LSTM: two products of
 * 2H×H by H×H); the diagonal blocks are O(H²). Total O(T·H³), independent of the input size.
 *
 * Overflow: an exploding cell multiplies the gain at every step (U = 10⁴·I with h stuck at 0
 * gives 10⁴ per step, 10⁸⁰⁰ after 200). M is kept scaled by an exact power of two whenever an
 * entry passes 2⁴⁰⁰, and a gain past the largest double is reported as Number.MAX_VALUE: never
 * Infinity, and never NaN from Infinity × 0.
 */
import { type CellParams, kindOf, type StepTrace } from '../kinds';
import { stepJacobian } from './jacobian';
import { frobenius, matMulAdd } from './linalg';

interface Influence {
  readonly norm: 'frobenius';
  /** The index T the Jacobians end at. */
  readonly T: number;
  /** h[t] = ‖∂h_T/∂h_t‖_F, t = 0..T. */
  readonly h: number[];
  /** c[t] = ‖∂C_T/∂C_t‖_F of the full recurrence; null for cells without a cell state. */
  readonly c: number[] | null;
  /** belt[t] = ‖∏_{k=t+1..T} diag(f_k)‖_F; null for cells without a cell state. */
  readonly belt: number[] | null;
}

/** `onStep(done, total)` after each step back (the page's worker reports progress from it). */
export function influence(p: CellParams, traces: readonly StepTrace[], T: number, onStep?: (done: number, total: number) => void): Influence {
  if (!Number.isInteger(T) || T < 0 || T > traces.length) {
    throw new Error(`influence: T must be an integer in 0..${traces.length}, got ${T}`);
  }
  const H = p.hiddenSize;
  const kind = kindOf(p.kind);
  const withC = kind.hasCellState;
  const R = withC ? 2 * H : H; // rows: h_T (and C_T)
  let Mh = new Float64Array(R * H);
  let Mc = withC ? new Float64Array(R * H) : null;
  for (let k = 0; k < H; k++) {
    Mh[k * H + k] = 1;
    if (Mc) Mc[(H + k) * H + k] = 1;
  }
  const h = new Array<number>(T + 1);
  const c = withC ? new Array<number>(T + 1) : null;
  const belt = withC ? new Array<number>(T + 1) : null;
  const beltProd = new Float64Array(H).fill(1);

  /** M's true value is the stored one times 2^shift. */
  let shift = 0;
  const unscale = (x: number) => Math.min(Number.MAX_VALUE, x * 2 ** shift);
  const record = (t: number) => {
    h[t] = unscale(frobenius(Mh, 0, H * H));
    if (c && Mc) c[t] = unscale(frobenius(Mc, H * H, H * H));
    if (belt) belt[t] = frobenius(beltProd);
  };
  const rescale = () => {
    let m = 0;
    for (const v of Mh) m = Math.max(m, Math.abs(v));
    if (Mc) for (const v of Mc) m = Math.max(m, Math.abs(v));
    if (m <= 2 ** 400) return;
    const s = 2 ** -400;
    for (let k = 0; k < Mh.length; k++) Mh[k] = Mh[k]! * s;
    if (Mc) for (let k = 0; k < Mc.length; k++) Mc[k] = Mc[k]! * s;
    shift += 400;
  };
  record(T);

  let nextMh = new Float64Array(R * H);
  let nextMc = withC ? new Float64Array(R * H) : null;
  for (let t = T; t >= 1; t--) {
    const tr = traces[t - 1]!;
    const J = stepJacobian(p, tr);
    nextMh.fill(0);
    matMulAdd(Mh, J.hh.data, nextMh, R, H, H);
    if (J.kind === 'hc' && Mc && nextMc) {
      matMulAdd(Mc, J.ch.data, nextMh, R, H, H);
      for (let r = 0; r < R; r++) {
        for (let k = 0; k < H; k++) {
          const at = r * H + k;
          nextMc[at] = Mh[at]! * J.hcDiag[k]! + Mc[at]! * J.ccDiag[k]!;
        }
      }
      [Mc, nextMc] = [nextMc, Mc];
    }
    const keep = kind.belt(tr)?.keep;
    if (keep) for (let k = 0; k < H; k++) beltProd[k] = beltProd[k]! * keep[k]!;
    [Mh, nextMh] = [nextMh, Mh];
    rescale();
    record(t - 1);
    onStep?.(T - t + 1, T);
  }
  return { norm: 'frobenius', T, h, c, belt };
}
