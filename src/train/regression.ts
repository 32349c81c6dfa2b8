/**
 * Loss and gradients of a time-series model (scalar input, linear head), scored at every step:
 *
 *   ŷ_t = w·h_t + b,   L = (1/T) Σ_t (ŷ_t − y_t)²            (mean squared error)
 *   ∂L/∂ŷ_t = 2 (ŷ_t − y_t) / T,   ∂L/∂w += ∂L/∂ŷ_t h_t,   ∂L/∂b += ∂L/∂ŷ_t
 *   ∂L/∂h_t (direct) = w ∂L/∂ŷ_t, into the engine's bptt, which adds what flows back from later steps.
 *
 * The input is the number itself, so there is no embedding to learn.
 */
import { bptt, predict, run, type BpttResult, type StepTrace } from '../engine';
import type { Window } from './data/wave';
import { addCellGrads } from './loss';
import type { ModelGrads, ScalarModel } from './network';

const inputsOf = (w: Window) => w.xs.map((x) => Float64Array.of(x));

/** Every step's prediction of the next value. */
export function predictions(m: ScalarModel, w: Window): number[] {
  return run(m.cell, inputsOf(w)).traces.map((tr) => predict(m.head, tr.h)[0]!);
}

export function windowMse(m: ScalarModel, w: Window): number {
  const p = predictions(m, w);
  return p.reduce((s, y, t) => s + (y - w.ys[t]!) ** 2, 0) / p.length;
}

export function meanMse(m: ScalarModel, ws: readonly Window[]): number {
  return ws.reduce((s, w) => s + windowMse(m, w), 0) / Math.max(1, ws.length);
}

/** Adds this window's gradients into `g`; returns its loss. */
export function accumulateMse(m: ScalarModel, w: Window, g: ModelGrads): number {
  const { traces } = run(m.cell, inputsOf(w));
  const H = m.cell.hiddenSize;
  const T = traces.length;
  const W = m.head.W.data;
  let loss = 0;
  const dLdh = traces.map((tr, t) => {
    const e = predict(m.head, tr.h)[0]! - w.ys[t]!;
    loss += (e * e) / T;
    const dy = (2 * e) / T;
    g.headB[0] = g.headB[0]! + dy;
    const d = new Float64Array(H);
    for (let k = 0; k < H; k++) {
      g.headW.data[k] = g.headW.data[k]! + dy * tr.h[k]!;
      d[k] = W[k]! * dy;
    }
    return d;
  });
  addCellGrads(g.cell, bptt(m.cell, traces, dLdh).grads);
  return loss;
}

/**
 * Backward from the last step's error alone, L = (ŷ_T − y_T)²: how far back the gradient of one
 * prediction reaches (the lab's probe), with the traces and every step's prediction.
 */
export function backFromLastValue(m: ScalarModel, w: Window): { traces: StepTrace[]; back: BpttResult; predicted: number[]; loss: number } {
  const { traces } = run(m.cell, inputsOf(w));
  const predicted = traces.map((tr) => predict(m.head, tr.h)[0]!);
  const e = predicted.at(-1)! - w.ys.at(-1)!;
  const H = m.cell.hiddenSize;
  const dhT = Float64Array.from({ length: H }, (_, k) => m.head.W.data[k]! * 2 * e);
  const back = bptt(
    m.cell,
    traces,
    traces.map(() => new Float64Array(H)),
    dhT,
  );
  return { traces, back, predicted, loss: e * e };
}
