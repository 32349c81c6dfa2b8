/**
 * What each `cell` name of the vector files means for the engine, and which importer options
 * it implies. The README's table is the source: e.g. lstm-coupled is ONNX input_forget=1, f = 1 - i.
 */
import type { CellKind, CellParams, Coupling, GateActivation, GruReset } from '../src/engine';
import type { CanonicalOptions, KerasOptions, OnnxOptions } from '../src/engine/importers';

export interface CellSpec {
  readonly kind: CellKind;
  /** The framework operator (PyTorch/Keras/ONNX layer) the native blocks belong to. */
  readonly op: 'rnn' | 'lstm' | 'gru';
  readonly gateActivation: GateActivation;
  readonly reset?: GruReset;
  readonly coupling?: Coupling;
  readonly hasC: boolean;
  readonly gates: readonly string[];
  readonly pre: readonly string[];
  readonly canonical: CanonicalOptions;
  readonly keras: KerasOptions;
  readonly onnx: OnnxOptions;
  readonly describe: string;
}

const LSTM = ['i', 'f', 'g', 'o'] as const;
const GRU = ['z', 'r', 'n'] as const;

function lstmSpec(kind: 'lstm' | 'peephole' | 'coupled', gateActivation: GateActivation, onnx: OnnxOptions): CellSpec {
  const coupling = kind === 'coupled' ? ({ coupling: 'f=1-i' } as const) : {};
  return {
    kind,
    op: 'lstm',
    gateActivation,
    ...coupling,
    hasC: true,
    gates: LSTM,
    pre: LSTM,
    canonical: { gateActivation, ...coupling },
    keras: { gateActivation },
    onnx,
    describe: `${kind} ${gateActivation}${kind === 'coupled' ? ' f=1-i' : ''}`,
  };
}

function gruSpec(reset: GruReset): CellSpec {
  return {
    kind: 'gru',
    op: 'gru',
    gateActivation: 'sigmoid',
    reset,
    hasC: false,
    gates: GRU,
    pre: GRU,
    canonical: { reset },
    keras: { reset_after: reset === 'after' },
    onnx: { linear_before_reset: reset === 'after' ? 1 : 0 },
    describe: `gru sigmoid reset=${reset}`,
  };
}

export const CELLS: Readonly<Record<string, CellSpec>> = {
  'rnn-tanh': {
    kind: 'rnn',
    op: 'rnn',
    gateActivation: 'sigmoid',
    hasC: false,
    gates: [],
    pre: ['a'],
    canonical: {},
    keras: {},
    onnx: {},
    describe: 'rnn',
  },
  lstm: lstmSpec('lstm', 'sigmoid', {}),
  'lstm-hardsigmoid': lstmSpec('lstm', 'hardSigmoid', {
    activations: ['HardSigmoid', 'Tanh', 'Tanh'],
    activation_alpha: [0.2],
    activation_beta: [0.5],
  }),
  'lstm-peephole': lstmSpec('peephole', 'sigmoid', {}),
  'lstm-coupled': lstmSpec('coupled', 'sigmoid', { input_forget: 1 }),
  'gru-reset-before': gruSpec('before'),
  'gru-reset-after': gruSpec('after'),
};

/** True when imported params are the cell the file describes, at the file's dims. */
export function sameConfig(p: CellParams, spec: CellSpec, dims: Record<string, unknown>): boolean {
  if (p.kind !== spec.kind) return false;
  if (p.inputSize !== dims.inputSize || p.hiddenSize !== dims.hiddenSize) return false;
  if (p.kind === 'rnn') return true;
  if (p.gateActivation !== spec.gateActivation) return false;
  if (p.kind === 'gru') return p.reset === spec.reset;
  if (p.kind === 'coupled') return p.coupling === spec.coupling;
  return true;
}
