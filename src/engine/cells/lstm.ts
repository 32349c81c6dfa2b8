/**
 * Long short-term memory cell (Hochreiter & Schmidhuber 1997, with the forget gate of
 * Gers et al. 2000), in the convention of PyTorch, Keras and ONNX:
 *
 *   f_t  = σ(W_f x_t + bW_f + U_f h_{t-1} + bU_f)      forget gate: how much of C_{t-1} to keep
 *   i_t  = σ(W_i x_t + bW_i + U_i h_{t-1} + bU_i)      input gate: how much of C̃_t to write
 *   C̃_t = tanh(W_g x_t + bW_g + U_g h_{t-1} + bU_g)   candidate (PyTorch "g", Keras "c")
 *   C_t  = f_t * C_{t-1} + i_t * C̃_t                   the conveyor belt
 *   o_t  = σ(W_o x_t + bW_o + U_o h_{t-1} + bU_o)      output gate
 *   h_t  = o_t * tanh(C_t)
 *
 * σ is the logistic sigmoid, or hard-sigmoid clip(0.2x + 0.5) when gateActivation says so.
 * The peephole and coupled variants (peephole.ts, coupled.ts) reuse `lstmFamilyStep`.
 */
import { affine, gateVecFn, oneMinusVec, tanhVec } from '../math';
import type { CellState, LstmFamilyParams, LstmParams, LstmTrace, StepResult, Vec } from '../types';

/** How a variant changes the plain LSTM step: peephole terms, or one gate derived from another. */
export interface LstmVariant {
  /** Added to pre_i and pre_f before activation (the peepholes onto C_{t-1}). */
  readonly peepIn?: (cPrev: Vec) => { i: Vec; f: Vec };
  /** Added to pre_o before activation (the peephole onto the new C_t). */
  readonly peepOut?: (c: Vec) => Vec;
  /** Coupled gates: which one is computed; the other is 1 minus it. */
  readonly coupling?: 'i=1-f' | 'f=1-i';
}

function addInto(a: Vec, b: Vec): Vec {
  for (let k = 0; k < a.length; k++) a[k] = a[k]! + b[k]!;
  return a;
}

export function lstmFamilyStep(p: LstmFamilyParams, s: CellState, x: Vec, variant: LstmVariant = {}): StepResult<LstmTrace> {
  const act = gateVecFn(p.gateActivation);
  const hPrev = s.h;
  const cPrev = s.c ?? new Float64Array(p.hiddenSize);
  const peep = variant.peepIn?.(cPrev);

  // A coupled cell's derived gate has no pre-activation: skip its mat-vec (a quarter of the step).
  const preI: Vec | null = variant.coupling === 'i=1-f' ? null : affine(p.gates.i, x, hPrev);
  const preF: Vec | null = variant.coupling === 'f=1-i' ? null : affine(p.gates.f, x, hPrev);
  if (peep) {
    if (preI) addInto(preI, peep.i);
    if (preF) addInto(preF, peep.f);
  }
  let i: Vec;
  let f: Vec;
  if (preI === null) {
    f = act(preF!);
    i = oneMinusVec(f);
  } else if (preF === null) {
    i = act(preI);
    f = oneMinusVec(i);
  } else {
    i = act(preI);
    f = act(preF);
  }

  const preG = affine(p.gates.g, x, hPrev);
  const cTilde = tanhVec(preG);
  const c = new Float64Array(p.hiddenSize);
  for (let k = 0; k < c.length; k++) c[k] = f[k]! * cPrev[k]! + i[k]! * cTilde[k]!;

  const preO = affine(p.gates.o, x, hPrev);
  if (variant.peepOut) addInto(preO, variant.peepOut(c));
  const o = act(preO);
  const tanhC = tanhVec(c);
  const h = new Float64Array(p.hiddenSize);
  for (let k = 0; k < h.length; k++) h[k] = o[k]! * tanhC[k]!;

  return {
    state: { h, c },
    trace: {
      kind: p.kind,
      x,
      hPrev,
      cPrev,
      pre: { i: preI, f: preF, g: preG, o: preO },
      f,
      i,
      cTilde,
      c,
      o,
      tanhC,
      h,
    },
  };
}

export function lstmStep(p: LstmParams, s: CellState, x: Vec): StepResult<LstmTrace> {
  return lstmFamilyStep(p, s, x);
}
