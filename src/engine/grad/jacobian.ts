/**
 * The one-step Jacobian of any cell: how the new state moves when the previous state moves,
 * at the operating point recorded in a trace (the input x_t held fixed).
 *
 *   RNN:  ∂h_t/∂h_{t-1} = diag(1 - h_t²) U
 *   GRU:  jacobian-gru.ts        LSTM family: jacobian-lstm.ts (a 2×2 block over (h, C))
 *
 * A student reads vanishing/exploding gradients off products of these (influence.ts).
 */
import { matrix } from '../math';
import type { CellParams, Matrix, RnnParams, RnnTrace, StepTrace } from '../types';
import { tanhDeriv } from './activations';
import { gruJacobian } from './jacobian-gru';
import { lstmJacobian } from './jacobian-lstm';
import type { HcJacobian, StepJacobian } from './jacobian-types';
import { addScaledRows } from './linalg';

function rnnJacobian(p: RnnParams, tr: RnnTrace): StepJacobian {
  const s = new Float64Array(p.hiddenSize);
  for (let k = 0; k < s.length; k++) s[k] = tanhDeriv(tr.h[k]!);
  const hh = matrix(p.hiddenSize, p.hiddenSize);
  addScaledRows(hh.data, s, p.a.U);
  return { kind: 'h', hh };
}

export function stepJacobian(p: CellParams, trace: StepTrace): StepJacobian {
  const wrong = () => new Error(`stepJacobian: a ${trace.kind} trace does not belong to a ${p.kind} cell`);
  switch (p.kind) {
    case 'rnn':
      if (trace.kind !== 'rnn') throw wrong();
      return rnnJacobian(p, trace);
    case 'gru':
      if (trace.kind !== 'gru') throw wrong();
      return gruJacobian(p, trace);
    case 'lstm':
    case 'peephole':
    case 'coupled':
      if (trace.kind !== p.kind) throw wrong();
      return lstmJacobian(p, trace);
  }
}

/** The LSTM block Jacobian as one dense 2H×2H matrix, rows and columns ordered (h, C). */
export function denseBlockJacobian(j: HcJacobian): Matrix {
  const H = j.hh.rows;
  const out = matrix(2 * H, 2 * H);
  const d = out.data;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < H; c++) {
      d[r * 2 * H + c] = j.hh.data[r * H + c]!;
      d[(H + r) * 2 * H + c] = j.ch.data[r * H + c]!;
    }
    d[r * 2 * H + H + r] = j.hcDiag[r]!;
    d[(H + r) * 2 * H + H + r] = j.ccDiag[r]!;
  }
  return out;
}
