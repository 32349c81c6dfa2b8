/**
 * Backward step of the LSTM family (plain, peephole, coupled in both couplings).
 * Forward (lstm-step.ts; equations in lstm.ts, peephole.ts, coupled.ts), with p = 0 without peepholes:
 *
 *   f = σ(preF),  preF = W_f x + bW_f + U_f h_{t-1} + bU_f + p_f * C_{t-1}
 *   i = σ(preI),  preI = W_i x + bW_i + U_i h_{t-1} + bU_i + p_i * C_{t-1}
 *   C̃ = tanh(preG),  C = f * C_{t-1} + i * C̃
 *   o = σ(preO),  preO = W_o x + bW_o + U_o h_{t-1} + bU_o + p_o * C      (the NEW C)
 *   h = o * tanh(C)
 *
 * Backward, given dh = ∂L/∂h_t and dC_in = ∂L/∂C_t from the step after:
 *
 *   dO     = dh * tanh(C)
 *   dPreO  = dO * σ'(o)
 *   dC     = dC_in + dh * o * (1 - tanh²(C)) + dPreO * p_o       (o saw C through the peephole)
 *   dF     = dC * C_{t-1}      dI = dC * C̃      dCtilde = dC * i
 *   dPreG  = dCtilde * (1 - C̃²)
 *   coupled 'i=1-f':  i = 1 - f, so  dPreF = (dF - dI) * σ'(f),  dPreI = 0
 *   coupled 'f=1-i':  f = 1 - i, so  dPreI = (dI - dF) * σ'(i),  dPreF = 0
 *   otherwise:        dPreF = dF * σ'(f),  dPreI = dI * σ'(i)
 *   dC_{t-1} = dC * f + dPreF * p_f + dPreI * p_i
 *   dp_o += dPreO * C      dp_f += dPreF * C_{t-1}      dp_i += dPreI * C_{t-1}
 *   for each gate q in {i, f, g, o}:  affine backward of dPreQ (affine-back.ts), which gives
 *   dW_q, dU_q, dbW_q, dbU_q and the sums dx_t = Σ W_qᵀ dPreQ, dh_{t-1} = Σ U_qᵀ dPreQ.
 *
 * σ' is taken from the saved gate outputs (activations.ts). The derived coupled gate's
 * weights get dPre = 0, so its grads stay exactly zero (it does not affect the loss).
 */
import type { Vec } from '../types';
import type { LstmFamilyGrads, LstmFamilyParams, LstmTrace } from './lstm-types';
import { gateDeriv, tanhDeriv } from '../grad/activations';
import { affineBack } from '../grad/affine-back';
import type { StepBackResult } from '../grad/types';

export function lstmBackward(p: LstmFamilyParams, tr: LstmTrace, dh: Vec, dcIn: Vec | null, grads: LstmFamilyGrads): StepBackResult {
  const H = p.hiddenSize;
  const act = gateDeriv(p.gateActivation);
  const coupling = p.kind === 'coupled' ? p.coupling : null;
  const peep = p.kind === 'peephole' ? p.peep : null;
  const dpeep = grads.dpeep;
  // Checked once here so the per-unit loop can rely on peep and dpeep coming together.
  if (peep && !dpeep) throw new Error('lstmBackward: a peephole cell needs gradients with dpeep');

  const dPreI = new Float64Array(H);
  const dPreF = new Float64Array(H);
  const dPreG = new Float64Array(H);
  const dPreO = new Float64Array(H);
  const dcPrev = new Float64Array(H);
  const dcAll = new Float64Array(H);

  for (let k = 0; k < H; k++) {
    const o = tr.o[k]!;
    const tc = tr.tanhC[k]!;
    const f = tr.f[k]!;
    const i = tr.i[k]!;
    const cPrev = tr.cPrev[k]!;
    const cTilde = tr.cTilde[k]!;

    const dO = dh[k]! * tc;
    const dpo = dO * act(o);
    let dC = (dcIn ? dcIn[k]! : 0) + dh[k]! * o * tanhDeriv(tc);
    if (peep) dC += dpo * peep.o[k]!;

    const dF = dC * cPrev;
    const dI = dC * cTilde;
    const dCtilde = dC * i;
    let dpf = 0;
    let dpi = 0;
    if (coupling === 'i=1-f') dpf = (dF - dI) * act(f);
    else if (coupling === 'f=1-i') dpi = (dI - dF) * act(i);
    else {
      dpf = dF * act(f);
      dpi = dI * act(i);
    }

    let dcp = dC * f;
    if (peep && dpeep) {
      dcp += dpf * peep.f[k]! + dpi * peep.i[k]!; // C_{t-1} also reached i and f via the peepholes
      dpeep.o[k] = dpeep.o[k]! + dpo * tr.c[k]!;
      dpeep.f[k] = dpeep.f[k]! + dpf * cPrev;
      dpeep.i[k] = dpeep.i[k]! + dpi * cPrev;
    }
    dcAll[k] = dC;
    dPreO[k] = dpo;
    dPreF[k] = dpf;
    dPreI[k] = dpi;
    dPreG[k] = dCtilde * tanhDeriv(cTilde);
    dcPrev[k] = dcp;
  }

  const dx = new Float64Array(p.inputSize);
  const dhPrev = new Float64Array(H);
  const { gates } = p;
  const G = grads.gates;
  affineBack(gates.i, G.i, dPreI, dPreI, tr.x, tr.hPrev, dx, dhPrev);
  affineBack(gates.f, G.f, dPreF, dPreF, tr.x, tr.hPrev, dx, dhPrev);
  affineBack(gates.g, G.g, dPreG, dPreG, tr.x, tr.hPrev, dx, dhPrev);
  affineBack(gates.o, G.o, dPreO, dPreO, tr.x, tr.hPrev, dx, dhPrev);
  return { dx, dhPrev, dcPrev, dc: dcAll };
}
