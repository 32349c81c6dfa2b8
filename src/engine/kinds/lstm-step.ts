/** The LSTM family's forward step; the equations head lstm.ts, peephole.ts and coupled.ts. */
import { affine, gateVecFn, oneMinusVec, tanhVec } from '../math';
import type { CellState, StepResult, Vec } from '../types';
import type { LstmFamilyParams, LstmTrace } from './lstm-types';

/** How a variant changes the plain LSTM step: peephole terms, or one gate derived from another. */
interface LstmVariant {
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
