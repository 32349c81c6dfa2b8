/**
 * Data for the gradient-flow view: how much each earlier step still moves the state at the end.
 *
 * For a sequence of T tokens, with s_k the state after token k (k = 0..T−1) and s_{T−1} the
 * final one, we show for every k the RMS gain  ‖∂h_{T−1}/∂h_k‖_F / √H  (and for cells with a
 * belt ‖∂C_{T−1}/∂C_k‖_F / √H and the belt alone ‖∏ f‖_F / √H). Dividing by √H makes the
 * identity read 1: "a gradient sent back from the end arrives at this strength".
 * The Jacobians come from the engine's BPTT code (grad/influence.ts).
 */
import { embedToken, influence, run, type CellParams, type Model } from '../engine';

export const FILLER = ['and', 'then', 'we', 'talked', 'about', 'the', 'weather', 'for', 'a', 'while'];

export interface FlowSeries {
  readonly kind: CellParams['kind'];
  /** gain of h: one value per token. */
  readonly h: number[];
  /** gain of C along the full recurrence (null without a cell state). */
  readonly c: number[] | null;
  /** gain of the belt alone: the product of forget gates. */
  readonly belt: number[] | null;
}

/** The sentence with `fillers` filler words appended (cycling through FILLER). */
export function withFiller(tokens: readonly string[], fillers: number): string[] {
  return [...tokens, ...Array.from({ length: fillers }, (_, k) => FILLER[k % FILLER.length]!)];
}

/** Adds `delta` to the forget gate's bias: a teaching knob that opens or closes the belt. */
export function withForgetBias(p: CellParams, delta: number): CellParams {
  if (delta === 0 || !('gates' in p) || !('f' in p.gates)) return p;
  const f = p.gates.f;
  const bW = Float64Array.from(f.bW, (b) => b + delta);
  return { ...p, gates: { ...p.gates, f: { ...f, bW } } } as CellParams;
}

export function gradientFlow(model: Model, cell: CellParams, tokens: readonly string[], onStep?: (done: number, total: number) => void): FlowSeries | null {
  if (tokens.length === 0) return null;
  const xs = tokens.map((t) => embedToken(model.embedding, t).x);
  const { traces } = run(cell, xs);
  const T = traces.length;
  const inf = influence(cell, traces, T, onStep);
  const scale = 1 / Math.sqrt(cell.hiddenSize);
  // influence index j is the state after j steps; token k's state is index k + 1.
  const perToken = (v: number[]) => v.slice(1).map((x) => x * scale);
  return {
    kind: cell.kind,
    h: perToken(inf.h),
    c: inf.c ? perToken(inf.c) : null,
    belt: inf.belt ? perToken(inf.belt) : null,
  };
}

/** Where a gain sits on the chart's log axis, clamped so an exact 0 still has a place. */
export const LOG_FLOOR = 1e-12;
export function log10Gain(x: number): number {
  return Math.log10(Math.max(LOG_FLOOR, x));
}

/**
 * Multiply-adds the gradient flow costs (influence.ts: H³ per step for the RNN, 2H³ for the GRU,
 * 4H³ for the LSTM family): past FLOW_SYNC_LIMIT the page computes it in a worker.
 */
export function flowCost(cell: CellParams, steps: number): number {
  const H = cell.hiddenSize;
  const per = cell.kind === 'rnn' ? 1 : cell.kind === 'gru' ? 2 : 4;
  return steps * per * H * H * H;
}

/** About 20 ms of work on a slow laptop: below it, a worker's start-up would cost more than it saves. */
export const FLOW_SYNC_LIMIT = 2e7;
