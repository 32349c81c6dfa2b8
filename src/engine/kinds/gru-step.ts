/** The GRU's forward step; its equations head gru.ts. */
import { affine, gateVecFn, inputSide, recurrentSide, tanhVec } from '../math';
import type { CellState, StepResult, Vec } from '../types';
import type { GruParams, GruTrace } from './gru-types';

export function gruStep(p: GruParams, s: CellState, x: Vec): StepResult<GruTrace> {
  const act = gateVecFn(p.gateActivation);
  const hPrev = s.h;
  const H = p.hiddenSize;
  const preZ = affine(p.gates.z, x, hPrev);
  const preR = affine(p.gates.r, x, hPrev);
  const z = act(preZ);
  const r = act(preR);

  const preN = inputSide(p.gates.n, x);
  if (p.reset === 'after') {
    const rec = recurrentSide(p.gates.n, hPrev);
    for (let k = 0; k < H; k++) preN[k] = preN[k]! + r[k]! * rec[k]!;
  } else {
    const rh = new Float64Array(H);
    for (let k = 0; k < H; k++) rh[k] = r[k]! * hPrev[k]!;
    const rec = recurrentSide(p.gates.n, rh);
    for (let k = 0; k < H; k++) preN[k] = preN[k]! + rec[k]!;
  }
  const n = tanhVec(preN);
  const h = new Float64Array(H);
  for (let k = 0; k < H; k++) h[k] = (1 - z[k]!) * n[k]! + z[k]! * hPrev[k]!;

  return {
    state: { h, c: null },
    trace: { kind: 'gru', x, hPrev, pre: { z: preZ, r: preR, n: preN }, z, r, n, h },
  };
}
