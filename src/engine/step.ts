/** One entry point for every cell kind: step(params, state, x) -> { state, trace }. */
import { coupledStep } from './cells/coupled';
import { gruStep } from './cells/gru';
import { lstmStep } from './cells/lstm';
import { peepholeStep } from './cells/peephole';
import { rnnStep } from './cells/rnn';
import type { CellParams, CellState, StepResult, StepTrace, Vec } from './types';

export function step(p: CellParams, s: CellState, x: Vec): StepResult {
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
  switch (p.kind) {
    case 'rnn':
      return rnnStep(p, s, x);
    case 'lstm':
      return lstmStep(p, s, x);
    case 'peephole':
      return peepholeStep(p, s, x);
    case 'coupled':
      return coupledStep(p, s, x);
    case 'gru':
      return gruStep(p, s, x);
  }
}

export function hasCellState(kind: CellParams['kind']): boolean {
  return kind === 'lstm' || kind === 'peephole' || kind === 'coupled';
}

export function initialState(p: CellParams, h?: Vec, c?: Vec): CellState {
  const H = p.hiddenSize;
  return {
    h: h ? Float64Array.from(h) : new Float64Array(H),
    c: hasCellState(p.kind) ? (c ? Float64Array.from(c) : new Float64Array(H)) : null,
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
  const blocks = p.kind === 'rnn' ? 1 : p.kind === 'lstm' || p.kind === 'peephole' ? 4 : 3;
  return blocks * p.hiddenSize * (p.hiddenSize + p.inputSize);
}
