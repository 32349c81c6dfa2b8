/** Shapes of a one-step Jacobian (see jacobian.ts). */
import type { Matrix, Vec } from '../types';

/** Cells whose state is h alone (RNN, GRU, minGRU, minLSTM): ∂h_t/∂h_{t-1}, H×H. */
export interface HJacobian {
  readonly kind: 'h';
  readonly hh: Matrix;
}

/**
 * LSTM family, state (h, C): the block [[∂h_t/∂h_{t-1}, ∂h_t/∂C_{t-1}], [∂C_t/∂h_{t-1}, ∂C_t/∂C_{t-1}]].
 * The two C_{t-1} columns are diagonal and stored as their diagonals.
 */
export interface HcJacobian {
  readonly kind: 'hc';
  readonly hh: Matrix;
  readonly hcDiag: Vec;
  readonly ch: Matrix;
  readonly ccDiag: Vec;
}

export type StepJacobian = HJacobian | HcJacobian;
