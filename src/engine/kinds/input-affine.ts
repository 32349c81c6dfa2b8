/**
 * Maps of x_t alone, W x + b (types.ts's InputAffine): the gates and candidates of the cells whose
 * gates do not read h_{t-1} (minGRU, minLSTM, mLSTM). Forward, backward and their gradients:
 *
 *   pre = W x + b;   dW += dPre ⊗ x,   db += dPre,   dx += Wᵀ dPre
 *
 * No recurrent matrix exists for them, so none is stored, drawn, trained or written to a file.
 */
import { matrix, matVecAdd } from '../math';
import type { NamedArray } from '../grad/types';
import type { InputAffine, Matrix, Vec } from '../types';

export interface InputAffineGrads {
  readonly dW: Matrix;
  readonly db: Vec;
}

/** W x + b. */
export function inputAffine(A: InputAffine, x: Vec): Vec {
  const out = Float64Array.from(A.b);
  matVecAdd(A.W, x, out);
  return out;
}

/** Adds dPre ⊗ x into dW, dPre into db, and Wᵀ dPre into dx (one pass over each row of W). */
export function inputAffineBack(A: InputAffine, G: InputAffineGrads, dPre: Vec, x: Vec, dx: Vec): void {
  const cols = A.W.cols;
  const W = A.W.data;
  const dW = G.dW.data;
  for (let r = 0; r < dPre.length; r++) {
    const g = dPre[r]!;
    G.db[r] = G.db[r]! + g;
    if (g === 0) continue; // a saturated unit: nothing flows; skipping is exact
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      dW[base + c] = dW[base + c]! + g * x[c]!;
      dx[c] = dx[c]! + g * W[base + c]!;
    }
  }
}

export const zeroInputAffine = (I: number, rows: number): InputAffineGrads => ({ dW: matrix(rows, I), db: new Float64Array(rows) });

/** The gradient's arrays, named as the params' tensors ('z.W', 'z.b'). */
export const inputAffineGradViews = (prefix: string, g: InputAffineGrads): NamedArray[] => [
  { name: `${prefix}.W`, data: g.dW.data },
  { name: `${prefix}.b`, data: g.db },
];
