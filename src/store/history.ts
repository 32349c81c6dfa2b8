/**
 * The trace history: stepping forward is a push onto it, scrubbing only moves an index. Steps
 * are computed lazily up to the furthest step asked for, so a 200-token sentence costs nothing
 * until the student goes there, and the trace at t always equals a fresh run to t.
 */
import { embedToken, initialStack, stackOf, stepStack, type CellState, type EmbeddedToken, type Model, type StepTrace } from '../engine';

export interface History {
  /** stack[l][t]: layer l's trace at step t (one row per layer; a one-layer model has one). */
  readonly stack: readonly (readonly StepTrace[])[];
  /** Every layer's state after the last step computed (the start states when none is). */
  readonly frontier: readonly CellState[];
}

export function emptyHistory(model: Model): History {
  return { stack: stackOf(model).map(() => []), frontier: initialStack(stackOf(model)) };
}

export function embedAll(model: Model, tokens: readonly string[]): EmbeddedToken[] {
  return tokens.map((tok) => embedToken(model.embedding, tok));
}

/** Steps computed so far. */
export const stepsDone = (h: History): number => h.stack[0]!.length;

/** Extends `h` so that it holds steps 0..t of every layer (no-op when it already does). */
export function extendTo(model: Model, embedded: readonly EmbeddedToken[], h: History, t: number): History {
  const last = Math.min(t, embedded.length - 1);
  if (stepsDone(h) > last) return h;
  const layers = stackOf(model);
  const stack = h.stack.map((l) => l.slice());
  let frontier = h.frontier;
  for (let k = stepsDone(h); k <= last; k++) {
    const r = stepStack(layers, frontier, embedded[k]!.x);
    r.traces.forEach((tr, l) => stack[l]!.push(tr));
    frontier = r.states;
  }
  return { stack, frontier };
}

/**
 * `h` taken as far towards step t as `shared` reaches: `shared` is the same run of the same stack
 * over the same tokens (the sliced whole-sentence job, sentenceTraces.ts), so its steps are the
 * ones extendTo would compute. A large model's prediction curve or heatmaps may have run the
 * sentence already; a far jump then costs nothing instead of running it a second time.
 */
export function adoptShared(h: History, shared: readonly (readonly StepTrace[])[], t: number): History {
  const last = Math.min(t, shared[0]!.length - 1);
  if (last < stepsDone(h)) return h;
  return {
    stack: shared.map((l) => l.slice(0, last + 1)),
    frontier: shared.map((l) => {
      const tr = l[last]!;
      return { h: tr.h, c: 'c' in tr ? tr.c : null };
    }),
  };
}
