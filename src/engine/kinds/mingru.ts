/**
 * minGRU (Feng et al. 2024, "Were RNNs All We Needed?", sequential mode), whose gate reads x_t
 * alone, so every step's gate can be computed at once and the recurrence run as a scan:
 *
 *   z_t  = σ(W_z x_t + b_z)                       update gate: z = 1 takes the NEW candidate
 *   h̃_t = W_h x_t + b_h                          the candidate: linear, no tanh
 *   h_t  = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
 *
 * z runs the other way from the classic GRU's (gru.ts: z = 1 keeps the old state). The log-space
 * mode of the paper (and lucidrains/minGRU-pytorch) passes h̃ through g(x) = x + 0.5 (x ≥ 0),
 * σ(x) (x < 0) to keep h positive: a different function, not this one. No U: there is no
 * recurrent weight to store, draw or train. The state is h alone, h_0 = 0.
 *
 * Backward (BPTT), given dh = ∂L/∂h_t:
 *   dPreZ = dh ⊙ (h̃_t − h_{t−1}) ⊙ z(1 − z)     dH̃ = dh ⊙ z      dh_{t−1} = dh ⊙ (1 − z)
 *   dW_z += dPreZ ⊗ x, db_z += dPreZ;  dW_h += dH̃ ⊗ x, db_h += dH̃;  dx = W_zᵀ dPreZ + W_hᵀ dH̃
 * One-step Jacobian: ∂h_t/∂h_{t−1} = diag(1 − z_t), diagonal: what the scan multiplies.
 */
import { matrix, sigmoid } from '../math';
import type { HJacobian } from '../grad/jacobian-types';
import type { StepBackResult } from '../grad/types';
import type { CellState, InputAffine, ParamsBase, StepResult, Vec } from '../types';
import { type InputAffineGrads, inputAffine, inputAffineBack, inputAffineGradViews, zeroInputAffine } from './input-affine';
import { chronoStart, defaultStart } from './starts';
import type { KindSpec } from './spec';
import { emptyInputAffine, inputAffineTensors } from './tensors';

export interface MinGruParams extends ParamsBase {
  readonly kind: 'mingru';
  /** The update gate's map: z̃ = W_z x + b_z. */
  readonly z: InputAffine;
  /** The candidate's map: h̃ = W_h x + b_h. */
  readonly h: InputAffine;
}

export interface MinGruTrace {
  readonly kind: 'mingru';
  readonly x: Vec;
  readonly hPrev: Vec;
  /** z̃ = W_z x + b_z, and the candidate's (which is the candidate itself: no activation). */
  readonly pre: { readonly z: Vec; readonly hTilde: Vec };
  /** σ(z̃): how much of the candidate to take. */
  readonly z: Vec;
  readonly hTilde: Vec;
  readonly h: Vec;
}

export interface MinGruGrads {
  readonly kind: 'mingru';
  readonly z: InputAffineGrads;
  readonly h: InputAffineGrads;
}

function step(p: MinGruParams, s: CellState, x: Vec): StepResult<MinGruTrace> {
  const H = p.hiddenSize;
  const hPrev = s.h;
  const preZ = inputAffine(p.z, x);
  const hTilde = inputAffine(p.h, x);
  const z = new Float64Array(H);
  const h = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const g = sigmoid(preZ[k]!);
    z[k] = g;
    h[k] = (1 - g) * hPrev[k]! + g * hTilde[k]!;
  }
  return { state: { h, c: null }, trace: { kind: 'mingru', x, hPrev, pre: { z: preZ, hTilde }, z, hTilde, h } };
}

function backward(p: MinGruParams, tr: MinGruTrace, dh: Vec, _dc: Vec | null, g: MinGruGrads): StepBackResult {
  const H = p.hiddenSize;
  const dPreZ = new Float64Array(H);
  const dHt = new Float64Array(H);
  const dhPrev = new Float64Array(H);
  for (let k = 0; k < H; k++) {
    const z = tr.z[k]!;
    const d = dh[k]!;
    dPreZ[k] = d * (tr.hTilde[k]! - tr.hPrev[k]!) * z * (1 - z);
    dHt[k] = d * z;
    dhPrev[k] = d * (1 - z);
  }
  const dx = new Float64Array(p.inputSize);
  inputAffineBack(p.z, g.z, dPreZ, tr.x, dx);
  inputAffineBack(p.h, g.h, dHt, tr.x, dx);
  return { dx, dhPrev, dcPrev: null };
}

function jacobian(p: MinGruParams, tr: MinGruTrace): HJacobian {
  const H = p.hiddenSize;
  const hh = matrix(H, H);
  for (let k = 0; k < H; k++) hh.data[k * H + k] = 1 - tr.z[k]!;
  return { kind: 'h', hh };
}

export const mingru: KindSpec<MinGruParams, MinGruTrace, MinGruGrads> = {
  id: 'mingru',
  group: 'today',
  parts: [
    { name: 'z', role: 'write', tex: 'z_t' },
    { name: 'hTilde', role: 'candidate', tex: '\\tilde{h}_t' },
    { name: 'h', role: 'state', tex: 'h_t' },
  ],
  equations: ['z_t = \\sigma(W_z x_t + b_z)', '\\tilde{h}_t = W_h x_t + b_h', 'h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde{h}_t'],
  gates: ['z', 'h'],
  variant: null,
  peepholes: false,
  hasCellState: false,
  extraStates: [],
  gateActivations: ['sigmoid'],
  seedOffset: 6,
  blocks: 2,
  stateActivations: ['tanh'],
  layouts: {},
  create: (o) => ({ kind: 'mingru', inputSize: o.inputSize, hiddenSize: o.hiddenSize, z: emptyInputAffine(o.inputSize, o.hiddenSize), h: emptyInputAffine(o.inputSize, o.hiddenSize) }),
  weights: (p) => [...inputAffineTensors('z', p.z), ...inputAffineTensors('h', p.h)],
  step,
  backward,
  jacobian,
  jacobianKind: 'h',
  zeroGrads: (p) => ({ kind: 'mingru', z: zeroInputAffine(p.inputSize, p.hiddenSize), h: zeroInputAffine(p.inputSize, p.hiddenSize) }),
  paramArrays: (p) => mingru.weights(p).map((t) => ({ name: t.path, data: t.data })),
  gradArrays: (g) => [...inputAffineGradViews('z', g.z), ...inputAffineGradViews('h', g.h)],
  belt: () => null,
  // keep = 1 − z = σ(−z̃): the keep bias b sets z's bias to −b.
  setKeepBias: (p, b) => {
    for (let k = 0; k < p.hiddenSize; k++) p.z.b[k] = -b(k);
  },
  // As the LSTM's forget bias 1: keep σ(1) ≈ 0.73 of h_{t−1} at first.
  linearStep: (tr) => ({ a: tr.z.map((z) => 1 - z), b: tr.z.map((z, k) => z * tr.hTilde[k]!) }),
  // Chrono (its keep gate's own bias, setKeepBias) and the draw as it comes; not yet measured in the learnability curve.
  // Its one gate writes (z = 1 takes h̃), so its first start is the draw; chrono sets 1 − z open.
  starts: [defaultStart(), chronoStart((p, b) => mingru.setKeepBias(p, b))],
  startRemembering: (p) => {
    p.z.b.fill(-1);
  },
};
