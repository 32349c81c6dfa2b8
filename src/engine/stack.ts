/**
 * A stack of recurrent layers, as PyTorch (num_layers), Keras (stacked return_sequences layers)
 * and ONNX (one node per layer) run them: at every step, layer 1 reads x_t and each layer above
 * reads the new h of the layer below it,
 *
 *   h¹_t, C¹_t = cell¹(x_t,      h¹_{t-1}, C¹_{t-1})
 *   hˡ_t, Cˡ_t = cellˡ(hˡ⁻¹_t,   hˡ_{t-1}, Cˡ_{t-1})      l = 2 … L
 *
 * and the head reads the top layer's h. A one-layer model is a stack of one.
 */
import { initialState, step, stepCost } from './step';
import type { CellState, Vec } from './types';
import type { CellParams, StepTrace } from './kinds';

/** Layers from the bottom (the one reading x_t) up. Never empty. */
export type Stack = readonly CellParams[];

/** The largest stack the app reads (PyTorch's num_layers of the models people train: 1–4). */
export const MAX_LAYERS = 4;

export function initialStack(layers: Stack): CellState[] {
  return layers.map((p) => initialState(p));
}

/** One step of every layer: traces[l] is layer l's trace, states[l] its new state. */
export function stepStack(layers: Stack, states: readonly CellState[], x: Vec): { states: CellState[]; traces: StepTrace[] } {
  if (states.length !== layers.length) throw new Error(`stepStack: ${states.length} states for ${layers.length} layers`);
  const next: CellState[] = [];
  const traces: StepTrace[] = [];
  let input = x;
  layers.forEach((p, l) => {
    const r = step(p, states[l]!, input);
    next.push(r.state);
    traces.push(r.trace);
    input = r.state.h;
  });
  return { states: next, traces };
}

/** A whole sequence: layers[l][t] is layer l's trace at step t. */
export function runStack(layers: Stack, xs: readonly Vec[], s0: readonly CellState[] = initialStack(layers)): { layers: StepTrace[][]; final: CellState[] } {
  const out: StepTrace[][] = layers.map(() => []);
  let s = s0;
  for (const x of xs) {
    const r = stepStack(layers, s, x);
    r.traces.forEach((tr, l) => out[l]!.push(tr));
    s = r.states;
  }
  return { layers: out, final: [...s] };
}

/** Multiply-adds of one step through every layer. */
export function stackCost(layers: Stack): number {
  return layers.reduce((sum, p) => sum + stepCost(p), 0);
}

/**
 * Whether `upper` can sit on `lower`: it reads lower's h. The same kind throughout, as the
 * frameworks' stacked layers are.
 */
export function stackMismatch(layers: Stack): string | null {
  for (let l = 1; l < layers.length; l++) {
    const lo = layers[l - 1]!;
    const up = layers[l]!;
    if (up.kind !== lo.kind) return `layer ${l + 1} is "${up.kind}" but layer ${l} is "${lo.kind}": a stack has one cell kind`;
    if (up.inputSize !== lo.hiddenSize) return `layer ${l + 1} reads ${up.inputSize} inputs, but layer ${l} outputs ${lo.hiddenSize} (its hidden size)`;
  }
  return null;
}
