/**
 * Backward step of the plain RNN (forward: a_t = W x_t + bW + U h_{t-1} + bU, h_t = tanh(a_t)).
 *
 *   dA      = dh_t * (1 - h_t²)
 *   dW     += dA ⊗ x_t          dbW += dA
 *   dU     += dA ⊗ h_{t-1}      dbU += dA
 *   dx_t    = Wᵀ dA
 *   dh_{t-1} = Uᵀ dA
 */
import type { RnnParams, RnnTrace, Vec } from '../types';
import { tanhDeriv } from './activations';
import { affineBack } from './affine-back';
import type { RnnGrads, StepBackResult } from './types';

export function rnnBackward(p: RnnParams, tr: RnnTrace, dh: Vec, grads: RnnGrads): StepBackResult {
  const H = p.hiddenSize;
  const dA = new Float64Array(H);
  for (let k = 0; k < H; k++) dA[k] = dh[k]! * tanhDeriv(tr.h[k]!);
  const dx = new Float64Array(p.inputSize);
  const dhPrev = new Float64Array(H);
  affineBack(p.a, grads.a, dA, dA, tr.x, tr.hPrev, dx, dhPrev);
  return { dx, dhPrev, dcPrev: null };
}
