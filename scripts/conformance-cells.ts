/**
 * What each `cell` name of the vector files means for the engine, and which importer options
 * it implies. The READMEs' tables are the source: e.g. lstm-coupled is ONNX input_forget=1,
 * f = 1 - i (../shared/conformance); slstm-sigmoid-forget is the sLSTM with σ as its forget gate
 * (../shared/conformance-modern).
 */
import { type CellKind, type CellParams, type Coupling, type GateActivation, type GruReset, kindOf, type SlstmForget } from '../src/engine';
import type { CanonicalOptions, KerasOptions, OnnxOptions } from '../src/engine/importers';

export interface CellSpec {
  readonly kind: CellKind;
  /** The framework operator (PyTorch/Keras/ONNX layer) the native blocks belong to; null for today's cells, which have none. */
  readonly op: 'rnn' | 'lstm' | 'gru' | null;
  readonly gateActivation: GateActivation;
  readonly reset?: GruReset;
  readonly coupling?: Coupling;
  readonly forget?: SlstmForget;
  readonly hasC: boolean;
  readonly gates: readonly string[];
  readonly pre: readonly string[];
  /** Per-step entries of `expected` besides h (and c): mLSTM's htilde, C, n, m, denominator; sLSTM's n, m. */
  readonly states: readonly string[];
  /** mLSTM's `expected.projections` (q, k, v). */
  readonly projections: readonly string[];
  readonly canonical: CanonicalOptions;
  readonly keras: KerasOptions;
  readonly onnx: OnnxOptions;
  readonly describe: string;
}

/** A key of the files' gates and states → the trace's field, where the names differ (the LSTM's gate g is its candidate C̃). */
export const TRACE_FIELD: Readonly<Record<string, string>> = { g: 'cTilde', htilde: 'hTilde' };
/** A key of the files' pre-activations → the trace's `pre` field, where the names differ. */
export const PRE_FIELD: Readonly<Record<string, string>> = { htilde: 'hTilde' };

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
    states: [],
    projections: [],
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
    states: [],
    projections: [],
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
    states: [],
    projections: [],
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
  mingru: today('mingru', { gates: ['z', 'htilde'], pre: ['z', 'htilde'] }),
  minlstm: today('minlstm', { gates: ['f', 'i', 'fPrime', 'iPrime', 'htilde'], pre: ['f', 'i', 'htilde'] }),
  slstm: slstmSpec('exp'),
  'slstm-sigmoid-forget': slstmSpec('sigmoid'),
  mlstm: today('mlstm', { gates: ['iPrime', 'fPrime', 'o'], pre: ['i', 'f', 'o'], states: ['htilde', 'C', 'n', 'm', 'denominator'], projections: ['q', 'k', 'v'] }),
};

function slstmSpec(forget: SlstmForget): CellSpec {
  return today('slstm', { forget, hasC: true, gates: ['iPrime', 'fPrime', 'z', 'o'], pre: ['i', 'f', 'z', 'o'], states: ['n', 'm'] });
}

/** Today's cells (../shared/conformance-modern): canonical weights only, fixed sigmoid (and exponential) gates. */
function today(kind: CellKind, o: Partial<CellSpec> & Pick<CellSpec, 'gates' | 'pre'>): CellSpec {
  return {
    kind,
    op: null,
    gateActivation: 'sigmoid',
    hasC: false,
    states: [],
    projections: [],
    canonical: { ...(o.forget ? { forget: o.forget } : {}) },
    keras: {},
    onnx: {},
    describe: `${kind}${o.forget ? ` forget=${o.forget}` : ''}`,
    ...o,
  };
}

/** True when imported params are the cell the file describes, at the file's dims. */
export function sameConfig(p: CellParams, spec: CellSpec, dims: Record<string, unknown>): boolean {
  if (p.kind !== spec.kind) return false;
  if (p.inputSize !== dims.inputSize || p.hiddenSize !== dims.hiddenSize) return false;
  if ('gateActivation' in p && p.gateActivation !== spec.gateActivation) return false;
  const v = kindOf(p.kind).variant;
  return !v || (p as unknown as Record<string, string>)[v] === spec[v];
}
