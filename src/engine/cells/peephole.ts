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
import type { CellState, LstmTrace, PeepholeParams, StepResult, Vec } from '../types';
import { lstmFamilyStep } from './lstm';

function times(p: Vec, c: Vec): Vec {
  const out = new Float64Array(c.length);
  for (let k = 0; k < c.length; k++) out[k] = p[k]! * c[k]!;
  return out;
}

export function peepholeStep(p: PeepholeParams, s: CellState, x: Vec): StepResult<LstmTrace> {
  return lstmFamilyStep(p, s, x, {
    peepIn: (cPrev) => ({ i: times(p.peep.i, cPrev), f: times(p.peep.f, cPrev) }),
    peepOut: (c) => times(p.peep.o, c),
  });
}
