/**
 * What the engine knows of one cell kind. Each kind is one module (rnn.ts, lstm.ts, gru.ts,
 * peephole.ts, coupled.ts) exporting one KindSpec; index.ts registers them. Code outside
 * src/engine/kinds asks the registry (kindOf) instead of naming a kind, so a new kind is
 * added by writing its module and registering it.
 */
import type { HJacobian, HcJacobian } from '../grad/jacobian-types';
import type { NamedArray, StepBackResult } from '../grad/types';
import type { Rng } from '../rng';
import type { Affine, CellState, Coupling, GateActivation, GruReset, StepResult, Vec } from '../types';

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
  /** The name of the vector in the step's trace (f, i, cTilde, o, c, z, r, n, h). */
  readonly name: string;
  readonly role: PartRole;
  /** How the figures and equations write it. */
  readonly tex: string;
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
export const VARIANT_VALUES = { reset: ['after', 'before'], coupling: ['i=1-f', 'f=1-i'] } as const;
export type Variant = keyof typeof VARIANT_VALUES;

export interface KindSpec<P extends { readonly kind: string; readonly hiddenSize: number; readonly inputSize: number }, T, G> {
  readonly id: P['kind'];
  /** Its gates (in the order their weights are drawn), its candidate and its states. */
  readonly parts: readonly KindPart[];
  /** The step's equations in TeX, one line each, in the order they are computed. */
  readonly equations: readonly string[];
  /** The canonical affine maps, in the order their weights are drawn (init.ts) and exported. */
  readonly gates: readonly string[];
  /** The option a file must name because frameworks disagree on it (GRU reset, coupling), or null. */
  readonly variant: Variant | null;
  /** Whether its params carry diagonal peephole weights p_i, p_f, p_o (drawn after the gates). */
  readonly peepholes: boolean;
  /** Whether it carries a cell state C besides h. */
  readonly hasCellState: boolean;
  /** Added to a task's seeds so that every kind trains from its own streams. */
  readonly seedOffset: number;
  /** Matrix-vector products over [h; x] per step (the stepCost). */
  readonly blocks: number;
  /**
   * The nonlinearities its params may choose for the state, the default first: ['tanh', 'relu']
   * for the RNN (params.activation), ['tanh'] for kinds whose tanh is fixed.
   */
  readonly stateActivations: readonly StateActivation[];
  /** Framework layouts it can be imported from and exported to. */
  readonly layouts: Readonly<Partial<Record<Framework, FrameworkLayout>>>;

  assemble(o: AssembleOptions, gate: (name: string) => Affine): P;
  /** The canonical affine map named `gate` (one of `gates`): what assemble was given for it. */
  affine(p: P, gate: string): Affine;
  step(p: P, s: CellState, x: Vec): StepResult<T>;
  /** BPTT's step back; adds this step's weight gradients into `g`. */
  backward(p: P, tr: T, dh: Vec, dc: Vec | null, g: G): StepBackResult;
  jacobian(p: P, tr: T): HJacobian | HcJacobian;
  zeroGrads(p: P): G;
  /** Params as flat named arrays (live storage), in the same order as gradArrays. */
  paramArrays(p: P): NamedArray[];
  gradArrays(g: G): NamedArray[];
  /** The belt at one step, or null for kinds without a cell state. */
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
}
