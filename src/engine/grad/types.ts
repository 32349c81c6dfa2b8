/**
 * Gradients in the canonical layout: one object per cell, shaped exactly like its CellParams,
 * so that an optimizer can walk params and grads side by side (views.ts). Each kind's module
 * (kinds/) defines its gradient's shape; what they share is here.
 *
 *   per gate:  dW [hidden][input] = ∂L/∂W,  dU [hidden][hidden] = ∂L/∂U,  dbW = ∂L/∂bW,  dbU = ∂L/∂bU
 */
import { matrix } from '../math';
import type { Affine, Matrix, Vec } from '../types';

export interface AffineGrads {
  readonly dW: Matrix;
  readonly dU: Matrix;
  readonly dbW: Vec;
  readonly dbU: Vec;
}

/** What one backward step hands to the step before it (and to the input). */
export interface StepBackResult {
  /** ∂L/∂x_t */
  readonly dx: Vec;
  /** ∂L/∂h_{t-1} */
  readonly dhPrev: Vec;
  /** ∂L/∂C_{t-1}; null for cells without a cell state. */
  readonly dcPrev: Vec | null;
  /** ∂L/∂C_t in full: from the step after and through this step's h_t (kinds with a cell state). */
  readonly dc?: Vec;
  /**
   * ∂L/∂extra_{t-1}, the gradient on the kind's further states (CellState.extra), for kinds that
   * carry them. A stabiliser's entry is its partial derivative through this step alone (the
   * stabilisers after it held fixed): the previous step ignores it, and at t = 1 it is ∂L/∂m_0.
   */
  readonly dextraPrev?: Vec;
}

/** A flat named array of params or grads (live storage, not a copy). */
export interface NamedArray {
  readonly name: string;
  readonly data: Float64Array;
}

export function zeroAffine(input: number, hidden: number): AffineGrads {
  return {
    dW: matrix(hidden, input),
    dU: matrix(hidden, hidden),
    dbW: new Float64Array(hidden),
    dbU: new Float64Array(hidden),
  };
}

export function affineViews(prefix: string, a: Affine): NamedArray[] {
  return [
    { name: `${prefix}.W`, data: a.W.data },
    { name: `${prefix}.U`, data: a.U.data },
    { name: `${prefix}.bW`, data: a.bW },
    { name: `${prefix}.bU`, data: a.bU },
  ];
}

export function affineGradViews(prefix: string, g: AffineGrads): NamedArray[] {
  return [
    { name: `${prefix}.W`, data: g.dW.data },
    { name: `${prefix}.U`, data: g.dU.data },
    { name: `${prefix}.bW`, data: g.dbW },
    { name: `${prefix}.bU`, data: g.dbU },
  ];
}
