/**
 * Gated recurrent unit (Cho et al. 2014), in the convention of PyTorch, Keras and ONNX:
 *
 *   z_t = σ(W_z x_t + bW_z + U_z h_{t-1} + bU_z)      update gate: how much of h_{t-1} to KEEP
 *   r_t = σ(W_r x_t + bW_r + U_r h_{t-1} + bU_r)      reset gate: how much of h_{t-1} the candidate sees
 *   reset 'after'  (PyTorch, Keras reset_after=True, ONNX linear_before_reset=1):
 *       n_t = tanh(W_n x_t + bW_n + r_t * (U_n h_{t-1} + bU_n))
 *   reset 'before' (Cho et al., tfjs, Keras reset_after=False, ONNX default):
 *       n_t = tanh(W_n x_t + bW_n + U_n (r_t * h_{t-1}) + bU_n)
 *   h_t = (1 - z_t) * n_t + z_t * h_{t-1}
 *
 * colah's 2015 figure writes h_t = (1 - z_t) * h_{t-1} + z_t * h̃_t, i.e. z there means "how
 * much to write"; every framework above uses z as "how much to keep", and so do we.
 */
import { affine, gateVecFn, inputSide, recurrentSide, tanhVec } from '../math';
import type { CellState, GruParams, GruTrace, StepResult, Vec } from '../types';

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
