/**
 * The engine's shared vocabulary: vectors, matrices, the canonical per-gate weights of
 * every cell kind, the state carried between steps, and the trace of one step.
 *
 * Canonical layout (the one every importer converts into): for each gate g,
 *   W_g [hidden][input], U_g [hidden][hidden], bW_g [hidden] (input-side bias),
 *   bU_g [hidden] (recurrent-side bias), so  pre_g = W_g x + bW_g + U_g h + bU_g.
 * Two biases are kept (not just their sum) because the reset-after GRU multiplies bU_n by r.
 */

/** A vector of units. Float64 so that results match float64 references to ~1e-15. */
export type Vec = Float64Array;

/** A dense row-major matrix: element (r, c) is data[r * cols + c]. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** One affine map from [x, h] to a gate's pre-activation. */
export interface Affine {
  readonly W: Matrix;
  readonly U: Matrix;
  readonly bW: Vec;
  readonly bU: Vec;
}

export const CELL_KINDS = ['rnn', 'lstm', 'gru', 'peephole', 'coupled'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

export type LstmGate = 'i' | 'f' | 'g' | 'o';
export type GruGate = 'z' | 'r' | 'n';

/** sigmoid(x) = 1/(1+e^-x); hardSigmoid(x) = clip(0.2x + 0.5, 0, 1) (tfjs, ONNX alpha=0.2 beta=0.5). */
export type GateActivation = 'sigmoid' | 'hardSigmoid';

/**
 * Where the GRU's reset gate acts.
 * 'after':  n = tanh(W_n x + bW_n + r * (U_n h + bU_n))   PyTorch, Keras reset_after=True, ONNX lbr=1.
 * 'before': n = tanh(W_n x + bW_n + U_n (r * h) + bU_n)   Cho et al. 2014, tfjs, ONNX default.
 */
export type GruReset = 'after' | 'before';

/**
 * Which gate of a coupled LSTM is computed and which is derived.
 * 'i=1-f': the forget gate is a layer, the input writes what it forgets (colah 2015's figure).
 * 'f=1-i': the input gate is a layer, the forget gate is its complement (Greff et al.'s CIFG,
 *          ONNX input_forget=1, onnxruntime).
 */
export type Coupling = 'i=1-f' | 'f=1-i';

interface ParamsBase {
  readonly inputSize: number;
  readonly hiddenSize: number;
}

export interface RnnParams extends ParamsBase {
  readonly kind: 'rnn';
  readonly a: Affine;
}

interface LstmFamilyBase extends ParamsBase {
  readonly gates: Readonly<Record<LstmGate, Affine>>;
  readonly gateActivation: GateActivation;
}

export interface LstmParams extends LstmFamilyBase {
  readonly kind: 'lstm';
}

/** Peephole weights are diagonal (one per unit), as in Gers & Schmidhuber and ONNX's P. */
export interface PeepholeParams extends LstmFamilyBase {
  readonly kind: 'peephole';
  readonly peep: Readonly<{ i: Vec; f: Vec; o: Vec }>;
}

export interface CoupledParams extends LstmFamilyBase {
  readonly kind: 'coupled';
  readonly coupling: Coupling;
}

export interface GruParams extends ParamsBase {
  readonly kind: 'gru';
  readonly gates: Readonly<Record<GruGate, Affine>>;
  readonly gateActivation: GateActivation;
  readonly reset: GruReset;
}

export type CellParams = RnnParams | LstmParams | PeepholeParams | CoupledParams | GruParams;
export type LstmFamilyParams = LstmParams | PeepholeParams | CoupledParams;

/** What a cell carries from one step to the next. `c` is null for cells without a cell state. */
export interface CellState {
  readonly h: Vec;
  readonly c: Vec | null;
}

export interface RnnTrace {
  readonly kind: 'rnn';
  readonly x: Vec;
  readonly hPrev: Vec;
  /** a = W x + bW + U h_{t-1} + bU */
  readonly pre: { readonly a: Vec };
  readonly h: Vec;
}

/** One trace shape for the three LSTM kinds; what a kind lacks is null. */
export interface LstmTrace {
  readonly kind: 'lstm' | 'peephole' | 'coupled';
  readonly x: Vec;
  readonly hPrev: Vec;
  readonly cPrev: Vec;
  /** Pre-activations (peephole terms included). A coupled cell's derived gate has none: null. */
  readonly pre: { readonly i: Vec | null; readonly f: Vec | null; readonly g: Vec; readonly o: Vec };
  readonly f: Vec;
  readonly i: Vec;
  /** The candidate C̃_t = tanh(pre.g) (PyTorch calls it g, Keras c). */
  readonly cTilde: Vec;
  readonly c: Vec;
  readonly o: Vec;
  /** tanh(C_t), which the output gate scales into h. */
  readonly tanhC: Vec;
  readonly h: Vec;
}

export interface GruTrace {
  readonly kind: 'gru';
  readonly x: Vec;
  readonly hPrev: Vec;
  readonly pre: { readonly z: Vec; readonly r: Vec; readonly n: Vec };
  readonly z: Vec;
  readonly r: Vec;
  readonly n: Vec;
  readonly h: Vec;
}

/**
 * Traces are values: the engine never writes to a vector after returning it. To keep stepping
 * cheap, x, hPrev and cPrev are the very arrays that were passed in (the input, and the previous
 * state's h and C), not copies; callers must treat every vector as read-only, as the store does.
 */
export type StepTrace = RnnTrace | LstmTrace | GruTrace;

export interface StepResult<T extends StepTrace = StepTrace> {
  readonly state: CellState;
  readonly trace: T;
}
