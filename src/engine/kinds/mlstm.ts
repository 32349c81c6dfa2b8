/**
 * mLSTM (Beck et al. 2024, xLSTM), one head with head dimension d = the hidden size: a matrix
 * memory C written by v kᵀ and read by q, with scalar exponential gates that read x_t alone:
 *
 *   q_t  = W_q x_t + b_q
 *   k_t  = (W_k x_t + b_k) / √d                  the key bias is scaled too
 *   v_t  = W_v x_t + b_v
 *   ĩ_t = w_i · x_t + b_i,   f̃_t = w_f · x_t + b_f      one number each: one gate per head
 *   m_t  = max(logσ(f̃_t) + m_{t−1}, ĩ_t)        the stabiliser (a number)
 *   i′_t = exp(ĩ_t − m_t),   f′_t = exp(logσ(f̃_t) + m_{t−1} − m_t)
 *   C_t  = f′_t C_{t−1} + i′_t v_t k_tᵀ          d×d; row = value index, column = key index
 *   n_t  = f′_t n_{t−1} + i′_t k_t
 *   h̃_t = C_t q_t / max(|n_t · q_t|, exp(−m_t))  no eps (the official kernels add 1e−6)
 *   h_t  = σ(W_o x_t + b_o) ⊙ h̃_t
 *
 * State (C, n, m), CellState.extra = [C row-major; n; m], all zeros at the start (the official
 * zero state). h_t is an output: no step reads h_{t−1}, and CellState.h only carries it to the
 * layer above and the head. No U anywhere: nothing recurrent is stored, drawn or trained.
 *
 * Stabiliser. C and n are the true memory and normaliser times e^{−m_t} for ANY sequence m, and
 * max(|n·q|, e^{−m}) is e^{−m} max(|n^true·q|, 1) (the paper's bound on the true states), so h
 * does not depend on m: BPTT holds m fixed and its gradient is exact (the finite-difference test
 * moves m with the weights). ∂L/∂m_0 is the partial through f′_1, as for the sLSTM (slstm.ts).
 * Two guards keep every value finite for any finite weights and inputs, where the exact value
 * would itself leave the doubles: exp(−m) is taken at most Number.MAX_VALUE (m < −709: h̃ is then
 * below 1e−308 of C q, and reads 0), and h̃ is held within ±MLSTM_CAP (its true value can exceed
 * any double once e^{−m} underflows and |n·q| is near 0), where no gradient flows, as at relu's cap.
 *
 * Backward (BPTT), given dh = ∂L/∂h_t, dC = ∂L/∂C_t and dn = ∂L/∂n_t from the step after (m fixed;
 * den = max(|n·q|, e^{−m})):
 *   dPreO = dh ⊙ h̃ ⊙ o(1 − o)      dH̃ = dh ⊙ o
 *   dC += (dH̃ / den) qᵀ     dq = Cᵀ dH̃ / den     dden = −(dH̃ · h̃) / den
 *   where den = |n·q|:  dn += dden sign(n·q) q,   dq += dden sign(n·q) n
 *   dF′ = ⟨dC, C_{t−1}⟩ + dn · n_{t−1}      dI′ = vᵀ dC k + dn · k
 *   dv = i′ dC k      dk = i′ (dCᵀ v + dn)      (then /√d onto W_k, b_k)
 *   dPreF = dF′ f′ σ(−f̃)     dPreI = dI′ i′     dC_{t−1} = f′ dC,  dn_{t−1} = f′ dn,  dm_{t−1} = dF′ f′
 */
import { matrix, sigmoid, softplus } from '../math';
import type { MemoryJacobian } from '../grad/jacobian-types';
import type { StepBackResult } from '../grad/types';
import type { CellState, InputAffine, Matrix, ParamsBase, StepResult, Vec } from '../types';
import { type InputAffineGrads, inputAffine, inputAffineBack, inputAffineGradViews, zeroInputAffine } from './input-affine';
import { chronoStart, defaultStart } from './starts';
import type { KindSpec } from './spec';
import { emptyInputAffine, inputAffineTensors, vecTensor } from './tensors';

/** |h̃| is held within this (see above); no float32 model gets near it. */
const MLSTM_CAP = 1e150;

/** A gate of one number per step: ĩ = w · x + b. */
interface ScalarGate {
  readonly w: Vec;
  /** One number, kept as an array of length 1 so that optimisers and views treat it like any weight. */
  readonly b: Vec;
}

interface ScalarGateGrads {
  readonly dw: Vec;
  readonly db: Vec;
}

type Projection = 'q' | 'k' | 'v' | 'o';

export interface MlstmParams extends ParamsBase {
  readonly kind: 'mlstm';
  readonly q: InputAffine;
  /** Before the 1/√d scaling. */
  readonly k: InputAffine;
  readonly v: InputAffine;
  readonly i: ScalarGate;
  readonly f: ScalarGate;
  /** The output gate's map: õ = W_o x + b_o. */
  readonly o: InputAffine;
}

export interface MlstmTrace {
  readonly kind: 'mlstm';
  readonly x: Vec;
  /** The h_{t−1} passed in, which the step does not read (every trace carries x, h_{t−1} and h). */
  readonly hPrev: Vec;
  readonly CPrev: Matrix;
  readonly nPrev: Vec;
  readonly mPrev: number;
  /** ĩ and f̃ (numbers: one gate per head) and õ. */
  readonly pre: { readonly i: number; readonly f: number; readonly o: Vec };
  readonly q: Vec;
  /** The key, already divided by √d. */
  readonly k: Vec;
  readonly v: Vec;
  /** logσ(f̃). The unstabilised gates are i = e^{pre.i}, f = e^{logF}; the true memory C e^{m}, n e^{m}. */
  readonly logF: number;
  readonly iPrime: number;
  readonly fPrime: number;
  /** σ(õ). */
  readonly o: Vec;
  /** The memory after the step, d×d: C[a][b] holds v[a] k[b] (row a: value index). */
  readonly C: Matrix;
  readonly n: Vec;
  readonly m: number;
  /** n_t · q_t, whose size the denominator compares with e^{−m_t}. */
  readonly nq: number;
  /** max(|n_t · q_t|, e^{−m_t}). */
  readonly denominator: number;
  /** C_t q_t / denominator, the retrieved value. */
  readonly hTilde: Vec;
  readonly h: Vec;
}

export interface MlstmGrads {
  readonly kind: 'mlstm';
  readonly q: InputAffineGrads;
  readonly k: InputAffineGrads;
  readonly v: InputAffineGrads;
  readonly i: ScalarGateGrads;
  readonly f: ScalarGateGrads;
  readonly o: InputAffineGrads;
}

const dot = (a: Vec, b: Vec) => {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
};

function step(p: MlstmParams, s: CellState, x: Vec): StepResult<MlstmTrace> {
  const H = p.hiddenSize;
  const prev = s.extra ?? new Float64Array(H * H + H + 1);
  const CPrev = prev.subarray(0, H * H);
  const nPrev = prev.subarray(H * H, H * H + H);
  const mPrev = prev[H * H + H]!;
  const q = inputAffine(p.q, x);
  const k = inputAffine(p.k, x);
  const scale = 1 / Math.sqrt(H);
  for (let b = 0; b < H; b++) k[b] = k[b]! * scale;
  const v = inputAffine(p.v, x);
  const preO = inputAffine(p.o, x);
  const preI = dot(p.i.w, x) + p.i.b[0]!;
  const preF = dot(p.f.w, x) + p.f.b[0]!;
  const logF = -softplus(-preF);
  const kept = logF + mPrev;
  const m = Math.max(kept, preI);
  const iPrime = Math.exp(preI - m);
  const fPrime = Math.exp(kept - m);

  const extra = new Float64Array(H * H + H + 1);
  const C = extra.subarray(0, H * H);
  const n = extra.subarray(H * H, H * H + H);
  extra[H * H + H] = m;
  for (let a = 0; a < H; a++) {
    const iv = iPrime * v[a]!;
    for (let b = 0; b < H; b++) C[a * H + b] = fPrime * CPrev[a * H + b]! + iv * k[b]!;
  }
  for (let b = 0; b < H; b++) n[b] = fPrime * nPrev[b]! + iPrime * k[b]!;
  const nq = dot(n, q);
  const denominator = Math.max(Math.abs(nq), Math.min(Math.exp(-m), Number.MAX_VALUE));
  const hTilde = new Float64Array(H);
  const o = new Float64Array(H);
  const h = new Float64Array(H);
  for (let a = 0; a < H; a++) {
    let cq = 0;
    for (let b = 0; b < H; b++) cq += C[a * H + b]! * q[b]!;
    const r = denominator > 0 ? cq / denominator : cq === 0 ? 0 : Math.sign(cq) * Number.POSITIVE_INFINITY;
    hTilde[a] = Math.max(-MLSTM_CAP, Math.min(MLSTM_CAP, r));
    o[a] = sigmoid(preO[a]!);
    h[a] = o[a]! * hTilde[a]!;
  }
  return {
    state: { h, c: null, extra },
    trace: {
      kind: 'mlstm',
      x,
      hPrev: s.h,
      CPrev: { rows: H, cols: H, data: CPrev },
      nPrev,
      mPrev,
      pre: { i: preI, f: preF, o: preO },
      q,
      k,
      v,
      logF,
      iPrime,
      fPrime,
      o,
      C: { rows: H, cols: H, data: C },
      n,
      m,
      nq,
      denominator,
      hTilde,
      h,
    },
  };
}

function backward(p: MlstmParams, tr: MlstmTrace, dh: Vec, _dc: Vec | null, g: MlstmGrads, dextra: Vec | null): StepBackResult {
  const H = p.hiddenSize;
  const HH = H * H;
  const { q, k, v, o, hTilde, denominator: den, nq } = tr;
  const C = tr.C.data;
  const CPrev = tr.CPrev.data;
  // ∂L/∂C_t and ∂L/∂n_t: from the step after (the m entry is not read: m is held fixed), then this step's read.
  const dC = dextra ? Float64Array.from(dextra.subarray(0, HH)) : new Float64Array(HH);
  const dn = dextra ? Float64Array.from(dextra.subarray(HH, HH + H)) : new Float64Array(H);
  const dPreO = new Float64Array(H);
  const dq = new Float64Array(H);
  let dden = 0;
  for (let a = 0; a < H; a++) {
    dPreO[a] = dh[a]! * hTilde[a]! * o[a]! * (1 - o[a]!);
    // Held at the cap (or an exact 0/0 read as 0): nothing flows, as at relu's cap.
    if (!(den > 0) || Math.abs(hTilde[a]!) >= MLSTM_CAP) continue;
    const dHt = dh[a]! * o[a]!;
    if (dHt === 0) continue;
    const dCq = dHt / den;
    for (let b = 0; b < H; b++) {
      dC[a * H + b] = dC[a * H + b]! + dCq * q[b]!;
      dq[b] = dq[b]! + C[a * H + b]! * dCq;
    }
    dden -= (dHt * hTilde[a]!) / den;
  }
  // den = |n·q| where that is the larger; the other branch, e^{−m}, has m fixed.
  if (den > 0 && Math.abs(nq) >= den) {
    const dnq = dden * Math.sign(nq);
    for (let b = 0; b < H; b++) {
      dn[b] = dn[b]! + dnq * q[b]!;
      dq[b] = dq[b]! + dnq * tr.n[b]!;
    }
  }
  let dFp = 0;
  let dIp = 0;
  const dv = new Float64Array(H);
  const dk = new Float64Array(H);
  for (let a = 0; a < H; a++) {
    let dCk = 0;
    for (let b = 0; b < H; b++) {
      const d = dC[a * H + b]!;
      dFp += d * CPrev[a * H + b]!;
      dCk += d * k[b]!;
      dk[b] = dk[b]! + d * v[a]!;
    }
    dIp += v[a]! * dCk;
    dv[a] = tr.iPrime * dCk;
  }
  for (let b = 0; b < H; b++) {
    dFp += dn[b]! * tr.nPrev[b]!;
    dIp += dn[b]! * k[b]!;
    dk[b] = tr.iPrime * (dk[b]! + dn[b]!);
  }
  const dLogF = dFp * tr.fPrime;
  const dPreF = dLogF * sigmoid(-tr.pre.f);
  const dPreI = dIp * tr.iPrime;
  const scale = 1 / Math.sqrt(H);
  for (let b = 0; b < H; b++) dk[b] = dk[b]! * scale;

  const dx = new Float64Array(p.inputSize);
  inputAffineBack(p.q, g.q, dq, tr.x, dx);
  inputAffineBack(p.k, g.k, dk, tr.x, dx);
  inputAffineBack(p.v, g.v, dv, tr.x, dx);
  inputAffineBack(p.o, g.o, dPreO, tr.x, dx);
  for (const [gate, grads, d] of [
    [p.i, g.i, dPreI],
    [p.f, g.f, dPreF],
  ] as const) {
    grads.db[0] = grads.db[0]! + d;
    for (let c = 0; c < dx.length; c++) {
      grads.dw[c] = grads.dw[c]! + d * tr.x[c]!;
      dx[c] = dx[c]! + d * gate.w[c]!;
    }
  }
  const dextraPrev = new Float64Array(HH + H + 1);
  for (let j = 0; j < HH; j++) dextraPrev[j] = tr.fPrime * dC[j]!;
  for (let b = 0; b < H; b++) dextraPrev[HH + b] = tr.fPrime * dn[b]!;
  dextraPrev[HH + H] = dLogF;
  // h_{t−1} is read by nothing.
  return { dx, dhPrev: new Float64Array(H), dcPrev: null, dextraPrev };
}

function jacobian(p: MlstmParams, tr: MlstmTrace): MemoryJacobian {
  const H = p.hiddenSize;
  return { kind: 'memory', hh: matrix(H, H), keep: tr.fPrime, size: H * H };
}

const PROJECTIONS: readonly Projection[] = ['q', 'k', 'v'];

export const mlstm: KindSpec<MlstmParams, MlstmTrace, MlstmGrads> = {
  id: 'mlstm',
  group: 'today',
  parts: [
    { name: 'fPrime', role: 'keep', tex: "f'_t", shape: 'scalar' },
    { name: 'iPrime', role: 'write', tex: "i'_t", shape: 'scalar' },
    { name: 'v', role: 'candidate', tex: 'v_t' },
    { name: 'o', role: 'read', tex: 'o_t' },
    { name: 'C', role: 'state', tex: 'C_t', shape: 'matrix' },
    { name: 'n', role: 'state', tex: 'n_t' },
    { name: 'm', role: 'state', tex: 'm_t', shape: 'scalar' },
    { name: 'h', role: 'state', tex: 'h_t' },
  ],
  equations: [
    'q_t = W_q x_t + b_q, \\quad k_t = \\frac{W_k x_t + b_k}{\\sqrt{d}}, \\quad v_t = W_v x_t + b_v',
    '\\tilde{i}_t = w_i^\\top x_t + b_i, \\quad \\tilde{f}_t = w_f^\\top x_t + b_f',
    'm_t = \\max(\\log\\sigma(\\tilde{f}_t) + m_{t-1}, \\tilde{i}_t)',
    "i'_t = \\exp(\\tilde{i}_t - m_t), \\quad f'_t = \\exp(\\log\\sigma(\\tilde{f}_t) + m_{t-1} - m_t)",
    "C_t = f'_t C_{t-1} + i'_t \\, v_t k_t^\\top",
    "n_t = f'_t n_{t-1} + i'_t k_t",
    '\\tilde{h}_t = \\frac{C_t q_t}{\\max(|n_t^\\top q_t|, e^{-m_t})}',
    'h_t = \\sigma(W_o x_t + b_o) \\odot \\tilde{h}_t',
  ],
  gates: ['q', 'k', 'v', 'i', 'f', 'o'],
  variant: null,
  peepholes: false,
  hasCellState: false,
  extraStates: [
    { name: 'C', shape: 'matrix', stabiliser: false, nonNegative: false, tex: 'C_t' },
    { name: 'n', shape: 'units', stabiliser: false, nonNegative: false, tex: 'n_t' },
    { name: 'm', shape: 'scalar', stabiliser: true, nonNegative: false, tex: 'm_t' },
  ],
  gateActivations: ['sigmoid'],
  seedOffset: 9,
  blocks: 4,
  stateActivations: ['tanh'],
  layouts: {},
  create: (o) => {
    const e = () => emptyInputAffine(o.inputSize, o.hiddenSize);
    const s = (): ScalarGate => ({ w: new Float64Array(o.inputSize), b: new Float64Array(1) });
    return { kind: 'mlstm', inputSize: o.inputSize, hiddenSize: o.hiddenSize, q: e(), k: e(), v: e(), i: s(), f: s(), o: e() };
  },
  // The vector files' order: q, k, v, the gates i and f, then o.
  weights: (p) => [
    ...PROJECTIONS.flatMap((m) => inputAffineTensors(m, p[m])),
    vecTensor('i.w', p.i.w),
    { path: 'i.b', shape: [], data: p.i.b },
    vecTensor('f.w', p.f.w),
    { path: 'f.b', shape: [], data: p.f.b },
    ...inputAffineTensors('o', p.o),
  ],
  step,
  backward,
  jacobian,
  jacobianKind: 'memory',
  zeroGrads: (p) => {
    const e = () => zeroInputAffine(p.inputSize, p.hiddenSize);
    const s = (): ScalarGateGrads => ({ dw: new Float64Array(p.inputSize), db: new Float64Array(1) });
    return { kind: 'mlstm', q: e(), k: e(), v: e(), i: s(), f: s(), o: e() };
  },
  paramArrays: (p) => mlstm.weights(p).map((t) => ({ name: t.path, data: t.data })),
  gradArrays: (g) => [
    ...PROJECTIONS.flatMap((m) => inputAffineGradViews(m, g[m])),
    { name: 'i.w', data: g.i.dw },
    { name: 'i.b', data: g.i.db },
    { name: 'f.w', data: g.f.dw },
    { name: 'f.b', data: g.f.db },
    ...inputAffineGradViews('o', g.o),
  ],
  // The memory is a matrix, not a belt of H units.
  belt: () => null,
  // One forget gate for the whole memory: its bias at b(0), the input gate's at −b(0).
  setKeepBias: (p, b) => {
    const v = b(0);
    p.f.b[0] = v;
    p.i.b[0] = -v;
  },
  // Chrono (its keep gate's own bias, setKeepBias) and the draw as it comes; not yet measured in the learnability curve.
  starts: [chronoStart((p, b) => mlstm.setKeepBias(p, b)), defaultStart()],
  startRemembering: (p) => {
    p.f.b[0] = 1;
  },
};
