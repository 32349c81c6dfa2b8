/**
 * What the three LSTM kinds share (lstm.ts, peephole.ts, coupled.ts): one forward step with
 * variants, one backward step, one Jacobian, the same gates and the same belt.
 */
import { type AffineGrads, affineGradViews, affineViews, zeroAffine, type NamedArray } from '../grad/types';
import type { Vec } from '../types';
import { lstmBackward } from './lstm-backward';
import { lstmJacobian } from './lstm-jacobian';
import type { LstmFamilyGrads, LstmFamilyParams, LstmGate, LstmTrace } from './lstm-types';
import type { KindPart, KindSpec, KindStart, WeightTensor } from './spec';
import { chronoStart, defaultStart } from './starts';
import { affineTensors, emptyAffine, vecTensor } from './tensors';

const LSTM_GATES: readonly LstmGate[] = ['i', 'f', 'g', 'o'];

export const LSTM_PARTS: readonly KindPart[] = [
  { name: 'f', role: 'keep', tex: 'f_t' },
  { name: 'i', role: 'write', tex: 'i_t' },
  { name: 'cTilde', role: 'candidate', tex: '\\tilde{C}_t' },
  { name: 'o', role: 'read', tex: 'o_t' },
  { name: 'c', role: 'state', tex: 'C_t' },
  { name: 'h', role: 'state', tex: 'h_t' },
];

const peepViews = (p: Readonly<{ i: Vec; f: Vec; o: Vec }>): NamedArray[] => [
  { name: 'peep.i', data: p.i },
  { name: 'peep.f', data: p.f },
  { name: 'peep.o', data: p.o },
];

type Shared<P extends LstmFamilyParams> = Pick<
  KindSpec<P, LstmTrace, LstmFamilyGrads>,
  | 'group'
  | 'gates'
  | 'hasCellState'
  | 'extraStates'
  | 'gateActivations'
  | 'blocks'
  | 'stateActivations'
  | 'weights'
  | 'affine'
  | 'backward'
  | 'jacobian'
  | 'jacobianKind'
  | 'zeroGrads'
  | 'paramArrays'
  | 'gradArrays'
  | 'belt'
  | 'setKeepBias'
  | 'startRemembering'
  | 'starts'
>;

/** Every weight at 0, for `create`: the gates' affine maps and, for the peephole cell, its p. */
export function emptyLstmWeights(I: number, H: number): { gate: () => ReturnType<typeof emptyAffine>; peep: { i: Vec; f: Vec; o: Vec } } {
  return { gate: () => emptyAffine(I, H), peep: { i: new Float64Array(H), f: new Float64Array(H), o: new Float64Array(H) } };
}

const peepTensors = (p: Readonly<{ i: Vec; f: Vec; o: Vec }>): WeightTensor[] => [vecTensor('p_i', p.i), vecTensor('p_f', p.f), vecTensor('p_o', p.o)];

/** The members every LSTM kind shares; `blocks` is 3 for a coupled cell (its derived gate is not computed). */
export function lstmShared<P extends LstmFamilyParams>(blocks: number): Shared<P> {
  const setKeepBias = (p: P, b: (unit: number) => number) => {
    const coupling = 'coupling' in p ? p.coupling : null;
    for (let k = 0; k < p.hiddenSize; k++) {
      const v = b(k);
      if (coupling === 'f=1-i') p.gates.i.bW[k] = -v;
      else {
        p.gates.f.bW[k] = v;
        if (coupling === null) p.gates.i.bW[k] = -v;
      }
    }
  };
  // Forget-gate bias 1 (Jozefowicz et al. 2015): start by remembering, so long-range gradients
  // survive the first updates.
  const startRemembering = (p: P) => {
    p.gates.f.bW.fill(1);
  };
  // Chrono (the shipped curve's); PyTorch's default biases, no forget-gate trick; forget bias 1.
  const starts: readonly KindStart<P>[] = [chronoStart(setKeepBias), defaultStart(), { id: 'forget1', apply: startRemembering }];
  return {
    group: 'classic',
    gates: LSTM_GATES,
    hasCellState: true,
    extraStates: [],
    gateActivations: ['sigmoid', 'hardSigmoid'],
    blocks,
    stateActivations: ['tanh'],
    weights: (p) => {
      const gates = LSTM_GATES.flatMap((g) => affineTensors(g, p.gates[g]));
      return 'peep' in p ? [...gates, ...peepTensors(p.peep)] : gates;
    },
    affine: (p, g) => p.gates[g as LstmGate],
    backward: lstmBackward,
    jacobian: lstmJacobian,
    jacobianKind: 'hc',
    zeroGrads: (p) => {
      const z = (): AffineGrads => zeroAffine(p.inputSize, p.hiddenSize);
      const H = p.hiddenSize;
      const dpeep = 'peep' in p ? { i: new Float64Array(H), f: new Float64Array(H), o: new Float64Array(H) } : null;
      return { kind: p.kind, gates: { i: z(), f: z(), g: z(), o: z() }, dpeep };
    },
    paramArrays: (p) => {
      const gates = LSTM_GATES.flatMap((g) => affineViews(g, p.gates[g]));
      return 'peep' in p ? [...gates, ...peepViews(p.peep)] : gates;
    },
    gradArrays: (g) => {
      const gates = LSTM_GATES.flatMap((k) => affineGradViews(k, g.gates[k]));
      return g.dpeep ? [...gates, ...peepViews(g.dpeep)] : gates;
    },
    belt: (tr) => ({ cPrev: tr.cPrev, c: tr.c, keep: tr.f }),
    // Chrono init: the forget gate at b, the input gate at −b where it is free; a coupled cell
    // that computes i (f = 1 − i) keeps by a low i.
    setKeepBias,
    startRemembering,
    starts,
  };
}
