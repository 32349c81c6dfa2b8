/**
 * Gradients in the canonical layout: one object per cell, shaped exactly like its CellParams,
 * so that an optimizer can walk params and grads side by side (see views.ts).
 *
 *   per gate:  dW [hidden][input] = ∂L/∂W,  dU [hidden][hidden] = ∂L/∂U,  dbW = ∂L/∂bW,  dbU = ∂L/∂bU
 *   peephole:  dpeep.{i,f,o} = ∂L/∂p (diagonal, one per unit)
 *
 * A coupled cell's derived gate keeps its (ignored) weights in the params, so its grads exist
 * too and stay exactly zero: the loss does not depend on them.
 */
import { matrix } from '../math';
import type { CellParams, GruGate, LstmGate, Matrix, Vec } from '../types';

export interface AffineGrads {
  readonly dW: Matrix;
  readonly dU: Matrix;
  readonly dbW: Vec;
  readonly dbU: Vec;
}

export interface RnnGrads {
  readonly kind: 'rnn';
  readonly a: AffineGrads;
}

export interface LstmFamilyGrads {
  readonly kind: 'lstm' | 'peephole' | 'coupled';
  readonly gates: Readonly<Record<LstmGate, AffineGrads>>;
  /** Peephole weights' gradients; null for the kinds that have none. */
  readonly dpeep: Readonly<{ i: Vec; f: Vec; o: Vec }> | null;
}

export interface GruGrads {
  readonly kind: 'gru';
  readonly gates: Readonly<Record<GruGate, AffineGrads>>;
}

export type CellGrads = RnnGrads | LstmFamilyGrads | GruGrads;

/** What one backward step hands to the step before it (and to the input). */
export interface StepBackResult {
  /** ∂L/∂x_t */
  readonly dx: Vec;
  /** ∂L/∂h_{t-1} */
  readonly dhPrev: Vec;
  /** ∂L/∂C_{t-1}; null for cells without a cell state. */
  readonly dcPrev: Vec | null;
  /** ∂L/∂C_t in full: from the step after and through this step's h_t (LSTM family only). */
  readonly dc?: Vec;
}

function zeroAffine(input: number, hidden: number): AffineGrads {
  return {
    dW: matrix(hidden, input),
    dU: matrix(hidden, hidden),
    dbW: new Float64Array(hidden),
    dbU: new Float64Array(hidden),
  };
}

/** A zero gradient of the same shape as `p`, ready to be accumulated into. */
export function zeroGrads(p: CellParams): CellGrads {
  const I = p.inputSize;
  const H = p.hiddenSize;
  const z = () => zeroAffine(I, H);
  switch (p.kind) {
    case 'rnn':
      return { kind: 'rnn', a: z() };
    case 'gru':
      return { kind: 'gru', gates: { z: z(), r: z(), n: z() } };
    case 'lstm':
    case 'coupled':
      return { kind: p.kind, gates: { i: z(), f: z(), g: z(), o: z() }, dpeep: null };
    case 'peephole':
      return {
        kind: 'peephole',
        gates: { i: z(), f: z(), g: z(), o: z() },
        dpeep: { i: new Float64Array(H), f: new Float64Array(H), o: new Float64Array(H) },
      };
  }
}
