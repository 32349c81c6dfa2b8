/**
 * Peephole LSTM (Gers & Schmidhuber 2000; ONNX LSTM's P input): the gates look at the cell state.
 *
 *   f_t  = σ(W_f x_t + bW_f + U_f h_{t-1} + bU_f + p_f * C_{t-1})
 *   i_t  = σ(W_i x_t + bW_i + U_i h_{t-1} + bU_i + p_i * C_{t-1})
 *   C̃_t = tanh(W_g x_t + bW_g + U_g h_{t-1} + bU_g)
 *   C_t  = f_t * C_{t-1} + i_t * C̃_t
 *   o_t  = σ(W_o x_t + bW_o + U_o h_{t-1} + bU_o + p_o * C_t)      <- the NEW cell state
 *   h_t  = o_t * tanh(C_t)
 *
 * The peephole weights p are diagonal: each unit sees only its own cell.
 */
import type { Vec } from '../types';
import { emptyLstmWeights, LSTM_PARTS, lstmShared } from './lstm-family';
import { lstmFamilyStep } from './lstm-step';
import type { LstmFamilyGrads, LstmTrace, PeepholeParams } from './lstm-types';
import type { KindSpec } from './spec';

function times(p: Vec, c: Vec): Vec {
  const out = new Float64Array(c.length);
  for (let k = 0; k < c.length; k++) out[k] = p[k]! * c[k]!;
  return out;
}

const assemble: NonNullable<KindSpec<PeepholeParams, LstmTrace, LstmFamilyGrads>['assemble']> = (o, gate) => {
  if (!o.peep) throw new Error('assemble: a peephole cell needs peep weights');
  return {
    kind: 'peephole',
    inputSize: o.inputSize,
    hiddenSize: o.hiddenSize,
    gateActivation: o.gateActivation,
    gates: { i: gate('i'), f: gate('f'), g: gate('g'), o: gate('o') },
    peep: o.peep,
  };
};

export const peephole: KindSpec<PeepholeParams, LstmTrace, LstmFamilyGrads> = {
  id: 'peephole',
  parts: LSTM_PARTS,
  equations: [
    'f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_f + p_f \\odot C_{t-1})',
    'i_t = \\sigma(W_i x_t + U_i h_{t-1} + b_i + p_i \\odot C_{t-1})',
    '\\tilde{C}_t = \\tanh(W_C x_t + U_C h_{t-1} + b_C)',
    'C_t = f_t \\odot C_{t-1} + i_t \\odot \\tilde{C}_t',
    'o_t = \\sigma(W_o x_t + U_o h_{t-1} + b_o + p_o \\odot C_t)',
    'h_t = o_t \\odot \\tanh(C_t)',
  ],
  variant: null,
  peepholes: true,
  seedOffset: 4,
  // ONNX's LSTM with its P input; PyTorch and Keras have no peepholes.
  layouts: { onnx: { op: 'LSTM', order: ['i', 'o', 'f', 'g'], activations: ['Sigmoid', 'Tanh', 'Tanh'] } },
  create: (o) => {
    const empty = emptyLstmWeights(o.inputSize, o.hiddenSize);
    return assemble({ ...o, peep: empty.peep }, empty.gate);
  },
  assemble,
  step: (p, s, x) =>
    lstmFamilyStep(p, s, x, {
      peepIn: (cPrev) => ({ i: times(p.peep.i, cPrev), f: times(p.peep.f, cPrev) }),
      peepOut: (c) => times(p.peep.o, c),
    }),
  ...lstmShared<PeepholeParams>(4),
};
