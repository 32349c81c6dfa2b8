/**
 * minLSTM (Feng et al. 2024, "Were RNNs All We Needed?", sequential mode): the LSTM with its
 * gates reading x_t alone, no output gate and no tanh, and its two gates normalised to sum to 1:
 *
 *   f_t  = σ(W_f x_t + b_f)                        forget gate
 *   i_t  = σ(W_i x_t + b_i)                        input gate
 *   h̃_t = W_h x_t + b_h                           the candidate: linear
 *   f′_t = f_t / (f_t + i_t),   i′_t = i_t / (f_t + i_t)
 *   h_t  = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t
 *
 * Evaluated without underflow, as the vectors' README asks: f/(f+i) is 0/0 = NaN where both
 * pre-activations are below −745 (σ is 0 there), so
 *
 *   f′_t = σ(softplus(−ĩ_t) − softplus(−f̃_t)),   i′_t = 1 − f′_t
 *
 * (log f − log i = softplus(−ĩ) − softplus(−f̃), and f′ = σ(log f − log i)): finite and exact for
 * any finite pre-activations. No U: nothing recurrent is stored, drawn or trained. The state is
 * h alone, h_0 = 0.
 *
 * Backward (BPTT), given dh = ∂L/∂h_t, with u = softplus(−ĩ) − softplus(−f̃) and f′ = σ(u):
 *   dU = dh ⊙ (h_{t−1} − h̃_t) ⊙ f′ ⊙ i′
 *   dPreF = dU ⊙ σ(−f̃)      dPreI = −dU ⊙ σ(−ĩ)      (d softplus(−a)/da = −σ(−a))
 *   dH̃ = dh ⊙ i′           dh_{t−1} = dh ⊙ f′
 * One-step Jacobian: ∂h_t/∂h_{t−1} = diag(f′_t).
 */
import { matrix, sigmoid, softplus } from '../math';
import type { HJacobian } from '../grad/jacobian-types';
import type { StepBackResult } from '../grad/types';
import type { CellState, InputAffine, ParamsBase, StepResult, Vec } from '../types';
import { type InputAffineGrads, inputAffine, inputAffineBack, inputAffineGradViews, zeroInputAffine } from './input-affine';
import { chronoStart, defaultStart } from './starts';
import type { KindSpec } from './spec';
import { emptyInputAffine, inputAffineTensors } from './tensors';

export interface MinLstmParams extends ParamsBase {
  readonly kind: 'minlstm';
  readonly f: InputAffine;
  readonly i: InputAffine;
  /** The candidate's map: h̃ = W_h x + b_h. */
  readonly h: InputAffine;
}

export interface MinLstmTrace {
  readonly kind: 'minlstm';
  readonly x: Vec;
  readonly hPrev: Vec;
  /** f̃, ĩ and the candidate's pre-activation (the candidate itself: no activation). */
  readonly pre: { readonly f: Vec; readonly i: Vec; readonly hTilde: Vec };
  /** σ(f̃), σ(ĩ): the gates before they are normalised. */
  readonly f: Vec;
  readonly i: Vec;
  /** f / (f + i) and i / (f + i): what keeps h_{t−1} and what writes h̃_t; they sum to 1. */
  readonly fPrime: Vec;
  readonly iPrime: Vec;
  readonly hTilde: Vec;
  readonly h: Vec;
}

export interface MinLstmGrads {
  readonly kind: 'minlstm';
  readonly f: InputAffineGrads;
  readonly i: InputAffineGrads;
  readonly h: InputAffineGrads;
}

function step(p: MinLstmParams, s: CellState, x: Vec): StepResult<MinLstmTrace> {
  const H = p.hiddenSize;
  const hPrev = s.h;
  const preF = inputAffine(p.f, x);
  const preI = inputAffine(p.i, x);
  const hTilde = inputAffine(p.h, x);
  const f = new Float64Array(H);
  const i = new Float64Array(H);
  const fPrime = new Float64Array(H);
  const iPrime = new Float64Array(H);
  const h = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const a = preF[k]!;
    const b = preI[k]!;
    f[k] = sigmoid(a);
    i[k] = sigmoid(b);
    const fp = sigmoid(softplus(-b) - softplus(-a));
    fPrime[k] = fp;
    iPrime[k] = 1 - fp;
    h[k] = fp * hPrev[k]! + (1 - fp) * hTilde[k]!;
  }
  return { state: { h, c: null }, trace: { kind: 'minlstm', x, hPrev, pre: { f: preF, i: preI, hTilde }, f, i, fPrime, iPrime, hTilde, h } };
}

function backward(p: MinLstmParams, tr: MinLstmTrace, dh: Vec, _dc: Vec | null, g: MinLstmGrads): StepBackResult {
  const H = p.hiddenSize;
  const dPreF = new Float64Array(H);
  const dPreI = new Float64Array(H);
  const dHt = new Float64Array(H);
  const dhPrev = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const d = dh[k]!;
    const fp = tr.fPrime[k]!;
    const ip = tr.iPrime[k]!;
    const dU = d * (tr.hPrev[k]! - tr.hTilde[k]!) * fp * ip;
    dPreF[k] = dU * sigmoid(-tr.pre.f[k]!);
    dPreI[k] = -dU * sigmoid(-tr.pre.i[k]!);
    dHt[k] = d * ip;
    dhPrev[k] = d * fp;
  }
  const dx = new Float64Array(p.inputSize);
  inputAffineBack(p.f, g.f, dPreF, tr.x, dx);
  inputAffineBack(p.i, g.i, dPreI, tr.x, dx);
  inputAffineBack(p.h, g.h, dHt, tr.x, dx);
  return { dx, dhPrev, dcPrev: null };
}

function jacobian(p: MinLstmParams, tr: MinLstmTrace): HJacobian {
  const H = p.hiddenSize;
  const hh = matrix(H, H);
  for (let k = 0; k < H; k++) hh.data[k * H + k] = tr.fPrime[k]!;
  return { kind: 'h', hh };
}

const MAPS = ['f', 'i', 'h'] as const;

export const minlstm: KindSpec<MinLstmParams, MinLstmTrace, MinLstmGrads> = {
  id: 'minlstm',
  group: 'today',
  parts: [
    { name: 'f', role: 'keep', tex: 'f_t' },
    { name: 'i', role: 'write', tex: 'i_t' },
    { name: 'fPrime', role: 'keep', tex: "f'_t" },
    { name: 'iPrime', role: 'write', tex: "i'_t" },
    { name: 'hTilde', role: 'candidate', tex: '\\tilde{h}_t' },
    { name: 'h', role: 'state', tex: 'h_t' },
  ],
  equations: [
    'f_t = \\sigma(W_f x_t + b_f)',
    'i_t = \\sigma(W_i x_t + b_i)',
    '\\tilde{h}_t = W_h x_t + b_h',
    "f'_t = \\frac{f_t}{f_t + i_t}, \\quad i'_t = \\frac{i_t}{f_t + i_t}",
    "h_t = f'_t \\odot h_{t-1} + i'_t \\odot \\tilde{h}_t",
  ],
  gates: MAPS,
  variant: null,
  peepholes: false,
  hasCellState: false,
  extraStates: [],
  gateActivations: ['sigmoid'],
  seedOffset: 7,
  blocks: 3,
  stateActivations: ['tanh'],
  layouts: {},
  create: (o) => {
    const e = () => emptyInputAffine(o.inputSize, o.hiddenSize);
    return { kind: 'minlstm', inputSize: o.inputSize, hiddenSize: o.hiddenSize, f: e(), i: e(), h: e() };
  },
  weights: (p) => MAPS.flatMap((m) => inputAffineTensors(m, p[m])),
  step,
  backward,
  jacobian,
  jacobianKind: 'h',
  zeroGrads: (p) => ({ kind: 'minlstm', f: zeroInputAffine(p.inputSize, p.hiddenSize), i: zeroInputAffine(p.inputSize, p.hiddenSize), h: zeroInputAffine(p.inputSize, p.hiddenSize) }),
  paramArrays: (p) => minlstm.weights(p).map((t) => ({ name: t.path, data: t.data })),
  gradArrays: (g) => MAPS.flatMap((m) => inputAffineGradViews(m, g[m])),
  belt: () => null,
  // As the LSTM's chrono init: the forget gate at b, the input gate at −b.
  setKeepBias: (p, b) => {
    for (let k = 0; k < p.hiddenSize; k++) {
      p.f.b[k] = b(k);
      p.i.b[k] = -b(k);
    }
  },
  linearStep: (tr) => ({ a: tr.fPrime, b: tr.iPrime.map((i, k) => i * tr.hTilde[k]!) }),
  // Chrono (its keep gate's own bias, setKeepBias) and the draw as it comes; not yet measured in the learnability curve.
  starts: [chronoStart((p, b) => minlstm.setKeepBias(p, b)), defaultStart()],
  startRemembering: (p) => {
    p.f.b.fill(1);
  },
};
