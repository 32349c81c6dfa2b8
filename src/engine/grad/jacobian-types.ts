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

/**
 * sLSTM, state (h, c, n) with the stabiliser m held fixed (exact: see kinds/slstm.ts): the LSTM's
 * blocks and the normaliser's,
 *
 *   [[∂h/∂h, ∂h/∂c, ∂h/∂n], [∂c/∂h, ∂c/∂c, 0], [∂n/∂h, 0, ∂n/∂n]]   (each ∂·_t/∂·_{t-1})
 *
 * The c and n columns are diagonal (every path from c_{t-1} or n_{t-1} stays in its unit) and
 * stored as their diagonals; c_t does not read n_{t-1}, nor n_t c_{t-1}.
 */
export interface HcnJacobian {
  readonly kind: 'hcn';
  readonly hh: Matrix;
  readonly hcDiag: Vec;
  readonly hnDiag: Vec;
  readonly ch: Matrix;
  readonly ccDiag: Vec;
  readonly nh: Matrix;
  readonly nnDiag: Vec;
}

/**
 * mLSTM. h_t is an output and is not read back, so ∂h_t/∂h_{t-1} = 0 (hh, all zeros). Its
 * memory moves as one number times itself, the stabiliser m held fixed: ∂C_t/∂C_{t-1} = f′_t I
 * (on C's H² entries) and ∂n_t/∂n_{t-1} = f′_t I, since the gates read x_t alone; C_t reads
 * neither h_{t-1} nor n_{t-1}.
 */
export interface MemoryJacobian {
  readonly kind: 'memory';
  readonly hh: Matrix;
  /** f′_t: every entry of C_{t-1} and n_{t-1} is kept by this one number. */
  readonly keep: number;
  /** How many entries C has (H²). */
  readonly size: number;
}

export type StepJacobian = HJacobian | HcJacobian | HcnJacobian | MemoryJacobian;
