/**
 * Plain (Elman) RNN cell, the "single tanh layer" of colah's figure:
 *
 *   a_t = W x_t + bW + U h_{t-1} + bU
 *   h_t = tanh(a_t)
 *
 * PyTorch nn.RNN (bias_ih, bias_hh), Keras SimpleRNN (one bias = bW + bU), ONNX RNN (Wb, Rb).
 *
 * Backward (BPTT):  dA = dh_t * (1 - h_t²);  dW += dA ⊗ x_t, dU += dA ⊗ h_{t-1}, dbW = dbU += dA;
 *                   dx_t = Wᵀ dA;  dh_{t-1} = Uᵀ dA.
 * One-step Jacobian:  ∂h_t/∂h_{t-1} = diag(1 - h_t²) U.
 */
import { tanhDeriv } from '../grad/activations';
import { affineBack } from '../grad/affine-back';
import type { HJacobian } from '../grad/jacobian-types';
import { addScaledRows } from '../grad/linalg';
import { type AffineGrads, affineGradViews, affineViews, type StepBackResult, zeroAffine } from '../grad/types';
import { affine, matrix, tanhVec } from '../math';
import type { Affine, CellState, ParamsBase, StepResult, Vec } from '../types';
import type { KindSpec } from './spec';

export interface RnnParams extends ParamsBase {
  readonly kind: 'rnn';
  readonly a: Affine;
}

export interface RnnTrace {
  readonly kind: 'rnn';
  readonly x: Vec;
  readonly hPrev: Vec;
  /** a = W x + bW + U h_{t-1} + bU */
  readonly pre: { readonly a: Vec };
  readonly h: Vec;
}

export interface RnnGrads {
  readonly kind: 'rnn';
  readonly a: AffineGrads;
}

function step(p: RnnParams, s: CellState, x: Vec): StepResult<RnnTrace> {
  const a = affine(p.a, x, s.h);
  const h = tanhVec(a);
  return { state: { h, c: null }, trace: { kind: 'rnn', x, hPrev: s.h, pre: { a }, h } };
}

function backward(p: RnnParams, tr: RnnTrace, dh: Vec, _dc: Vec | null, grads: RnnGrads): StepBackResult {
  const H = p.hiddenSize;
  const dA = new Float64Array(H);
  for (let k = 0; k < H; k++) dA[k] = dh[k]! * tanhDeriv(tr.h[k]!);
  const dx = new Float64Array(p.inputSize);
  const dhPrev = new Float64Array(H);
  affineBack(p.a, grads.a, dA, dA, tr.x, tr.hPrev, dx, dhPrev);
  return { dx, dhPrev, dcPrev: null };
}

function jacobian(p: RnnParams, tr: RnnTrace): HJacobian {
  const s = new Float64Array(p.hiddenSize);
  for (let k = 0; k < s.length; k++) s[k] = tanhDeriv(tr.h[k]!);
  const hh = matrix(p.hiddenSize, p.hiddenSize);
  addScaledRows(hh.data, s, p.a.U);
  return { kind: 'h', hh };
}

export const rnn: KindSpec<RnnParams, RnnTrace, RnnGrads> = {
  id: 'rnn',
  parts: [
    { name: 'h', role: 'candidate', tex: 'h_t' },
    { name: 'h', role: 'state', tex: 'h_t' },
  ],
  equations: ['h_t = \\tanh(W x_t + U h_{t-1} + b)'],
  gates: ['a'],
  hasCellState: false,
  variant: null,
  peepholes: false,
  seedOffset: 1,
  blocks: 1,
  layouts: {
    pytorch: { op: 'RNN', order: ['a'] },
    keras: { op: 'SimpleRNN', order: ['a'] },
    onnx: { op: 'RNN', order: ['a'] },
  },
  assemble: (o, gate) => ({ kind: 'rnn', inputSize: o.inputSize, hiddenSize: o.hiddenSize, a: gate('a') }),
  step,
  backward,
  jacobian,
  zeroGrads: (p) => ({ kind: 'rnn', a: zeroAffine(p.inputSize, p.hiddenSize) }),
  paramArrays: (p) => affineViews('a', p.a),
  gradArrays: (g) => affineGradViews('a', g.a),
  belt: () => null,
  setKeepBias: () => {},
  startRemembering: () => {},
};
