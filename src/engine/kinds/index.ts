/**
 * The registry of cell kinds: everything outside src/engine/kinds iterates KINDS or asks
 * kindOf(id), so adding a kind is writing its module and adding it here.
 */
import { coupled } from './coupled';
import { gru } from './gru';
import type { GruGrads, GruParams, GruTrace } from './gru-types';
import { lstm } from './lstm';
import type { CoupledParams, LstmFamilyGrads, LstmParams, LstmTrace, PeepholeParams } from './lstm-types';
import { peephole } from './peephole';
import { type RnnGrads, type RnnParams, type RnnTrace, rnn } from './rnn';
import type { KindPart, KindSpec, KindStart, StartId } from './spec';
import type { Vec } from '../types';

export type { GruTrace } from './gru-types';
export type { LstmParams, LstmTrace } from './lstm-types';
export type { RnnParams, RnnTrace } from './rnn';
export { RELU_CAP } from './rnn';
export type { StartId } from './spec';
export { type AssembleOptions, type Framework, type FrameworkLayout, type StateActivation, VARIANT_VALUES, type Variant } from './spec';

export type CellParams = RnnParams | LstmParams | PeepholeParams | CoupledParams | GruParams;
export type StepTrace = RnnTrace | LstmTrace | GruTrace;
export type CellGrads = RnnGrads | LstmFamilyGrads | GruGrads;
export type CellKind = CellParams['kind'];

/** Any kind, seen through what every kind offers. */
export type AnyKind = KindSpec<CellParams, StepTrace, CellGrads>;

/** In the order the pickers list them. */
export const KINDS: readonly AnyKind[] = [rnn, lstm, gru, peephole, coupled];

export const CELL_KINDS: readonly CellKind[] = KINDS.map((k) => k.id);

/**
 * The choices made for the reader until they choose, as data in this one place (the architecture
 * test lets no other file name a kind): the page opens on the LSTM of colah's essay, and the
 * cell it is set beside, in the unrolled view, the lab and the gradient view, is the RNN, the
 * cell without gates whose fading memory the gates are there to fix.
 */
export const DEFAULT_KIND: CellKind = 'lstm';
export const BASELINE_KIND: CellKind = 'rnn';

const BY_ID = new Map<string, AnyKind>(KINDS.map((k) => [k.id, k]));

/** The kind registered under `id`; throws (naming the known kinds) rather than guess one. */
export function kindOf(id: string): AnyKind {
  const k = BY_ID.get(id);
  if (!k) throw new Error(`unknown cell kind '${id}': the registered kinds are ${CELL_KINDS.join(', ')}`);
  return k;
}

/** C_t of a step, or null for kinds without a cell state. */
export function cellStateOf(tr: StepTrace): Vec | null {
  return kindOf(tr.kind).belt(tr)?.c ?? null;
}

/** The kind's gates that decide (keep, write, read, reset), in the order the kind lists them. */
export function gateParts(id: string): readonly KindPart[] {
  return kindOf(id).parts.filter((p) => p.role !== 'candidate' && p.role !== 'state');
}

/** The start `id` of a kind (spec.ts, KindStart); throws, naming the kind's starts, if it has none by that name. */
export function startOf(kind: string, id: string): KindStart<CellParams> {
  const k = kindOf(kind);
  const s = k.starts.find((x) => x.id === id);
  if (!s) throw new Error(`the ${kind} cell has no start '${id}': its starts are ${k.starts.map((x) => x.id).join(', ')}`);
  return s;
}

/** The ids of a kind's starts, the shipped curve's first. */
export function startIds(kind: string): readonly StartId[] {
  return kindOf(kind).starts.map((s) => s.id);
}
