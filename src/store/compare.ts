/**
 * Whole-sentence traces computed outside the store's history: the comparison row of the
 * unrolled view (a second cell kind on the same embedded tokens) and the heatmaps (every step
 * at once). The store's history grows only as the student steps, and these views must not move
 * the student's step, so they run the engine themselves. Results are memoized per token list
 * (the store's `embedded` array: a new sentence or model makes a new one) and per cell.
 */
import { run, type CellKind, type CellParams, type EmbeddedToken, type StepTrace } from '../engine';
import { demoModel } from '../models/demo';

const byTokens = new WeakMap<readonly EmbeddedToken[], Map<CellParams, readonly StepTrace[]>>();

/** Every step's trace of `cell` over the tokens: equal to the store's history at its end. */
export function fullTraces(cell: CellParams, embedded: readonly EmbeddedToken[]): readonly StepTrace[] {
  let perCell = byTokens.get(embedded);
  if (!perCell) byTokens.set(embedded, (perCell = new Map()));
  let traces = perCell.get(cell);
  if (!traces) {
    traces = run(cell, embedded.map((e) => e.x)).traces;
    perCell.set(cell, traces);
  }
  return traces;
}

/** One demo model per kind, kept so that its params object (the memo key) stays the same. */
const demoCells = new Map<CellKind, CellParams>();
export function demoCell(kind: CellKind): CellParams {
  let c = demoCells.get(kind);
  if (!c) demoCells.set(kind, (c = demoModel(kind).cell));
  return c;
}

/**
 * The comparison row: the demo cell of `kind` on the same x's the store's model saw. Null when
 * that cell cannot read them (a loaded model with another embedding size).
 */
export function compareTraces(kind: CellKind, embedded: readonly EmbeddedToken[]): readonly StepTrace[] | null {
  const cell = demoCell(kind);
  if (embedded.some((e) => e.x.length !== cell.inputSize)) return null;
  return fullTraces(cell, embedded);
}
