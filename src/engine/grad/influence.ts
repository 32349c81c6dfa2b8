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
 *   RNN, GRU, minGRU, minLSTM:  M ← M · ∂h_t/∂h_{t-1}
 *   LSTM:      M_h ← M_h · ∂h_t/∂h_{t-1} + M_C · ∂C_t/∂h_{t-1}
 *              M_C ← M_h · diag(∂h_t/∂C_{t-1}) + M_C · diag(∂C_t/∂C_{t-1})
 *   sLSTM:     the same over (h, c, n), with a third column block M_n (rows still h_T, c_T):
 *              M_h ← M_h · ∂h/∂h + M_c · ∂c/∂h + M_n · ∂n/∂h
 *              M_c ← M_h · diag(∂h/∂c) + M_c · diag(∂c/∂c),   M_n ← M_h · diag(∂h/∂n) + M_n · diag(∂n/∂n)
 *              so c[t] is the full recurrence through h and n too. Its states are the stabilised
 *              ones, with m held fixed (kinds/slstm.ts): c[t] and belt[t] (∏ f′) measure c_T
 *              against c_t in the scale of m_T (∂c_T/∂c_t · e^{m_t − m_T} in the true states),
 *              the weight the past keeps relative to what is written; h[t] is scale-free.
 *   mLSTM:     h_t is not read back, so h[t] = 0 for t < T: exact, and the reason this cell's
 *              memory is its matrix C. ∂C_T/∂C_t = ∏_{k=t+1..T} f′_k · I on C's H² entries, so
 *              c[t] = ‖∂C_T/∂C_t‖_F = H ∏ f′_k (the identity on H² entries has norm H, not √H:
 *              a view that divides by √H reads √H at t = T), and belt is null (no per-unit belt).
 *              ∂h_T/∂C_t = ∂h_T/∂C_T · ∏ f′_k follows the same product.
 *
 * with M_h, M_C the (2H)×H column blocks (rows: h_T then C_T). Cost per step: H³ (RNN),
 * 2H³ (GRU reset-before forms its Jacobian with one product), 4H³ (LSTM: two products of
 * 2H×H by H×H), 6H³ (sLSTM: three); the diagonal blocks are O(H²). Total O(T·H³), independent of
 * the input size; the mLSTM's is O(T).
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
  /** c[t] = ‖∂C_T/∂C_t‖_F of the full recurrence (mLSTM: of its matrix memory); null for cells without a cell state. */
  readonly c: number[] | null;
  /** belt[t] = ‖∏_{k=t+1..T} diag(f_k)‖_F; null for cells without a per-unit cell state. */
  readonly belt: number[] | null;
}

/** `onStep(done, total)` after each step back (the page's worker reports progress from it). */
export function influence(p: CellParams, traces: readonly StepTrace[], T: number, onStep?: (done: number, total: number) => void): Influence {
  if (!Number.isInteger(T) || T < 0 || T > traces.length) {
    throw new Error(`influence: T must be an integer in 0..${traces.length}, got ${T}`);
  }
  const H = p.hiddenSize;
  const kind = kindOf(p.kind);
  if (kind.jacobianKind === 'memory') return memoryInfluence(p, traces, T, onStep);
  const withC = kind.hasCellState;
  const withN = kind.jacobianKind === 'hcn';
  const R = withC ? 2 * H : H; // rows: h_T (and C_T)
  let Mh = new Float64Array(R * H);
  let Mc = withC ? new Float64Array(R * H) : null;
  let Mn = withN ? new Float64Array(R * H) : null;
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
    for (const M of [Mh, Mc, Mn]) if (M) for (const v of M) m = Math.max(m, Math.abs(v));
    if (m <= 2 ** 400) return;
    const s = 2 ** -400;
    for (const M of [Mh, Mc, Mn]) if (M) for (let k = 0; k < M.length; k++) M[k] = M[k]! * s;
    shift += 400;
  };
  record(T);

  let nextMh = new Float64Array(R * H);
  let nextMc = withC ? new Float64Array(R * H) : null;
  let nextMn = withN ? new Float64Array(R * H) : null;
  for (let t = T; t >= 1; t--) {
    const tr = traces[t - 1]!;
    const J = stepJacobian(p, tr);
    nextMh.fill(0);
    matMulAdd(Mh, J.hh.data, nextMh, R, H, H);
    if ((J.kind === 'hc' || J.kind === 'hcn') && Mc && nextMc) {
      matMulAdd(Mc, J.ch.data, nextMh, R, H, H);
      if (J.kind === 'hcn' && Mn && nextMn) {
        matMulAdd(Mn, J.nh.data, nextMh, R, H, H);
        for (let r = 0; r < R; r++) {
          for (let k = 0; k < H; k++) {
            const at = r * H + k;
            nextMn[at] = Mh[at]! * J.hnDiag[k]! + Mn[at]! * J.nnDiag[k]!;
          }
        }
        [Mn, nextMn] = [nextMn, Mn];
      }
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

/**
 * The mLSTM's: h_T reads no earlier h (h[t] = 0 before T, √H at T, the identity), and its memory
 * moves as one number, ∂C_T/∂C_t = ∏ f′_k · I on H² entries: c[t] = H ∏ f′_k (each f′ ≤ 1, so
 * the product never overflows; it underflows to 0 only where the gain is below 1e−308).
 */
function memoryInfluence(p: CellParams, traces: readonly StepTrace[], T: number, onStep?: (done: number, total: number) => void): Influence {
  const H = p.hiddenSize;
  const h = new Array<number>(T + 1).fill(0);
  h[T] = Math.sqrt(H);
  const c = new Array<number>(T + 1);
  let size = H * H;
  let prod = 1;
  c[T] = Math.sqrt(size);
  for (let t = T; t >= 1; t--) {
    const J = stepJacobian(p, traces[t - 1]!);
    if (J.kind !== 'memory') throw new Error(`influence: a ${p.kind} step gave a ${J.kind} Jacobian`);
    size = J.size;
    prod *= J.keep;
    c[t - 1] = prod * Math.sqrt(size);
    onStep?.(T - t + 1, T);
  }
  return { norm: 'frobenius', T, h, c, belt: null };
}
