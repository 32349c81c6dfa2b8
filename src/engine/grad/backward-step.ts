/**
 * One entry point for the backward step of every cell kind:
 *
 *   backwardStep(params, trace_t, ∂L/∂h_t, ∂L/∂C_t, grads) -> { ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1} }
 *
 * and the weight gradients of step t are ADDED into `grads` (BPTT sums them over time).
 * The equations live in rnn.ts, lstm.ts and gru.ts. The trace is only read.
 */
import type { CellParams, StepTrace, Vec } from '../types';
import { gruBackward } from './gru';
import { lstmBackward } from './lstm';
import { rnnBackward } from './rnn';
import type { CellGrads, StepBackResult } from './types';

function mismatch(p: CellParams, what: string): Error {
  return new Error(`backwardStep: ${what} does not belong to a ${p.kind} cell`);
}

export function backwardStep(p: CellParams, trace: StepTrace, dh: Vec, dc: Vec | null, grads: CellGrads): StepBackResult {
  if (dh.length !== p.hiddenSize) {
    throw new Error(`backwardStep: dh has ${dh.length} values, the cell has ${p.hiddenSize} units`);
  }
  switch (p.kind) {
    case 'rnn':
      if (trace.kind !== 'rnn') throw mismatch(p, 'the trace');
      if (grads.kind !== 'rnn') throw mismatch(p, 'the gradient');
      return rnnBackward(p, trace, dh, grads);
    case 'gru':
      if (trace.kind !== 'gru') throw mismatch(p, 'the trace');
      if (grads.kind !== 'gru') throw mismatch(p, 'the gradient');
      return gruBackward(p, trace, dh, grads);
    case 'lstm':
    case 'peephole':
    case 'coupled':
      if (trace.kind !== p.kind) throw mismatch(p, 'the trace');
      if (grads.kind !== p.kind) throw mismatch(p, 'the gradient');
      return lstmBackward(p, trace, dh, dc, grads);
  }
}
