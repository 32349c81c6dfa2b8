/**
 * Backward pass of one gate's affine map  pre = W x + bW + U h + bU:
 *
 *   dW  += dPreIn ⊗ x        dbW += dPreIn        dx += Wᵀ dPreIn
 *   dU  += dPreRec ⊗ h       dbU += dPreRec       dh += Uᵀ dPreRec
 *
 * The input and recurrent sides take separate upstream vectors because the reset-after GRU
 * scales only the recurrent side by r (dPreRec = r * dPre there). `h` is whatever the
 * recurrent side multiplied (r * h_{t-1} for the reset-before GRU).
 *
 * Both the weight update and the transposed product walk W row by row, so one pass over a
 * row-major matrix does both (cache friendly; this loop is the whole cost of BPTT).
 */
import type { Affine, Vec } from '../types';
import type { AffineGrads } from './types';

function side(M: Float64Array, dM: Float64Array, cols: number, dPre: Vec, v: Vec, dv: Vec): void {
  const rows = dPre.length;
  for (let r = 0; r < rows; r++) {
    const g = dPre[r]!;
    if (g === 0) continue; // saturated unit: nothing flows; skipping is exact, not approximate
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      dM[base + c] = dM[base + c]! + g * v[c]!;
      dv[c] = dv[c]! + g * M[base + c]!;
    }
  }
}

export function affineBack(A: Affine, G: AffineGrads, dPreIn: Vec, dPreRec: Vec, x: Vec, h: Vec, dx: Vec, dh: Vec): void {
  side(A.W.data, G.dW.data, A.W.cols, dPreIn, x, dx);
  side(A.U.data, G.dU.data, A.U.cols, dPreRec, h, dh);
  for (let k = 0; k < dPreIn.length; k++) {
    G.dbW[k] = G.dbW[k]! + dPreIn[k]!;
    G.dbU[k] = G.dbU[k]! + dPreRec[k]!;
  }
}
