/**
 * Coupled-gate LSTM: one decision for forgetting and writing. Two conventions exist:
 *
 *   'i=1-f' (colah 2015's figure, the default on screen):
 *       f_t = σ(W_f x_t + bW_f + U_f h_{t-1} + bU_f),   i_t = 1 - f_t
 *   'f=1-i' (Greff et al.'s CIFG, ONNX input_forget=1, onnxruntime):
 *       i_t = σ(W_i x_t + bW_i + U_i h_{t-1} + bU_i),   f_t = 1 - i_t
 *
 *   then, as in the LSTM:  C_t = f_t * C_{t-1} + i_t * C̃_t,  h_t = o_t * tanh(C_t)
 *
 * The derived gate's weights are present in the canonical layout but ignored; its
 * pre-activation in the trace is null.
 */
import { emptyLstmWeights, LSTM_PARTS, lstmShared } from './lstm-family';
import { lstmFamilyStep } from './lstm-step';
import type { CoupledParams, LstmFamilyGrads, LstmTrace } from './lstm-types';
import type { KindSpec } from './spec';

const assemble: NonNullable<KindSpec<CoupledParams, LstmTrace, LstmFamilyGrads>['assemble']> = (o, gate) => ({
  kind: 'coupled',
  inputSize: o.inputSize,
  hiddenSize: o.hiddenSize,
  gateActivation: o.gateActivation,
  gates: { i: gate('i'), f: gate('f'), g: gate('g'), o: gate('o') },
  coupling: o.coupling ?? 'f=1-i',
});

export const coupled: KindSpec<CoupledParams, LstmTrace, LstmFamilyGrads> = {
  id: 'coupled',
  parts: LSTM_PARTS,
  equations: [
    'f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f)',
    'i_t = 1 - f_t',
    '\\tilde{C}_t = \\tanh(W_C x_t + U_C h_{t-1} + b_C)',
    'C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t',
    'o_t = \\sigma(W_o x_t + U_o h_{t-1} + b_o)',
    'h_t = o_t \\odot \\tanh(C_t)',
  ],
  variant: 'coupling',
  peepholes: false,
  seedOffset: 5,
  // ONNX's LSTM with input_forget=1 (f = 1 − i, so only that coupling); PyTorch and Keras have no coupled cell.
  layouts: { onnx: { op: 'LSTM', order: ['i', 'o', 'f', 'g'], variants: ['f=1-i'], activations: ['Sigmoid', 'Tanh', 'Tanh'] } },
  create: (o) => assemble(o, emptyLstmWeights(o.inputSize, o.hiddenSize).gate),
  assemble,
  step: (p, s, x) => lstmFamilyStep(p, s, x, { coupling: p.coupling }),
  ...lstmShared<CoupledParams>(3),
};
