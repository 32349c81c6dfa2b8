/**
 * The trace history: stepping forward is a push onto it, scrubbing only moves an index. Steps
 * are computed lazily up to the furthest step asked for, so a 200-token sentence costs nothing
 * until the student goes there, and the trace at t always equals a fresh run to t.
 */
import { embedToken, initialState, step, type CellState, type EmbeddedToken, type Model, type StepTrace } from '../engine';

export interface History {
  readonly history: readonly StepTrace[];
  readonly frontier: CellState;
}

export function emptyHistory(model: Model): History {
  return { history: [], frontier: initialState(model.cell) };
}

export function embedAll(model: Model, tokens: readonly string[]): EmbeddedToken[] {
  return tokens.map((tok) => embedToken(model.embedding, tok));
}

/** Extends `h` so that it holds steps 0..t (no-op when it already does). */
export function extendTo(model: Model, embedded: readonly EmbeddedToken[], h: History, t: number): History {
  const last = Math.min(t, embedded.length - 1);
  if (h.history.length > last) return h;
  const history = h.history.slice();
  let frontier = h.frontier;
  for (let k = history.length; k <= last; k++) {
    const r = step(model.cell, frontier, embedded[k]!.x);
    history.push(r.trace);
    frontier = r.state;
  }
  return { history, frontier };
}

/**
 * `h` taken as far towards step t as `shared` reaches: `shared` is the same run of the same cell
 * over the same tokens (the sliced whole-sentence job, sentenceTraces.ts), so its steps are the
 * ones extendTo would compute. A large model's prediction curve or heatmaps may have run the
 * sentence already; a far jump then costs nothing instead of running it a second time.
 */
export function adoptShared(h: History, shared: readonly StepTrace[], t: number): History {
  const last = Math.min(t, shared.length - 1);
  if (last < h.history.length) return h;
  const tr = shared[last]!;
  return { history: shared.slice(0, last + 1), frontier: { h: tr.h, c: 'c' in tr ? tr.c : null } };
}
