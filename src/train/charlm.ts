/**
 * A character-level language model: after every character, the head predicts the next one.
 *
 *   x_t = E[c_t],   h_t = cell(x_t, h_{t-1}, C_{t-1}),   p_t = softmax(W h_t + b)
 *   L = −(1/T) Σ_t log p_t[c_{t+1}]            (nats per character; ÷ ln 2 gives bits)
 *   ∂L/∂z_t = (p_t − onehot(c_{t+1})) / T,   ∂L/∂h_t = Wᵀ ∂L/∂z_t  (into the engine's bptt)
 *
 * Held-out text is scored in chunks that start from the zero state, as the app runs what a
 * student types: the first character of each chunk is context only, the rest are predicted, by
 * the model and by the baselines alike, so their bits per character count the same characters.
 */
import { UNK, bptt, createRng, initialState, predict, run, type CellState, type Vec } from '../engine';
import { addCellGrads, embedIds, softmaxStepGrads } from './loss';
import type { ModelGrads, TrainableModel } from './network';

export const LN2 = Math.LN2;

/** `<unk>` first, then every character seen at least `minCount` times, most frequent first (ties by code point). */
export function charVocab(texts: readonly string[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return [UNK, ...kept.map(([c]) => c)];
}

/** Ids of each code point of `text` in `vocab` (unknown characters: the `<unk>` row, 0). */
export function encodeChars(vocab: readonly string[], text: string): Int32Array {
  const index = new Map(vocab.map((c, k) => [c, k]));
  const chars = Array.from(text);
  const out = new Int32Array(chars.length);
  chars.forEach((c, k) => (out[k] = index.get(c) ?? 0));
  return out;
}

/**
 * Adds the gradients of one chunk's mean next-character loss into `g`; returns that loss (nats
 * per predicted character). The chunk predicts ids[1..] from ids[0..n−2].
 */
export function accumulateLmGrads(m: TrainableModel, ids: ArrayLike<number>, g: ModelGrads): number {
  return accumulateLmGradsFrom(m, ids, initialState(m.cell), g).loss;
}

/**
 * The same from a given initial state s0 (the state a previous window of the same stream ended
 * in), returning the state the window ends in as well. s0 is a constant here: no gradient flows
 * into it, so backpropagation stops at the window's start (truncated BPTT).
 */
export function accumulateLmGradsFrom(m: TrainableModel, ids: ArrayLike<number>, s0: CellState, g: ModelGrads): { loss: number; final: CellState } {
  const n = ids.length - 1;
  if (n < 1) return { loss: 0, final: s0 };
  const inputs = Array.from({ length: n }, (_, t) => ids[t]!);
  const { traces, final } = run(m.cell, embedIds(m, inputs), s0);
  const dLdh: Vec[] = new Array<Vec>(n);
  let loss = 0;
  for (let t = 0; t < n; t++) {
    const r = softmaxStepGrads(m.head, traces[t]!.h, ids[t + 1]!, n, g.headW, g.headB);
    loss += r.nll;
    dLdh[t] = r.dh;
  }
  const back = bptt(m.cell, traces, dLdh);
  addCellGrads(g.cell, back.grads);
  const E = m.embedding.dim;
  for (let t = 0; t < n; t++) {
    const id = inputs[t]!;
    const dx = back.dx[t]!;
    for (let k = 0; k < E; k++) g.table.data[id * E + k] = g.table.data[id * E + k]! + dx[k]!;
  }
  return { loss: loss / n, final };
}

/** Cuts held-out texts into chunks of `len` + 1 characters (the last partial one kept if ≥ 2). */
export function heldoutChunks(encoded: readonly Int32Array[], len: number): Int32Array[] {
  const out: Int32Array[] = [];
  for (const ids of encoded) {
    for (let s = 0; s + 1 < ids.length; s += len) out.push(ids.subarray(s, Math.min(ids.length, s + len + 1)));
  }
  return out;
}

/**
 * Random training windows of `len` + 1 characters (a whole text when it is shorter, e.g. a
 * quatrain): a text drawn in proportion to its length, then a uniform start within it.
 */
export function sampleWindows(encoded: readonly Int32Array[], len: number, count: number, seed: number): Int32Array[] {
  const rng = createRng(seed);
  const usable = encoded.filter((e) => e.length >= 2);
  const total = usable.reduce((a, e) => a + e.length, 0);
  if (total === 0) throw new Error('no training text of two characters or more');
  const out: Int32Array[] = [];
  for (let k = 0; k < count; k++) {
    let at = rng.int(total);
    const e = usable.find((x) => (at -= x.length) < 0)!;
    const w = Math.min(len + 1, e.length);
    const s = rng.int(e.length - w + 1);
    out.push(e.subarray(s, s + w));
  }
  return out;
}

/** Bits per predicted character of the model over chunks (each from the zero state). */
export function modelBpc(m: TrainableModel, chunks: readonly Int32Array[]): number {
  let nats = 0;
  let count = 0;
  for (const ids of chunks) {
    const n = ids.length - 1;
    const { traces } = run(m.cell, embedIds(m, Array.from(ids.subarray(0, n))));
    for (let t = 0; t < n; t++) nats -= Math.log(Math.max(predict(m.head, traces[t]!.h)[ids[t + 1]!]!, 1e-300));
    count += n;
  }
  return nats / count / LN2;
}

/** Next-character probabilities that ignore the model: a baseline to beat. */
interface CharBaseline {
  readonly name: 'unigram' | 'bigram';
  /** P(next = y | previous = x). */
  prob(x: number, y: number): number;
}

/** Character frequencies of the training text, add-one smoothed over the vocabulary. */
export function unigramBaseline(train: readonly Int32Array[], V: number): CharBaseline {
  const c = new Float64Array(V).fill(1);
  let n = V;
  for (const ids of train) for (const y of ids) (c[y] = c[y]! + 1), n++;
  return { name: 'unigram', prob: (_x, y) => c[y]! / n };
}

/** Pair frequencies of the training text, add-α smoothed (α chosen by the caller on validation text). */
export function bigramBaseline(train: readonly Int32Array[], V: number, alpha: number): CharBaseline {
  const pair = new Float64Array(V * V);
  const row = new Float64Array(V);
  for (const ids of train) {
    for (let t = 0; t + 1 < ids.length; t++) {
      const x = ids[t]!;
      const k = x * V + ids[t + 1]!;
      pair[k] = pair[k]! + 1;
      row[x] = row[x]! + 1;
    }
  }
  return { name: 'bigram', prob: (x, y) => (pair[x * V + y]! + alpha) / (row[x]! + alpha * V) };
}

/** Bits per predicted character of a baseline over the same chunks as modelBpc. */
export function baselineBpc(b: CharBaseline, chunks: readonly Int32Array[]): number {
  let nats = 0;
  let count = 0;
  for (const ids of chunks) {
    for (let t = 0; t + 1 < ids.length; t++) nats -= Math.log(b.prob(ids[t]!, ids[t + 1]!));
    count += ids.length - 1;
  }
  return nats / count / LN2;
}
