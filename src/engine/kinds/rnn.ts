/**
 * Plain (Elman) RNN cell, the "single tanh layer" of colah's figure:
 *
 *   a_t = W x_t + bW + U h_{t-1} + bU
 *   h_t = φ(a_t),  φ = tanh (the default) or relu = max(0, ·)
 *
 * PyTorch nn.RNN (bias_ih, bias_hh; nonlinearity 'tanh' | 'relu'), Keras SimpleRNN (one bias =
 * bW + bU; activation), ONNX RNN (Wb, Rb; activations ["Tanh"] | ["Relu"]). The two φ share
 * every tensor, so φ is a property of the params, not a kind of its own: the figure, the
 * gradients and every file format are the same but for that one function.
 *
 * Backward (BPTT):  dA = dh_t * φ'(a_t);  dW += dA ⊗ x_t, dU += dA ⊗ h_{t-1}, dbW = dbU += dA;
 *                   dx_t = Wᵀ dA;  dh_{t-1} = Uᵀ dA.
 *   φ' from the output h_t: tanh 1 - h_t²; relu 1 where h_t > 0, else 0 (at a_t = 0 the
 *   one-sided 0, as PyTorch's autograd takes it; and 0 at RELU_CAP, where h is held finite).
 * One-step Jacobian:  ∂h_t/∂h_{t-1} = diag(φ'(a_t)) U.
 */
import { tanhDeriv } from '../grad/activations';
import { affineBack } from '../grad/affine-back';
import type { HJacobian } from '../grad/jacobian-types';
import { addScaledRows } from '../grad/linalg';
import { type AffineGrads, affineGradViews, affineViews, type StepBackResult, zeroAffine } from '../grad/types';
import { affine, matrix, tanhVec } from '../math';
import type { Affine, CellState, ParamsBase, StepResult, Vec } from '../types';
import type { KindSpec, KindStart, StateActivation } from './spec';
import { defaultStart, orthogonalMatrix } from './starts';
import { affineTensors, emptyAffine } from './tensors';

/** The RNN's nonlinearity φ: h_t = φ(a_t). */
type RnnActivation = StateActivation;

export interface RnnParams extends ParamsBase {
  readonly kind: 'rnn';
  readonly a: Affine;
  /** tanh keeps h in (−1, 1); relu leaves it unbounded above (h ≥ 0). */
  readonly activation: RnnActivation;
}

export interface RnnTrace {
  readonly kind: 'rnn';
  readonly x: Vec;
  readonly hPrev: Vec;
  /** a = W x + bW + U h_{t-1} + bU */
  readonly pre: { readonly a: Vec };
  readonly h: Vec;
  /** The φ that made h (the params'), so a view of the trace alone knows whether h is bounded. */
  readonly activation: RnnActivation;
}

export interface RnnGrads {
  readonly kind: 'rnn';
  readonly a: AffineGrads;
}

/**
 * relu's ceiling. A relu state grows without bound, by up to |U|·H a step: with the largest
 * weights a file may hold, a long sentence would reach Infinity and then NaN (Infinity − Infinity
 * in the next product). Capped here, every later sum stays finite (1e150 · 1e4 · H ≪ 1e308);
 * no float32 model gets near it (float32 itself overflows at 3.4e38), so no real model's numbers
 * change.
 */
export const RELU_CAP = 1e150;

function reluVec(v: Vec): Vec {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = Math.min(RELU_CAP, Math.max(0, v[k]!));
  return out;
}

/** φ' from φ's output: relu's is 1 where 0 < h < the cap, 0 where it is flat (h = 0, or capped). */
const reluDeriv = (y: number) => (y > 0 && y < RELU_CAP ? 1 : 0);
const derivOf = (p: RnnParams) => (p.activation === 'relu' ? reluDeriv : tanhDeriv);

function step(p: RnnParams, s: CellState, x: Vec): StepResult<RnnTrace> {
  const a = affine(p.a, x, s.h);
  const h = p.activation === 'relu' ? reluVec(a) : tanhVec(a);
  return { state: { h, c: null }, trace: { kind: 'rnn', x, hPrev: s.h, pre: { a }, h, activation: p.activation } };
}

function backward(p: RnnParams, tr: RnnTrace, dh: Vec, _dc: Vec | null, grads: RnnGrads): StepBackResult {
  const H = p.hiddenSize;
  const dA = new Float64Array(H);
  const d = derivOf(p);
  for (let k = 0; k < H; k++) dA[k] = dh[k]! * d(tr.h[k]!);
  const dx = new Float64Array(p.inputSize);
  const dhPrev = new Float64Array(H);
  affineBack(p.a, grads.a, dA, dA, tr.x, tr.hPrev, dx, dhPrev);
  return { dx, dhPrev, dcPrev: null };
}

function jacobian(p: RnnParams, tr: RnnTrace): HJacobian {
  const s = new Float64Array(p.hiddenSize);
  const d = derivOf(p);
  for (let k = 0; k < s.length; k++) s[k] = d(tr.h[k]!);
  const hh = matrix(p.hiddenSize, p.hiddenSize);
  addScaledRows(hh.data, s, p.a.U);
  return { kind: 'h', hh };
}

/**
 * The RNN's starts: the default draw; an orthogonal U (Saxe et al. 2014: every singular value 1,
 * so at the start ‖∂h_T/∂h_t‖ shrinks only by tanh's slopes); the IRNN (Le et al. 2015): U = I,
 * zero biases, relu, so at the start h is carried unchanged wherever it is positive.
 */
const RNN_STARTS: readonly KindStart<RnnParams>[] = [
  defaultStart(),
  { id: 'orthogonal', apply: (p, ctx) => p.a.U.data.set(orthogonalMatrix(p.hiddenSize, ctx.rng).data) },
  {
    id: 'identity',
    activation: 'relu',
    apply: (p) => {
      const H = p.hiddenSize;
      p.a.U.data.fill(0);
      for (let k = 0; k < H; k++) p.a.U.data[k * H + k] = 1;
      p.a.bW.fill(0);
      p.a.bU.fill(0);
    },
  },
];
const assemble: NonNullable<KindSpec<RnnParams, RnnTrace, RnnGrads>['assemble']> = (o, gate) => ({
  kind: 'rnn',
  inputSize: o.inputSize,
  hiddenSize: o.hiddenSize,
  a: gate('a'),
  activation: o.activation ?? 'tanh',
});

export const rnn: KindSpec<RnnParams, RnnTrace, RnnGrads> = {
  id: 'rnn',
  group: 'classic',
  parts: [
    { name: 'h', role: 'candidate', tex: 'h_t' },
    { name: 'h', role: 'state', tex: 'h_t' },
  ],
  equations: ['h_t = \\tanh(W x_t + U h_{t-1} + b)'],
  gates: ['a'],
  hasCellState: false,
  extraStates: [],
  gateActivations: [],
  variant: null,
  peepholes: false,
  seedOffset: 1,
  blocks: 1,
  stateActivations: ['tanh', 'relu'],
  layouts: {
    pytorch: { op: 'RNN', order: ['a'] },
    keras: { op: 'SimpleRNN', order: ['a'] },
    onnx: { op: 'RNN', order: ['a'], activations: ['Tanh'] },
  },
  create: (o) => assemble(o, () => emptyAffine(o.inputSize, o.hiddenSize)),
  weights: (p) => affineTensors('a', p.a),
  assemble,
  affine: (p) => p.a,
  step,
  backward,
  jacobian,
  jacobianKind: 'h',
  zeroGrads: (p) => ({ kind: 'rnn', a: zeroAffine(p.inputSize, p.hiddenSize) }),
  paramArrays: (p) => affineViews('a', p.a),
  gradArrays: (g) => affineGradViews('a', g.a),
  belt: () => null,
  setKeepBias: () => {},
  startRemembering: () => {},
  starts: RNN_STARTS,
};
