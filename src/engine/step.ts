/** One entry point for every cell kind: step(params, state, x) -> { state, trace }. */
import { type CellKind, type CellParams, extraLengthOf, kindOf, type StepTrace } from './kinds';
import type { CellState, StepResult, Vec } from './types';

export function step(p: CellParams, s: CellState, x: Vec): StepResult<StepTrace> {
  if (x.length !== p.inputSize) {
    throw new Error(`step: input has ${x.length} values, the cell expects ${p.inputSize}`);
  }
  // A state of the wrong size would silently read undefined -> NaN; say so instead.
  if (s.h.length !== p.hiddenSize) {
    throw new Error(`step: state h has ${s.h.length} values, the cell's hidden size is ${p.hiddenSize}`);
  }
  if (s.c && s.c.length !== p.hiddenSize) {
    throw new Error(`step: state c has ${s.c.length} values, the cell's hidden size is ${p.hiddenSize}`);
  }
  const E = extraLengthOf(p.kind, p.hiddenSize);
  if (E > 0 && s.extra?.length !== E) {
    throw new Error(
      `step: a ${p.kind} cell carries ${E} further state values (${kindOf(p.kind)
        .extraStates.map((e) => e.name)
        .join(', ')}), the state has ${s.extra?.length ?? 'none'}`,
    );
  }
  return kindOf(p.kind).step(p, s, x);
}

export function hasCellState(kind: CellKind): boolean {
  return kindOf(kind).hasCellState;
}

/**
 * The state a sequence starts from: zeros (every kind's official zero state, the stabiliser
 * m_0 = 0 included), or copies of the given parts. `extra` is the kind's further states in its
 * layout (kinds/extra.ts); kinds without them have none.
 */
export function initialState(p: CellParams, h?: Vec, c?: Vec, extra?: Vec): CellState {
  const H = p.hiddenSize;
  const E = extraLengthOf(p.kind, H);
  return {
    h: h ? Float64Array.from(h) : new Float64Array(H),
    c: hasCellState(p.kind) ? (c ? Float64Array.from(c) : new Float64Array(H)) : null,
    ...(E > 0 ? { extra: extra ? Float64Array.from(extra) : new Float64Array(E) } : {}),
  };
}

/** Runs a whole sequence from `s0`, returning every step's trace and the final state. */
export function run(p: CellParams, xs: readonly Vec[], s0: CellState = initialState(p)): { traces: StepTrace[]; final: CellState } {
  const traces: StepTrace[] = [];
  let s = s0;
  for (const x of xs) {
    const r = step(p, s, x);
    traces.push(r.trace);
    s = r.state;
  }
  return { traces, final: s };
}

/**
 * Multiply-adds one step costs: each gate (or candidate) is a matrix-vector product over
 * [h; x]. Callers use it to decide whether a whole sentence is cheap enough to run at once or
 * must run in slices so the page keeps answering (hidden 512: about 1 ms per LSTM step).
 */
export function stepCost(p: CellParams): number {
  return kindOf(p.kind).blocks * p.hiddenSize * (p.hiddenSize + p.inputSize);
}
