/**
 * Stateful training of a character model: truncated backpropagation through time over
 * consecutive windows, the state carried from one window to the next (as char-rnn trains).
 *
 *   the training text c_0 … c_{N−1} is cut into B contiguous streams of L = ⌊N / B⌋ characters;
 *   update k reads window k of every stream b:   w_{b,k} = c[bL + kT … bL + (k+1)T]   (T + 1 chars)
 *   its initial state:  s⁰_{b,k} = s^T_{b,k−1}   (where window k − 1 of the stream ended),  s⁰_{b,0} = 0
 *   and no gradient reaches it:  ∂L/∂s⁰_{b,k} := 0   (truncated BPTT: the graph stops at the window)
 *
 * Why: a window that starts from the zero state never has to carry anything longer than itself,
 * and a quotation often runs for hundreds of characters. Carried state lets the model meet the
 * opening quote long before the window it is trained on, as it meets it when it reads a chapter.
 * The update is the mean over the B windows, so it is trainer.ts' trainBatch with one example per
 * stream; each stream's state is the only thing carried between updates.
 */
import { type CellState, initialState, predict, step } from '../engine';
import type { Adam } from './adam';
import { accumulateLmGradsFrom } from './charlm';
import { embedIds } from './loss';
import type { TrainableModel } from './network';
import { trainBatch } from './trainer';

/** B contiguous streams through one long text, read T characters at a time. */
export class Streams {
  readonly length: number;
  /** Updates in one pass over the streams (each window has T + 1 characters: its last is the next window's first). */
  readonly windows: number;
  constructor(
    readonly text: Int32Array,
    readonly count: number,
    readonly window: number,
  ) {
    this.length = Math.floor(text.length / count);
    this.windows = Math.floor((this.length - 1) / window);
    if (this.windows < 1) throw new Error(`${text.length} characters make no window of ${window} in each of ${count} streams`);
  }
  /** Window k of stream b: T + 1 characters, predicting the last T from the first T. */
  at(b: number, k: number): Int32Array {
    const s = b * this.length + k * this.window;
    return this.text.subarray(s, s + this.window + 1);
  }
}

/** Joins texts into one sequence (a space between them, as the chapters' prose runs on). */
export function joinTexts(encoded: readonly Int32Array[], space: number): Int32Array {
  const out = new Int32Array(encoded.reduce((a, e) => a + e.length + 1, 0));
  let at = 0;
  for (const e of encoded) {
    out.set(e, at);
    out[at + e.length] = space;
    at += e.length + 1;
  }
  return out;
}

/** The carried states of every stream; zero at a stream's start. */
export const zeroStates = (m: TrainableModel, count: number): CellState[] => Array.from({ length: count }, () => initialState(m.cell));

/**
 * Update k: window k of every stream from its carried state, one Adam step on the mean gradient;
 * `states` is replaced by the states the windows ended in. Returns the mean loss (nats per
 * predicted character) and the gradient's norm before clipping.
 */
export function statefulUpdate(m: TrainableModel, adam: Adam, streams: Streams, states: CellState[], k: number, clipNorm: number): { loss: number; gradNorm: number } {
  const batch = Array.from({ length: streams.count }, (_, b) => b);
  const r = trainBatch(m, adam, batch, clipNorm, (net, b, g) => {
    const out = accumulateLmGradsFrom(net, streams.at(b, k), states[b]!, g);
    states[b] = out.final;
    return out.loss;
  });
  return { loss: r.lossSum / streams.count, gradNorm: r.gradNorm };
}

/**
 * Bits per predicted character over whole texts, each read from the zero state with the state
 * carried to its end (one step at a time: no trace is kept, so a chapter costs no memory). The
 * first character of each text is context only, as in modelBpc.
 */
export function statefulBpc(m: TrainableModel, texts: readonly Int32Array[]): { bpc: number; count: number } {
  let nats = 0;
  let count = 0;
  for (const ids of texts) {
    let s = initialState(m.cell);
    for (let t = 0; t + 1 < ids.length; t++) {
      const r = step(m.cell, s, embedIds(m, [ids[t]!])[0]!);
      s = r.state;
      nats -= Math.log(Math.max(predict(m.head, r.trace.h)[ids[t + 1]!]!, 1e-300));
      count++;
    }
  }
  if (count === 0) throw new Error('statefulBpc: no character to predict');
  return { bpc: nats / count / Math.LN2, count };
}
