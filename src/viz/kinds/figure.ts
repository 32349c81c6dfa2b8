/**
 * What the figures know of one cell kind: its diagram's geometry, the rows of its values table
 * and the vectors its diagram draws. One module per kind (rnn.ts, gru.ts, lstm.ts for the
 * three LSTM kinds), registered in index.ts; the views ask figureOf(kind).
 */
import type { CellParams, StepTrace, Vec } from '../../engine';
import type { MessageKey } from '../../i18n';
import type { LayoutOptions } from '../cellLayoutBuilder';
import type { CellLayout, DiagramVector } from '../layoutTypes';

export type Curve = 'sigmoid' | 'hardSigmoid' | 'tanh' | 'relu';

export interface NodeEquation {
  /** e.g. "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)". */
  readonly symbolic: string;
  /** The right-hand side for unit k with numbers, e.g. "σ(1.230) = 0.774". */
  readonly plugged: (k: number) => string;
  /** Extra lines for unit k (the peephole term, the parts of a sum). */
  readonly detail: (k: number) => string[];
  /** For a layer: its activation and pre-activations, to draw the curve. */
  readonly curve: Curve | null;
  readonly pre: Float64Array | null;
  readonly out: Float64Array;
  readonly vector: DiagramVector;
}

/** What nodeEquation (viz/equations.ts) hands a figure to write its nodes' equations with. */
interface EquationKit {
  /** The gate activation of these params, and how the equations write it (σ or hardσ). */
  readonly sig: Curve;
  readonly sigma: string;
  /** A layer's node: its activation applied to `pre`, giving `vector`. */
  layer(vector: DiagramVector, curve: Curve, symbolic: string, pre: Float64Array, detail?: (k: number) => string[]): NodeEquation;
  /** A pointwise node giving `vector`, with the numbers `plugged` writes for unit k. */
  op(vector: DiagramVector, symbolic: string, plugged: (k: number) => string, detail?: (k: number) => string[]): NodeEquation;
  /** "a_k × b_k" with the numbers of two drawn vectors. */
  mul(a: DiagramVector, b: DiagramVector): (k: number) => string;
  val(d: DiagramVector): Vec;
  /** How the equations write a number. */
  f(x: number): string;
}

/**
 * What a vector's values can be, which picks its scale: a gate's [0, 1], tanh's [−1, 1], a
 * pre-activation's or C_t's unbounded values (drawn on ±2), and a relu state's [0, ∞)
 * ('rectified'), drawn on a scale that compresses instead of clipping, since its values past 1
 * are the point of showing it.
 */
export type VectorRange = 'gate' | 'signed' | 'unbounded' | 'rectified';

/** The range of a step's h (and so of the h it reads): tanh's, or relu's unbounded one. */
export const stateRange = (tr: StepTrace): VectorRange => ('activation' in tr && tr.activation === 'relu' ? 'rectified' : 'signed');

/** One row of the stabiliser panel: what it is, and its value per unit shown (text: some overflow a double). */
interface StabiliserRow {
  readonly symbol: string;
  readonly label: MessageKey;
  readonly values: readonly string[];
  /** Per unit: the value could not be held by a double, and is written as a power of e. */
  readonly overflow?: readonly boolean[];
}

/**
 * The memory panel of a kind whose memory is a matrix (mLSTM): the blocks of C for the units
 * shown (rows: value index, columns: key index), how the step chose its stabiliser, and how the
 * memory is read. Every number is the trace's; the blocks are the units × units corner of C.
 */
export interface MemoryView {
  readonly units: readonly number[];
  /** [row][column] over units × units: C_{t−1}, the written pair v kᵀ, and C_t = f′ C_{t−1} + i′ v kᵀ. */
  readonly cPrev: readonly (readonly number[])[];
  readonly outer: readonly (readonly number[])[];
  readonly c: readonly (readonly number[])[];
  /** The stabiliser's two sides, log σ(f̃_t) + m_{t−1} and ĩ_t, the larger of which is m_t. */
  readonly forgetSide: number;
  readonly inputSide: number;
  readonly m: number;
  readonly fPrime: number;
  readonly iPrime: number;
  /** Per unit shown. */
  readonly k: readonly number[];
  readonly nPrev: readonly number[];
  readonly n: readonly number[];
  readonly q: readonly number[];
  /** The denominator's two sides, |n_tᵀ q_t| (over every unit) and e^{−m_t}, and the larger. */
  readonly nq: number;
  readonly floor: number;
  readonly denominator: number;
  /** Per unit shown: C_t q_t, C_t q_t / d_t, o_t and h_t. */
  readonly read: readonly number[];
  readonly hTilde: readonly number[];
  readonly o: readonly number[];
  readonly h: readonly number[];
}

/** One row of the values table: a vector of the trace. */
export interface TraceVector {
  /** Stable id, also the trace's field name (pre-activations: "pre.f"). */
  readonly id: string;
  readonly label: MessageKey;
  /** Fills {g} in label for pre-activations. */
  readonly gate?: string;
  readonly symbol: string;
  readonly range: VectorRange;
  readonly values: Vec;
}

/** A vector the diagram draws. */
export interface ShownVector {
  readonly values: Vec;
  readonly range: VectorRange;
  readonly label: MessageKey;
  /**
   * Values far outside the usual few units (the sLSTM's gates without its stabiliser): written
   * in exponent form past 10⁶ and as ∞ where a double overflows (formatCompact), never as a raw
   * "Infinity".
   */
  readonly wide?: boolean;
}

export const row = (id: string, label: MessageKey, symbol: string, range: VectorRange, values: Vec, gate?: string): TraceVector =>
  gate === undefined ? { id, label, symbol, range, values } : { id, label, symbol, range, values, gate };

export const shown = (values: Vec, range: VectorRange, label: MessageKey, wide = false): ShownVector => (wide ? { values, range, label, wide } : { values, range, label });

export const times = (a: Vec, b: Vec): Vec => a.map((v, k) => v * b[k]!);

export interface FigureSpec<T extends { readonly x: Vec; readonly hPrev: Vec; readonly h: Vec }> {
  readonly id: string;
  layout(o: LayoutOptions): CellLayout;
  /** The rows (ids of `rows`) that get a heatmap, in reading order: the state(s) first, then gates and candidate. */
  readonly heatmaps: readonly string[];
  /** The values table's rows, in the order the cell computes them. */
  rows(tr: T): TraceVector[];
  /** The vectors the diagram draws beyond x, h_{t−1} and h_t. */
  shown(tr: T, params: CellParams): Partial<Record<DiagramVector, ShownVector>>;
  /**
   * Units a slide (embed) draws with numbers, where the figure's belts need more height than the
   * others' (the sLSTM's n and m): fewer, so that every number on a 960 × 540 slide stays 10 px.
   */
  readonly slideRows?: number;
  /** The animation stage of h_t: the belt update (2) for the GRU, whose belt is h; else the output (3). */
  readonly hStage: number;
  /** H³ products per step of the gradient flow (influence.ts). */
  readonly flowPer: number;
  /** The caption under the diagram: these messages, joined by a space (none in Chinese). */
  note(params: CellParams): readonly MessageKey[];
  /** The caption's class: the GRU's is set apart, since its belt is h and not the C the other notes describe. */
  readonly noteClass: string;
  /** What the belt's bars add up to (TeX), for the kinds whose layout draws them. */
  readonly beltResult: string;
  /** The note on this kind's conventions (where frameworks differ) after the general one, or null. */
  readonly convention: MessageKey | null;
  /**
   * For a kind with a stabiliser (sLSTM): the rows of the panel under its diagram, for the units
   * shown, from its pre-activations to h_t, marking the values that would overflow without m.
   */
  stabiliser?(tr: T, units: readonly number[]): StabiliserRow[];
  /** For a kind with a matrix memory (mLSTM): the memory panel's numbers for the units shown. */
  memory?(tr: T, units: readonly number[]): MemoryView;
  /** The equation behind a node of its diagram (by the layout's node id), or null for nodes without one. */
  equation(nodeId: string, tr: T, params: CellParams, kit: EquationKit): NodeEquation | null;
}
