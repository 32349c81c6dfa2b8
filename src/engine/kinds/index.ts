/**
 * The registry of cell kinds: everything outside src/engine/kinds iterates KINDS or asks
 * kindOf(id), so adding a kind is writing its module and adding it here.
 */
import { coupled } from './coupled';
import { type ExtraSlot, extraLength, extraSlots } from './extra';
import { gru } from './gru';
import type { GruGrads, GruParams, GruTrace } from './gru-types';
import { lstm } from './lstm';
import type { CoupledParams, LstmFamilyGrads, LstmParams, LstmTrace, PeepholeParams } from './lstm-types';
import { type MinGruGrads, type MinGruParams, type MinGruTrace, mingru } from './mingru';
import { type MinLstmGrads, type MinLstmParams, type MinLstmTrace, minlstm } from './minlstm';
import { type MlstmGrads, type MlstmParams, type MlstmTrace, mlstm } from './mlstm';
import { peephole } from './peephole';
import { type RnnGrads, type RnnParams, type RnnTrace, rnn } from './rnn';
import { type SlstmGrads, type SlstmParams, type SlstmTrace, slstm } from './slstm';
import type { KindPart, KindSpec, KindStart, StartId } from './spec';
import type { Vec } from '../types';

export type { GruTrace } from './gru-types';
export type { LstmParams, LstmTrace } from './lstm-types';
export type { RnnParams, RnnTrace } from './rnn';
export type { MinGruTrace } from './mingru';
export type { MinLstmTrace } from './minlstm';
export type { SlstmTrace } from './slstm';
export type { MlstmTrace } from './mlstm';
export { RELU_CAP } from './rnn';
export type { StartId } from './spec';
export { type AssembleOptions, type KindGroup, type Framework, type FrameworkLayout, type StateActivation, VARIANT_VALUES, type Variant, type WeightTensor } from './spec';

export type CellParams = RnnParams | LstmParams | PeepholeParams | CoupledParams | GruParams | MinGruParams | MinLstmParams | SlstmParams | MlstmParams;
export type StepTrace = RnnTrace | LstmTrace | GruTrace | MinGruTrace | MinLstmTrace | SlstmTrace | MlstmTrace;
export type CellGrads = RnnGrads | LstmFamilyGrads | GruGrads | MinGruGrads | MinLstmGrads | SlstmGrads | MlstmGrads;
export type CellKind = CellParams['kind'];

/** Any kind, seen through what every kind offers. */
export type AnyKind = KindSpec<CellParams, StepTrace, CellGrads>;

/** Every registered kind, the classic ones first, in the order the pickers list them. */
export const KINDS: readonly AnyKind[] = [rnn, lstm, gru, peephole, coupled, mingru, minlstm, slstm, mlstm];

/** Every registered kind's id: what the engine computes, the model file reads and the vectors check. */
export const ALL_KINDS: readonly CellKind[] = KINDS.map((k) => k.id);

/**
 * Registered kinds whose figures (src/viz/kinds) are not written yet: the engine computes, trains,
 * saves and checks them (ALL_KINDS), but the app does not offer them until they can be drawn.
 */
const NOT_YET_DRAWN: ReadonlySet<string> = new Set<string>([]);

/**
 * The kinds the app offers (the cell pickers, links, the lab, the shipped models; e2e steps
 * through them): every kind that can be drawn (the architecture test pairs each with a figure).
 */
export const CELL_KINDS: readonly CellKind[] = ALL_KINDS.filter((k) => !NOT_YET_DRAWN.has(k));

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
  if (!k) throw new Error(`unknown cell kind '${id}': the registered kinds are ${ALL_KINDS.join(', ')}`);
  return k;
}

/** C_t of a step, or null for kinds without a per-unit cell state. */
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

/** Where each of the kind's further states sits in CellState.extra at hidden size H (empty: none). */
export function extraSlotsOf(id: string, H: number): ExtraSlot[] {
  return extraSlots(kindOf(id).extraStates, H);
}

/** The length of CellState.extra for the kind at hidden size H; 0 for kinds without further states. */
export function extraLengthOf(id: string, H: number): number {
  return extraLength(kindOf(id).extraStates, H);
}
