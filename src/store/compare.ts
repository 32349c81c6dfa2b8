/**
 * Whole-sentence traces computed outside the store's history: the comparison row of the
 * unrolled view (a second cell kind on the same embedded tokens) and the heatmaps (every step
 * at once). The store's history grows only as the student steps, and these views must not move
 * the student's step, so they run the engine themselves. Results are memoized per token list
 * (the store's `embedded` array: a new sentence or model makes a new one) and per cell.
 */
import { run, type CellKind, type CellParams, type EmbeddedToken, type Model, type Stack, type StepTrace } from '../engine';
import { demoModel } from '../models/demo';
import { readModelFile } from '../models/format';
import { embedAll } from './history';
import { fullTraces } from './sentenceTraces';
import { fetchModelFile, type ModelFetcher } from './modelLoader';

export { fullTraces } from './sentenceTraces';

/** One demo model per kind, kept so that its params object (the memo key) stays the same. */
const demoCells = new Map<CellKind, CellParams>();
export function demoCell(kind: CellKind): CellParams {
  let c = demoCells.get(kind);
  if (!c) demoCells.set(kind, (c = demoModel(kind).cell));
  return c;
}
/** The same cell as a stack of one, also kept (sentenceTraces keys its jobs on the array). */
const demoStacks = new Map<CellKind, Stack>();
function demoStack(kind: CellKind): Stack {
  let st = demoStacks.get(kind);
  if (!st) demoStacks.set(kind, (st = [demoCell(kind)]));
  return st;
}

/**
 * The comparison row: the demo cell of `kind` on the same x's the store's model saw. Null when
 * that cell cannot read them (a loaded model with another embedding size).
 */
export function compareTraces(kind: CellKind, embedded: readonly EmbeddedToken[]): readonly StepTrace[] | null {
  const cell = demoCell(kind);
  if (embedded.some((e) => e.x.length !== cell.inputSize)) return null;
  return fullTraces(demoStack(kind), embedded)[0]!;
}

/**
 * With a trained model on screen, the comparison row is the same task's trained model of the
 * other kind (sentiment-rnn beside sentiment-lstm): untrained weights beside trained ones would
 * compare nothing. Fetched once per id; a failed fetch is forgotten so a later try can work.
 */
const trained = new Map<string, Promise<Model>>();
export function trainedModel(id: string, fetch: ModelFetcher = fetchModelFile): Promise<Model> {
  let p = trained.get(id);
  if (!p) {
    p = fetch(id).then((json) => readModelFile(json).model);
    p.catch(() => trained.delete(id));
    trained.set(id, p);
  }
  return p;
}

/** A trained model's traces over the sentence, through its own vocabulary and embedding. */
const byModel = new WeakMap<Model, { tokens: readonly string[]; traces: readonly StepTrace[] }>();
export function modelTraces(model: Model, tokens: readonly string[]): readonly StepTrace[] {
  const hit = byModel.get(model);
  if (hit && hit.tokens === tokens) return hit.traces;
  const traces = run(
    model.cell,
    embedAll(model, tokens).map((e) => e.x),
  ).traces;
  byModel.set(model, { tokens, traces });
  return traces;
}
