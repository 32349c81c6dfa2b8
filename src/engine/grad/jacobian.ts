/**
 * The one-step Jacobian of any cell: how the new state moves when the previous state moves,
 * at the operating point recorded in a trace (the input x_t held fixed).
 *
 * Each kind's module computes its own (kinds/): an H×H matrix for cells whose state is h alone,
 * a 2×2 block over (h, C) for the LSTM family.
 *
 * A student reads vanishing/exploding gradients off products of these (influence.ts).
 */
import { type CellParams, kindOf, type StepTrace } from '../kinds';
import { matrix } from '../math';
import type { Matrix } from '../types';
import type { HcJacobian, StepJacobian } from './jacobian-types';

export function stepJacobian(p: CellParams, trace: StepTrace): StepJacobian {
  if (trace.kind !== p.kind) throw new Error(`stepJacobian: a ${trace.kind} trace does not belong to a ${p.kind} cell`);
  return kindOf(p.kind).jacobian(p, trace);
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
