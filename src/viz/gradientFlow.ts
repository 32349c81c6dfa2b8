/**
 * Data for the gradient-flow view: how much each earlier step still moves the state at the end.
 *
 * For a sequence of T tokens, with s_k the state after token k (k = 0..T−1) and s_{T−1} the
 * final one, we show for every k the RMS gain  ‖∂h_{T−1}/∂h_k‖_F / √H  (and for cells with a
 * belt ‖∂C_{T−1}/∂C_k‖_F / √H and the belt alone ‖∏ f‖_F / √H). Dividing by √H makes the
 * identity read 1: "a gradient sent back from the end arrives at this strength".
 * The Jacobians come from the engine's BPTT code (grad/influence.ts).
 *
 * A stacked model is measured where its head reads, the top layer: h, C and the belt along the
 * top layer's chain, and for every layer l below it ‖∂h^L_{T−1}/∂h^l_k‖_F / √H_L, the gradient
 * that reaches layer l through the stack (grad/stackInfluence.ts).
 */
import { embedToken, influence, runStack, stackInfluence, stackOf, type CellParams, type Model } from '../engine';
import { figureOf } from './kinds';

const FILLER = ['and', 'then', 'we', 'talked', 'about', 'the', 'weather', 'for', 'a', 'while'];

export interface FlowSeries {
  readonly kind: CellParams['kind'];
  /** gain of h: one value per token. */
  readonly h: number[];
  /** gain of C along the full recurrence (null without a cell state). */
  readonly c: number[] | null;
  /** gain of the belt alone: the product of forget gates. */
  readonly belt: number[] | null;
  /** How many layers the model stacks; h, c and belt are the top one's. */
  readonly layers: number;
  /** through[l]: the gain from layer l + 1's h to the top layer's h at the end (layers below the top). */
  readonly through: number[][];
}

/** The sentence with `fillers` filler words appended (cycling through FILLER). */
export function withFiller(tokens: readonly string[], fillers: number): string[] {
  return [...tokens, ...Array.from({ length: fillers }, (_, k) => FILLER[k % FILLER.length]!)];
}

/** Adds `delta` to the forget gate's bias: a teaching knob that opens or closes the belt. */
export function withForgetBias(p: CellParams, delta: number): CellParams {
  // The classic kinds' forget gate (an affine map with bW); today's kinds have no such knob yet.
  if (delta === 0 || !('gates' in p) || !('f' in p.gates) || !('bW' in p.gates.f)) return p;
  const f = p.gates.f;
  const bW = Float64Array.from(f.bW, (b) => b + delta);
  return { ...p, gates: { ...p.gates, f: { ...f, bW } } } as CellParams;
}

/** The flow of `model` (every layer's forget bias moved by `forgetBias`) over `tokens`. */
export function gradientFlow(model: Model, tokens: readonly string[], forgetBias = 0, onStep?: (done: number, total: number) => void): FlowSeries | null {
  if (tokens.length === 0) return null;
  const layers = stackOf(model).map((p) => withForgetBias(p, forgetBias));
  const top = layers[layers.length - 1]!;
  const xs = tokens.map((t) => embedToken(model.embedding, t).x);
  const traces = runStack(layers, xs).layers;
  const T = xs.length;
  const stacked = layers.length > 1;
  // Progress counts both passes of a stack: the top chain, then the one through the stack.
  const total = stacked ? 2 * T : T;
  const inf = influence(top, traces[traces.length - 1]!, T, onStep && ((d) => onStep(d, total)));
  const through = stacked ? stackInfluence(layers, traces, T, onStep && ((d) => onStep(T + d, total))).gain.slice(0, -1) : [];
  const scale = 1 / Math.sqrt(top.hiddenSize);
  // influence index j is the state after j steps; token k's state is index k + 1.
  const perToken = (v: number[]) => v.slice(1).map((x) => x * scale);
  return {
    kind: top.kind,
    h: perToken(inf.h),
    c: inf.c ? perToken(inf.c) : null,
    belt: inf.belt ? perToken(inf.belt) : null,
    layers: layers.length,
    through: through.map(perToken),
  };
}

/** Where a gain sits on the chart's log axis, clamped so an exact 0 still has a place. */
const LOG_FLOOR = 1e-12;
export function log10Gain(x: number): number {
  return Math.log10(Math.max(LOG_FLOOR, x));
}

/**
 * Multiply-adds the gradient flow costs (influence.ts: H³ per step for the RNN, 2H³ for the GRU,
 * 4H³ for the LSTM family): past FLOW_SYNC_LIMIT the page computes it in a worker.
 */
export function flowCost(model: Model, steps: number): number {
  const layers = stackOf(model);
  const top = layers[layers.length - 1]!;
  const H = top.hiddenSize;
  const per = figureOf(top.kind).flowPer;
  // Through a stack: H_L backward steps per layer and step, each about 2× the forward step.
  const through = layers.length > 1 ? layers.reduce((sum, p) => sum + 2 * H * per * p.hiddenSize * (p.inputSize + p.hiddenSize), 0) : 0;
  return steps * (per * H * H * H + through);
}

/** About 20 ms of work on a slow laptop: below it, a worker's start-up would cost more than it saves. */
export const FLOW_SYNC_LIMIT = 2e7;
