/**
 * What the engine knows of one cell kind. Each kind is one module (rnn.ts, lstm.ts, gru.ts,
 * peephole.ts, coupled.ts; mingru.ts, minlstm.ts, slstm.ts, mlstm.ts) exporting one KindSpec;
 * index.ts registers them. Code outside src/engine/kinds asks the registry (kindOf) instead of
 * naming a kind, so a new kind is added by writing its module and registering it.
 */
import type { StepJacobian } from '../grad/jacobian-types';
import type { NamedArray, StepBackResult } from '../grad/types';
import type { Rng } from '../rng';
import type { AffineStep } from '../scan';
import type { Affine, CellState, Coupling, GateActivation, GruReset, SlstmForget, StepResult, Vec } from '../types';

/** What a part of the cell does, so figures, tables and the lab can treat parts alike. */
type PartRole =
  /** A gate that decides how much of the past to keep (forget f, update z). */
  | 'keep'
  /** A gate that decides how much of the candidate to write (input i). */
  | 'write'
  /** A gate that decides how much of the state to show (output o). */
  | 'read'
  /** A gate that decides how much of the past the candidate sees (reset r). */
  | 'reset'
  /** The candidate (C̃, n) or the new state before any gate (the RNN's tanh). */
  | 'candidate'
  /** A state carried to the next step (h, C). */
  | 'state';

export interface KindPart {
  /** The name of the vector in the step's trace (f, i, cTilde, o, c, z, r, n, h; fPrime, hTilde, C, …). */
  readonly name: string;
  readonly role: PartRole;
  /** How the figures and equations write it. */
  readonly tex: string;
  /**
   * What the trace holds under `name` when it is not one value per unit: 'scalar', one number
   * per step (mLSTM's gates i′, f′: one per head); 'matrix', a Matrix (mLSTM's memory C, d×d).
   */
  readonly shape?: 'scalar' | 'matrix';
}

/**
 * Which family a kind belongs to, for the pickers to group them: the classic cells (Elman 1990
 * to Cho et al. 2014) or today's recurrences (2024: minGRU, minLSTM, sLSTM, mLSTM).
 */
export type KindGroup = 'classic' | 'today';

/**
 * A state a kind carries besides h and C, stored in CellState.extra in the order the kind lists
 * them (extra.ts reads them by name). BPTT carries its gradient along with ∂L/∂h and ∂L/∂C.
 */
export interface ExtraState {
  /** Its name in the step's trace, where its new value is (n, m, C). */
  readonly name: string;
  /** 'units': one value per unit (H); 'matrix': H×H, row-major; 'scalar': one value. */
  readonly shape: 'units' | 'matrix' | 'scalar';
  /**
   * A stabiliser: the states beside it are the true ones times e^{-m}, so nothing the cell
   * outputs depends on it, and BPTT holds it fixed (the kind's module says why that is exact).
   * Its entry in ∂L/∂extra_{t-1} is the partial derivative with the later stabilisers fixed.
   */
  readonly stabiliser: boolean;
  /** Never negative in a state the cell makes from the zero state (sLSTM's normaliser n). */
  readonly nonNegative: boolean;
  readonly tex: string;
}

/** One of a kind's weight tensors: its live storage, its place in the model file, its shape. */
export interface WeightTensor {
  /**
   * Where the model file keeps it under cell.weights, dotted: 'f.W' is weights.f.W, 'p_i' is
   * weights.p_i. The conformance vectors name it `${last}_${first}` ('W_f', 'b_z'; the RNN's
   * single map without the suffix).
   */
  readonly path: string;
  /** [rows, cols] for a matrix, [n] for a vector, [] for one number. */
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** The function that makes a state from its pre-activation: tanh (bounded) or relu (h ≥ 0, unbounded). */
export type StateActivation = 'tanh' | 'relu';

/** Options a kind may read when its params are built (importers, init). */
export interface AssembleOptions {
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly gateActivation: GateActivation;
  readonly reset?: GruReset;
  readonly coupling?: Coupling;
  readonly peep?: { readonly i: Vec; readonly f: Vec; readonly o: Vec };
  /** The state's nonlinearity, for a kind that offers more than one (the RNN's tanh or relu); default tanh. */
  readonly activation?: StateActivation;
  /** The sLSTM's forget gate; default 'exp'. */
  readonly forget?: SlstmForget;
}

/** The belt of a kind with a cell state at one step: C_{t-1}, C_t and the gate that keeps it. */
interface BeltView {
  readonly cPrev: Vec;
  readonly c: Vec;
  readonly keep: Vec;
}

/**
 * How a cell starts (its initialisation), beyond the weights drawn U(±1/√H), PyTorch's default:
 * 'default' changes nothing; 'chrono' opens the gate that keeps the past, bias log u, u ~ U[1,
 * T_max − 1] (Tallec & Ollivier 2018); 'forget1' sets the forget-gate bias to 1 (Gers et al.
 * 2000, Jozefowicz et al. 2015); 'orthogonal' makes the recurrent matrix orthogonal (Saxe et al.
 * 2014); 'identity' makes it the identity, with zero biases and relu (the IRNN, Le et al. 2015).
 */
export type StartId = 'default' | 'chrono' | 'forget1' | 'orthogonal' | 'identity';

/** What a start may draw from: its own seeded stream, and chrono's longest time scale. */
export interface StartContext {
  readonly rng: Rng;
  readonly tMax: number;
}

/** One way a kind can start. */
export interface KindStart<P> {
  readonly id: StartId;
  /** The state's nonlinearity the start needs (the IRNN's relu); the kind's default when absent. */
  readonly activation?: StateActivation;
  /** Sets the start, in place, on freshly drawn params. */
  apply(p: P, ctx: StartContext): void;
}

/** The frameworks whose weight layouts the importers read and the exporters write. */
export type Framework = 'pytorch' | 'keras' | 'onnx';

/**
 * Where a framework stores this kind: the framework's own name of the layer, and the order of
 * the gate blocks in its stacked tensors (canonical gate names).
 */
export interface FrameworkLayout {
  readonly op: string;
  readonly order: readonly string[];
  /** The values of the kind's variant the framework can hold (PyTorch's GRU: reset 'after'); every value when absent. */
  readonly variants?: readonly string[];
  /** ONNX: the op's default activations list, the gate function first where it has gates. */
  readonly activations?: readonly string[];
}

/** The options that choose between a kind's conventions, and their values. */
export const VARIANT_VALUES = { reset: ['after', 'before'], coupling: ['i=1-f', 'f=1-i'], forget: ['exp', 'sigmoid'] } as const;
export type Variant = keyof typeof VARIANT_VALUES;

export interface KindSpec<P extends { readonly kind: string; readonly hiddenSize: number; readonly inputSize: number }, T, G> {
  readonly id: P['kind'];
  /** The family the pickers group it in. */
  readonly group: KindGroup;
  /** Its gates (in the order their weights are drawn), its candidate and its states. */
  readonly parts: readonly KindPart[];
  /** The step's equations in TeX, one line each, in the order they are computed. */
  readonly equations: readonly string[];
  /** Its named maps (gates, candidate, projections), in the order their weights are drawn and exported. */
  readonly gates: readonly string[];
  /** The option a file must name because frameworks or papers disagree on it (GRU reset, coupling, sLSTM forget gate), or null. */
  readonly variant: Variant | null;
  /** Whether its params carry diagonal peephole weights p_i, p_f, p_o (drawn after the gates). */
  readonly peepholes: boolean;
  /** Whether it carries a per-unit cell state C besides h (CellState.c; the belt). */
  readonly hasCellState: boolean;
  /** The states it carries besides h and C (CellState.extra), in their order; empty for the classic kinds. */
  readonly extraStates: readonly ExtraState[];
  /**
   * The gate functions its params may choose, the default first: sigmoid and hard sigmoid for
   * the classic gated kinds, ['sigmoid'] for kinds whose gates are fixed, none for the RNN.
   */
  readonly gateActivations: readonly GateActivation[];
  /** Added to a task's seeds so that every kind trains from its own streams. */
  readonly seedOffset: number;
  /**
   * Matrix-vector products over [h; x] per step (the stepCost). Kinds whose maps read x alone
   * count each as one, and mLSTM its memory's products too: an upper bound, which is what the
   * cost is used for (deciding when a sentence must run in slices).
   */
  readonly blocks: number;
  /**
   * The nonlinearities its params may choose for the state, the default first: ['tanh', 'relu']
   * for the RNN (params.activation), ['tanh'] for kinds whose tanh is fixed.
   */
  readonly stateActivations: readonly StateActivation[];
  /** Framework layouts it can be imported from and exported to; none for today's kinds (no framework has their layers). */
  readonly layouts: Readonly<Partial<Record<Framework, FrameworkLayout>>>;

  /** Params of the given sizes and options with every weight 0 (init.ts and the model file fill them through `weights`). */
  create(o: AssembleOptions): P;
  /** Every weight tensor, live, in the order of paramArrays (and of the draws of init.ts). */
  weights(p: P): WeightTensor[];
  /**
   * The params from per-gate affine maps over [x, h], as the framework importers read them; only
   * kinds with framework layouts have it.
   */
  assemble?(o: AssembleOptions, gate: (name: string) => Affine): P;
  /** The canonical affine map named `gate` (one of `gates`), for the framework exporters; as `assemble`. */
  affine?(p: P, gate: string): Affine;
  step(p: P, s: CellState, x: Vec): StepResult<T>;
  /**
   * BPTT's step back; adds this step's weight gradients into `g`. `dextra` is ∂L/∂extra_t for
   * kinds with further states (null otherwise); the result's dextraPrev is ∂L/∂extra_{t-1}.
   */
  backward(p: P, tr: T, dh: Vec, dc: Vec | null, g: G, dextra: Vec | null): StepBackResult;
  jacobian(p: P, tr: T): StepJacobian;
  /** The shape its jacobian returns (jacobian-types.ts), known before any step: 'h', 'hc', 'hcn' or 'memory'. */
  readonly jacobianKind: StepJacobian['kind'];
  zeroGrads(p: P): G;
  /** Params as flat named arrays (live storage), in the same order as gradArrays. */
  paramArrays(p: P): NamedArray[];
  gradArrays(g: G): NamedArray[];
  /** The belt at one step, or null for kinds without a per-unit cell state. */
  belt(tr: T): BeltView | null;
  /**
   * Sets the bias of the gate that keeps the past so the cell starts by remembering: `b(k)` is
   * called once per unit, in order (chrono init, the lab's keep bias). Kinds without one ignore it.
   */
  setKeepBias(p: P, b: (unit: number) => number): void;
  /** The bias trained models start from (the LSTM family's forget bias 1); a no-op elsewhere. */
  startRemembering(p: P): void;
  /**
   * The starts the learnability curve measures for this kind, the one it measured first (the
   * shipped curve's) first: chrono for a kind with a keep gate, the default draw for the RNN.
   */
  readonly starts: readonly KindStart<P>[];
  /**
   * For a kind whose gates read x_t alone, its step as the affine map h_t = a ⊙ h_{t−1} + b
   * (what the parallel scan combines, scan.ts); absent for kinds whose gates read h_{t−1}.
   */
  linearStep?(tr: T): AffineStep;
}
