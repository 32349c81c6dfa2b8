/**
 * Plain (Elman) RNN cell, the "single tanh layer" of colah's figure:
 *
 *   a_t = W x_t + bW + U h_{t-1} + bU
 *   h_t = tanh(a_t)
 *
 * PyTorch nn.RNN (bias_ih, bias_hh), Keras SimpleRNN (one bias = bW + bU), ONNX RNN (Wb, Rb).
 */
import { affine, tanhVec } from '../math';
import type { CellState, RnnParams, RnnTrace, StepResult, Vec } from '../types';

export function rnnStep(p: RnnParams, s: CellState, x: Vec): StepResult<RnnTrace> {
  const a = affine(p.a, x, s.h);
  const h = tanhVec(a);
  return { state: { h, c: null }, trace: { kind: 'rnn', x, hPrev: s.h, pre: { a }, h } };
}
