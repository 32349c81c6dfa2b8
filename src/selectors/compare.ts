/**
 * The unrolled view's comparison row, as memoized selectors of the store's state: a second cell
 * kind beside the student's, over the same sentence. The store's history grows only as the
 * student steps and this row must not move the step, so it runs the engine itself; memoized on
 * the inputs it reads (the state's own arrays and models, which change identity when they
 * change), so that rendering it again costs nothing.
 *
 * - untrained demo on screen: the demo cell of the other kind on the same x's;
 * - a shipped trained model: the same task's trained model of the other kind (the store's
 *   `partner`, fetched by the same loader as the model on screen), through its own embedding;
 * - a model trained in the lab: the run it trained beside.
 */
import { run, type CellKind, type CellParams, type EmbeddedToken, type Model, type Stack, type StepTrace } from '../engine';
import { demoModel } from '../models/demo';
import { embedAll } from '../store/history';
import { fullTraces } from '../store/sentenceTraces';
import type { GatescopeState } from '../store/types';

/** One demo model per kind, kept so that its params object (fullTraces' memo key) stays the same. */
const demoCells = new Map<CellKind, CellParams>();
export function demoCell(kind: CellKind): CellParams {
  let c = demoCells.get(kind);
  if (!c) demoCells.set(kind, (c = demoModel(kind).cell));
  return c;
}
const demoStacks = new Map<CellKind, Stack>();
function demoStack(kind: CellKind): Stack {
  let st = demoStacks.get(kind);
  if (!st) demoStacks.set(kind, (st = [demoCell(kind)]));
  return st;
}

/**
 * The demo cell of `kind` on the x's the store's model saw. Null when that cell cannot read
 * them (a loaded model with another embedding size).
 */
export function demoTraces(kind: CellKind, embedded: readonly EmbeddedToken[]): readonly StepTrace[] | null {
  const cell = demoCell(kind);
  if (embedded.some((e) => e.x.length !== cell.inputSize)) return null;
  return fullTraces(demoStack(kind), embedded)[0]!;
}

/** A trained model's traces over the sentence, through its own vocabulary and embedding. */
function modelTraces(model: Model, tokens: readonly string[]): readonly StepTrace[] {
  return run(
    model.cell,
    embedAll(model, tokens).map((e) => e.x),
  ).traces;
}

/**
 * The id of the trained comparison model the state wants (`sentiment-rnn` beside
 * `sentiment-lstm`), or null: with the demo, a model of your own, or a lab model (whose partner
 * is the run it trained beside).
 */
const partnerIdOf = (s: Pick<GatescopeState, 'task' | 'origin' | 'compareKind'>): string | null => (s.task !== 'demo' && s.origin === null ? `${s.task}-${s.compareKind}` : null);

interface CompareRow {
  /** The row's traces, null while its model loads, when it failed, or when it cannot read the x's. */
  readonly traces: readonly StepTrace[] | null;
  /** The model drawn (null: the demo cell of the kind). */
  readonly model: Model | null;
  /** Where its model comes from: the lab run, the shipped id, or null for the demo cell. */
  readonly source: 'lab' | 'shipped' | 'demo';
  /** The shipped id wanted (source 'shipped'). */
  readonly partnerId: string | null;
  /** The load's error, when it failed. */
  readonly error: string | null;
  readonly hiddenSize: number;
}

type Inputs = readonly [GatescopeState['labPartner'], GatescopeState['origin'], GatescopeState['partner'], string | null, CellKind, readonly EmbeddedToken[], readonly string[]];

/**
 * The comparison row of a state, memoized on its inputs (one entry: the store has one state, and
 * a selector is called with it on every change).
 */
export function createCompareRowSelector(): (s: GatescopeState) => CompareRow {
  let last: { inputs: Inputs; row: CompareRow } | null = null;
  return (s) => {
    const inputs: Inputs = [s.labPartner, s.origin, s.partner, partnerIdOf(s), s.compareKind, s.embedded, s.tokens];
    if (last && inputs.every((v, k) => v === last!.inputs[k])) return last.row;
    const row = compareRow(s, inputs[3]);
    last = { inputs, row };
    return row;
  };
}

function compareRow(s: GatescopeState, partnerId: string | null): CompareRow {
  // A model trained in the lab is compared with the run it trained beside (same data, same seed).
  const lab = s.origin?.from === 'lab' && s.labPartner?.cell.kind === s.compareKind ? s.labPartner : null;
  if (lab) return { traces: modelTraces(lab, s.tokens), model: lab, source: 'lab', partnerId: null, error: null, hiddenSize: lab.cell.hiddenSize };
  if (partnerId === null) {
    const cell = demoCell(s.compareKind);
    return { traces: demoTraces(s.compareKind, s.embedded), model: null, source: 'demo', partnerId: null, error: null, hiddenSize: cell.hiddenSize };
  }
  const p = s.partner?.id === partnerId ? s.partner : null;
  const model = p?.model ?? null;
  return {
    traces: model ? modelTraces(model, s.tokens) : null,
    model,
    source: 'shipped',
    partnerId,
    error: p?.error ?? null,
    hiddenSize: model ? model.cell.hiddenSize : demoCell(s.compareKind).hiddenSize,
  };
}

/** The selector the page uses (one store per page). */
export const selectCompareRow = createCompareRowSelector();
