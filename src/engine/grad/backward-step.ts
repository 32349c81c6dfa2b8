/**
 * One entry point for the backward step of every cell kind:
 *
 *   backwardStep(params, trace_t, ∂L/∂h_t, ∂L/∂C_t, grads, ∂L/∂extra_t)
 *     -> { ∂L/∂x_t, ∂L/∂h_{t-1}, ∂L/∂C_{t-1}, ∂L/∂extra_{t-1} }
 *
 * where extra is a kind's further carried state (sLSTM's n and m, mLSTM's C, n and m; null for
 * the classic kinds),
 * and the weight gradients of step t are ADDED into `grads` (BPTT sums them over time).
 * The equations live in each kind's module (kinds/). The trace is only read.
 */
import { type CellGrads, type CellParams, extraLengthOf, kindOf, type StepTrace } from '../kinds';
import type { Vec } from '../types';
import type { StepBackResult } from './types';

export function backwardStep(p: CellParams, trace: StepTrace, dh: Vec, dc: Vec | null, grads: CellGrads, dextra: Vec | null = null): StepBackResult {
  if (dh.length !== p.hiddenSize) {
    throw new Error(`backwardStep: dh has ${dh.length} values, the cell has ${p.hiddenSize} units`);
  }
  const E = extraLengthOf(p.kind, p.hiddenSize);
  if ((dextra?.length ?? 0) !== E && dextra !== null) {
    throw new Error(`backwardStep: dextra has ${dextra.length} values, a ${p.kind} cell of ${p.hiddenSize} units carries ${E}`);
  }
  if (trace.kind !== p.kind) throw new Error(`backwardStep: the trace does not belong to a ${p.kind} cell`);
  if (grads.kind !== p.kind) throw new Error(`backwardStep: the gradient does not belong to a ${p.kind} cell`);
  return kindOf(p.kind).backward(p, trace, dh, dc, grads, dextra);
}
