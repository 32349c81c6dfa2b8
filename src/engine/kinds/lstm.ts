/**
 * Long short-term memory cell (Hochreiter & Schmidhuber 1997, with the forget gate of
 * Gers et al. 2000), in the convention of PyTorch, Keras and ONNX:
 *
 *   f_t  = σ(W_f x_t + bW_f + U_f h_{t-1} + bU_f)      forget gate: how much of C_{t-1} to keep
 *   i_t  = σ(W_i x_t + bW_i + U_i h_{t-1} + bU_i)      input gate: how much of C̃_t to write
 *   C̃_t = tanh(W_g x_t + bW_g + U_g h_{t-1} + bU_g)   candidate (PyTorch "g", Keras "c")
 *   C_t  = f_t * C_{t-1} + i_t * C̃_t                   the conveyor belt
 *   o_t  = σ(W_o x_t + bW_o + U_o h_{t-1} + bU_o)      output gate
 *   h_t  = o_t * tanh(C_t)
 *
 * σ is the logistic sigmoid, or hard-sigmoid clip(0.2x + 0.5) when gateActivation says so.
 * The peephole and coupled variants (peephole.ts, coupled.ts) share its code (lstm-family.ts, lstm-step.ts).
 */
import { emptyLstmWeights, LSTM_PARTS, lstmShared } from './lstm-family';
import { lstmFamilyStep } from './lstm-step';
import type { LstmFamilyGrads, LstmParams, LstmTrace } from './lstm-types';
import type { KindSpec } from './spec';

const assemble: NonNullable<KindSpec<LstmParams, LstmTrace, LstmFamilyGrads>['assemble']> = (o, gate) => ({
  kind: 'lstm',
  inputSize: o.inputSize,
  hiddenSize: o.hiddenSize,
  gateActivation: o.gateActivation,
  gates: { i: gate('i'), f: gate('f'), g: gate('g'), o: gate('o') },
});

export const lstm: KindSpec<LstmParams, LstmTrace, LstmFamilyGrads> = {
  id: 'lstm',
  parts: LSTM_PARTS,
  equations: [
    'f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f)',
    'i_t = \\sigma(W_i x_t + U_i h_{t-1} + b_i)',
    '\\tilde{C}_t = \\tanh(W_C x_t + U_C h_{t-1} + b_C)',
    'C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t',
    'o_t = \\sigma(W_o x_t + U_o h_{t-1} + b_o)',
    'h_t = o_t \\odot \\tanh(C_t)',
  ],
  variant: null,
  peepholes: false,
  seedOffset: 2,
  layouts: {
    pytorch: { op: 'LSTM', order: ['i', 'f', 'g', 'o'] },
    keras: { op: 'LSTM', order: ['i', 'f', 'g', 'o'] },
    onnx: { op: 'LSTM', order: ['i', 'o', 'f', 'g'], activations: ['Sigmoid', 'Tanh', 'Tanh'] },
  },
  create: (o) => assemble(o, emptyLstmWeights(o.inputSize, o.hiddenSize).gate),
  assemble,
  step: (p, s, x) => lstmFamilyStep(p, s, x),
  ...lstmShared<LstmParams>(4),
};
