/**
 * The engine's shared vocabulary: vectors, matrices, the canonical per-gate affine map, the
 * state carried between steps. What is particular to a cell kind lives in its module (kinds/).
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

/**
 * The sLSTM's forget gate (Beck et al. 2024 allow both):
 * 'exp':     f_t = exp(f~_t), log f_t = f~_t         (the paper's exponential gate)
 * 'sigmoid': f_t = σ(f~_t),   log f_t = logσ(f~_t)   (what the official xLSTM kernels compute)
 */
export type SlstmForget = 'exp' | 'sigmoid';

/** An affine map of x_t alone, W x + b: the gates of the cells that read only the input (minGRU, minLSTM, mLSTM). */
export interface InputAffine {
  readonly W: Matrix;
  readonly b: Vec;
}

/** What every kind's params share; each kind's module (kinds/) adds its weights and its `kind`. */
export interface ParamsBase {
  readonly inputSize: number;
  readonly hiddenSize: number;
}

/**
 * What a cell carries from one step to the next. `c` is null for cells without a per-unit cell
 * state. `extra` holds the further states a kind carries, in the layout its module gives (the
 * kind's `extraStates` names the parts, kinds/extra.ts reads them): sLSTM's normaliser n and
 * stabiliser m, mLSTM's matrix memory C, n and m. Absent for the classic kinds, whose state is
 * (h, C). For mLSTM, h is the step's output and is not read back: its memory is all in `extra`.
 */
export interface CellState {
  readonly h: Vec;
  readonly c: Vec | null;
  readonly extra?: Vec;
}

/**
 * Traces (each kind's module defines its own; kinds/index.ts unites them) are values: the engine never writes to a vector after returning it. To keep stepping
 * cheap, x, hPrev and cPrev are the very arrays that were passed in (the input, and the previous
 * state's h and C), not copies; callers must treat every vector as read-only, as the store does.
 */
export interface StepResult<T> {
  readonly state: CellState;
  readonly trace: T;
}
