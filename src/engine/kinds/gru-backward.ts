/**
 * Backward step of the GRU (forward in gru-step.ts):
 *
 *   z = σ(preZ),  r = σ(preR)                  (affine in x_t, h_{t-1})
 *   after:   preN = W_n x + bW_n + r * (U_n h_{t-1} + bU_n)
 *   before:  preN = W_n x + bW_n + U_n (r * h_{t-1}) + bU_n
 *   n = tanh(preN),   h = (1 - z) * n + z * h_{t-1}
 *
 * Backward, given dh = ∂L/∂h_t:
 *
 *   dZ = dh * (h_{t-1} - n)      dN = dh * (1 - z)      dh_{t-1} = dh * z   (+ terms below)
 *   dPreZ = dZ * σ'(z)           dPreN = dN * (1 - n²)
 *   after:   rec = U_n h_{t-1} + bU_n       (a matrix product, recomputed: it is not traced)
 *            dR = dPreN * rec
 *            W side of n gets dPreN; U side gets dPreN * r (dU_n, dbU_n, dh_{t-1} += U_nᵀ(dPreN * r))
 *   before:  dRH = U_nᵀ dPreN                (gradient of r * h_{t-1})
 *            dR = dRH * h_{t-1},   dh_{t-1} += dRH * r,   dU_n += dPreN ⊗ (r * h_{t-1})
 *   dPreR = dR * σ'(r)
 *   z and r: plain affine backward (affine-back.ts), adding Wᵀ dPre into dx_t and Uᵀ dPre into dh_{t-1}.
 */
import { recurrentSide } from '../math';
import type { Vec } from '../types';
import type { GruGrads, GruParams, GruTrace } from './gru-types';
import { gateDeriv, tanhDeriv } from '../grad/activations';
import { affineBack } from '../grad/affine-back';
import type { StepBackResult } from '../grad/types';

export function gruBackward(p: GruParams, tr: GruTrace, dh: Vec, grads: GruGrads): StepBackResult {
  const H = p.hiddenSize;
  const act = gateDeriv(p.gateActivation);
  const { z, r, n, hPrev, x } = tr;
  const { gates } = p;
  const G = grads.gates;

  const dPreZ = new Float64Array(H);
  const dPreN = new Float64Array(H);
  const dhPrev = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const d = dh[k]!;
    dPreZ[k] = d * (hPrev[k]! - n[k]!) * act(z[k]!);
    dPreN[k] = d * (1 - z[k]!) * tanhDeriv(n[k]!);
    dhPrev[k] = d * z[k]!;
  }

  const dx = new Float64Array(p.inputSize);
  const dR = new Float64Array(H);
  if (p.reset === 'after') {
    const rec = recurrentSide(gates.n, hPrev);
    const dPreNRec = new Float64Array(H);
    for (let k = 0; k < H; k++) {
      dR[k] = dPreN[k]! * rec[k]!;
      dPreNRec[k] = dPreN[k]! * r[k]!;
    }
    affineBack(gates.n, G.n, dPreN, dPreNRec, x, hPrev, dx, dhPrev);
  } else {
    const rh = new Float64Array(H);
    for (let k = 0; k < H; k++) rh[k] = r[k]! * hPrev[k]!;
    const dRH = new Float64Array(H);
    affineBack(gates.n, G.n, dPreN, dPreN, x, rh, dx, dRH);
    for (let k = 0; k < H; k++) {
      dR[k] = dRH[k]! * hPrev[k]!;
      dhPrev[k] = dhPrev[k]! + dRH[k]! * r[k]!;
    }
  }

  const dPreR = new Float64Array(H);
  for (let k = 0; k < H; k++) dPreR[k] = dR[k]! * act(r[k]!);
  affineBack(gates.z, G.z, dPreZ, dPreZ, x, hPrev, dx, dhPrev);
  affineBack(gates.r, G.r, dPreR, dPreR, x, hPrev, dx, dhPrev);
  return { dx, dhPrev, dcPrev: null };
}
