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
import { type AffineGrads, affineGradViews, affineViews, zeroAffine } from '../grad/types';
import { gruBackward } from './gru-backward';
import { gruJacobian } from './gru-jacobian';
import { gruStep } from './gru-step';
import type { GruGrads, GruParams, GruTrace } from './gru-types';
import type { KindSpec } from './spec';
import { chronoStart, defaultStart } from './starts';

// h = (1 − z) n + z h_prev: z near 1 keeps.
const setKeepBias = (p: GruParams, b: (unit: number) => number) => {
  for (let k = 0; k < p.hiddenSize; k++) p.gates.z.bW[k] = b(k);
};
import { affineTensors, emptyAffine } from './tensors';

const GATES = ['z', 'r', 'n'] as const;

const assemble: NonNullable<KindSpec<GruParams, GruTrace, GruGrads>['assemble']> = (o, gate) => ({
  kind: 'gru',
  inputSize: o.inputSize,
  hiddenSize: o.hiddenSize,
  gateActivation: o.gateActivation,
  reset: o.reset ?? 'after',
  gates: { z: gate('z'), r: gate('r'), n: gate('n') },
});

export const gru: KindSpec<GruParams, GruTrace, GruGrads> = {
  id: 'gru',
  group: 'classic',
  parts: [
    { name: 'z', role: 'keep', tex: 'z_t' },
    { name: 'r', role: 'reset', tex: 'r_t' },
    { name: 'n', role: 'candidate', tex: 'n_t' },
    { name: 'h', role: 'state', tex: 'h_t' },
  ],
  equations: [
    'z_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)',
    'r_t = \\sigma(W_r x_t + U_r h_{t-1} + b_r)',
    'n_t = \\tanh(W_n x_t + b_{Wn} + r_t \\odot (U_n h_{t-1} + b_{Un}))',
    'h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1}',
  ],
  gates: GATES,
  hasCellState: false,
  extraStates: [],
  gateActivations: ['sigmoid', 'hardSigmoid'],
  variant: 'reset',
  peepholes: false,
  seedOffset: 3,
  blocks: 3,
  stateActivations: ['tanh'],
  layouts: {
    // PyTorch's GRU is always reset-after; Keras has reset_after, ONNX linear_before_reset.
    pytorch: { op: 'GRU', order: ['r', 'z', 'n'], variants: ['after'] },
    keras: { op: 'GRU', order: ['z', 'r', 'n'] },
    onnx: { op: 'GRU', order: ['z', 'r', 'n'], activations: ['Sigmoid', 'Tanh'] },
  },
  affine: (p, g) => p.gates[g as (typeof GATES)[number]],
  create: (o) => assemble(o, () => emptyAffine(o.inputSize, o.hiddenSize)),
  weights: (p) => GATES.flatMap((g) => affineTensors(g, p.gates[g])),
  assemble,
  step: gruStep,
  backward: (p, tr, dh, _dc, g) => gruBackward(p, tr, dh, g),
  jacobian: gruJacobian,
  jacobianKind: 'h',
  zeroGrads: (p) => {
    const z = (): AffineGrads => zeroAffine(p.inputSize, p.hiddenSize);
    return { kind: 'gru', gates: { z: z(), r: z(), n: z() } };
  },
  paramArrays: (p) => GATES.flatMap((g) => affineViews(g, p.gates[g])),
  gradArrays: (g) => GATES.flatMap((k) => affineGradViews(k, g.gates[k])),
  belt: () => null,
  setKeepBias,
  startRemembering: () => {},
  // Chrono (the shipped curve's), and PyTorch's default biases.
  starts: [chronoStart(setKeepBias), defaultStart()],
};
