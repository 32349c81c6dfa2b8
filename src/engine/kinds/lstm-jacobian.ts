/**
 * One-step Jacobian of the LSTM family, state (h, C) -> (h, C). With σ' from the saved gate
 * outputs, p = 0 without peepholes, and the direct (non-h) effect of each gate on C_t:
 *
 *   aF = C_{t-1} * σ'(f)          aI = C̃ * σ'(i)          aG = i * (1 - C̃²)
 *   coupled 'i=1-f':  aF = (C_{t-1} - C̃) * σ'(f),  aI = 0      (i moves against f)
 *   coupled 'f=1-i':  aI = (C̃ - C_{t-1}) * σ'(i),  aF = 0
 *
 *   ∂C_t/∂h_{t-1} = diag(aF) U_f + diag(aI) U_i + diag(aG) U_g                 (dense)
 *   ∂C_t/∂C_{t-1} = diag(f + aF * p_f + aI * p_i)                              (diagonal)
 *   E             = o * (1 - tanh²(C)) + tanh(C) * σ'(o) * p_o                 (∂h_t/∂C_t)
 *   ∂h_t/∂h_{t-1} = diag(tanh(C) * σ'(o)) U_o + diag(E) ∂C_t/∂h_{t-1}
 *   ∂h_t/∂C_{t-1} = diag(E * (f + aF * p_f + aI * p_i))                        (diagonal)
 *
 * The two C_{t-1} blocks are diagonal because every path from C_{t-1} stays inside its unit
 * (the belt, and the diagonal peepholes).
 */
import { matrix } from '../math';
import type { LstmFamilyParams, LstmTrace } from './lstm-types';
import { gateDeriv, tanhDeriv } from '../grad/activations';
import { addScaledRows } from '../grad/linalg';
import type { HcJacobian } from '../grad/jacobian-types';

export function lstmJacobian(p: LstmFamilyParams, tr: LstmTrace): HcJacobian {
  const H = p.hiddenSize;
  const act = gateDeriv(p.gateActivation);
  const coupling = p.kind === 'coupled' ? p.coupling : null;
  const peep = p.kind === 'peephole' ? p.peep : null;

  const aF = new Float64Array(H);
  const aI = new Float64Array(H);
  const aG = new Float64Array(H);
  const aO = new Float64Array(H);
  const E = new Float64Array(H);
  const ccDiag = new Float64Array(H);
  const hcDiag = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const f = tr.f[k]!;
    const i = tr.i[k]!;
    const cPrev = tr.cPrev[k]!;
    const cTilde = tr.cTilde[k]!;
    const tc = tr.tanhC[k]!;
    if (coupling === 'i=1-f') aF[k] = (cPrev - cTilde) * act(f);
    else if (coupling === 'f=1-i') aI[k] = (cTilde - cPrev) * act(i);
    else {
      aF[k] = cPrev * act(f);
      aI[k] = cTilde * act(i);
    }
    aG[k] = i * tanhDeriv(cTilde);
    aO[k] = tc * act(tr.o[k]!);
    E[k] = tr.o[k]! * tanhDeriv(tc) + (peep ? aO[k]! * peep.o[k]! : 0);
    ccDiag[k] = f + (peep ? aF[k]! * peep.f[k]! + aI[k]! * peep.i[k]! : 0);
    hcDiag[k] = E[k]! * ccDiag[k]!;
  }

  const ch = matrix(H, H);
  addScaledRows(ch.data, aF, p.gates.f.U);
  addScaledRows(ch.data, aI, p.gates.i.U);
  addScaledRows(ch.data, aG, p.gates.g.U);

  const hh = matrix(H, H);
  addScaledRows(hh.data, aO, p.gates.o.U);
  addScaledRows(hh.data, E, ch);
  return { kind: 'hc', hh, hcDiag, ch, ccDiag };
}
