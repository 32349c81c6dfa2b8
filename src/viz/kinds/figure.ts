/**
 * What the figures know of one cell kind: its diagram's geometry, the rows of its values table
 * and the vectors its diagram draws. One module per kind (rnn.ts, gru.ts, lstm.ts for the
 * three LSTM kinds), registered in index.ts; the views ask figureOf(kind).
 */
import type { CellParams, StepTrace, Vec } from '../../engine';
import type { MessageKey } from '../../i18n';
import type { LayoutOptions } from '../cellLayoutBuilder';
import type { CellLayout, DiagramVector } from '../layoutTypes';

/**
 * What a vector's values can be, which picks its scale: a gate's [0, 1], tanh's [−1, 1], a
 * pre-activation's or C_t's unbounded values (drawn on ±2), and a relu state's [0, ∞)
 * ('rectified'), drawn on a scale that compresses instead of clipping, since its values past 1
 * are the point of showing it.
 */
export type VectorRange = 'gate' | 'signed' | 'unbounded' | 'rectified';

/** The range of a step's h (and so of the h it reads): tanh's, or relu's unbounded one. */
export const stateRange = (tr: StepTrace): VectorRange => ('activation' in tr && tr.activation === 'relu' ? 'rectified' : 'signed');

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
}

export const row = (id: string, label: MessageKey, symbol: string, range: VectorRange, values: Vec, gate?: string): TraceVector =>
  gate === undefined ? { id, label, symbol, range, values } : { id, label, symbol, range, values, gate };

export const shown = (values: Vec, range: VectorRange, label: MessageKey): ShownVector => ({ values, range, label });

export const times = (a: Vec, b: Vec): Vec => a.map((v, k) => v * b[k]!);

export interface FigureSpec<T extends { readonly x: Vec; readonly hPrev: Vec; readonly h: Vec }> {
  readonly id: string;
  layout(o: LayoutOptions): CellLayout;
  /** The values table's rows, in the order the cell computes them. */
  rows(tr: T): TraceVector[];
  /** The vectors the diagram draws beyond x, h_{t−1} and h_t. */
  shown(tr: T, params: CellParams): Partial<Record<DiagramVector, ShownVector>>;
  /** The animation stage of h_t: the belt update (2) for the GRU, whose belt is h; else the output (3). */
  readonly hStage: number;
  /** H³ products per step of the gradient flow (influence.ts). */
  readonly flowPer: number;
}
