/**
 * One-step Jacobian ∂h_t/∂h_{t-1} of the GRU (forward in gru-step.ts), σ' from saved outputs:
 *
 *   bZ = (h_{t-1} - n) * σ'(z)        gN = (1 - z) * (1 - n²)
 *   ∂h_t/∂h_{t-1} = diag(z) + diag(bZ) U_z + diag(gN) ∂preN/∂h_{t-1}
 *   after:   ∂preN/∂h_{t-1} = diag(rec * σ'(r)) U_r + diag(r) U_n,   rec = U_n h_{t-1} + bU_n
 *   before:  ∂preN/∂h_{t-1} = U_n (diag(r) + diag(h_{t-1} * σ'(r)) U_r)
 *
 * The reset-before form needs a true matrix product (H³); reset-after stays O(H²).
 */
import { matrix, recurrentSide } from '../math';
import type { GruParams, GruTrace } from './gru-types';
import { gateDeriv, tanhDeriv } from '../grad/activations';
import { addScaledRows, matMulAdd } from '../grad/linalg';
import type { HJacobian } from '../grad/jacobian-types';

export function gruJacobian(p: GruParams, tr: GruTrace): HJacobian {
  const H = p.hiddenSize;
  const act = gateDeriv(p.gateActivation);
  const { z, r, n, hPrev } = tr;
  const U = (g: 'z' | 'r' | 'n') => p.gates[g].U;

  const bZ = new Float64Array(H);
  const gN = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    bZ[k] = (hPrev[k]! - n[k]!) * act(z[k]!);
    gN[k] = (1 - z[k]!) * tanhDeriv(n[k]!);
  }
  const hh = matrix(H, H);
  for (let k = 0; k < H; k++) hh.data[k * H + k] = z[k]!;
  addScaledRows(hh.data, bZ, U('z'));

  if (p.reset === 'after') {
    const rec = recurrentSide(p.gates.n, hPrev);
    const viaR = new Float64Array(H);
    const viaN = new Float64Array(H);
    for (let k = 0; k < H; k++) {
      viaR[k] = gN[k]! * rec[k]! * act(r[k]!);
      viaN[k] = gN[k]! * r[k]!;
    }
    addScaledRows(hh.data, viaR, U('r'));
    addScaledRows(hh.data, viaN, U('n'));
  } else {
    // Q = ∂(r * h_{t-1})/∂h_{t-1} = diag(r) + diag(h_{t-1} σ'(r)) U_r
    const Q = matrix(H, H);
    const s = new Float64Array(H);
    for (let k = 0; k < H; k++) {
      s[k] = hPrev[k]! * act(r[k]!);
      Q.data[k * H + k] = r[k]!;
    }
    addScaledRows(Q.data, s, U('r'));
    const UnQ = matrix(H, H);
    matMulAdd(U('n').data, Q.data, UnQ.data, H, H, H);
    addScaledRows(hh.data, gN, UnQ);
  }
  return { kind: 'h', hh };
}
