/**
 * A whole model as Gatescope shows it: tokens -> embedding -> recurrent cell -> (optional) head.
 *
 *   x_t = E[token_t]             (or a hashed vector for the untrained demo models;
 *                                 or the number itself, [v_t], for a time series)
 *   h_t, C_t = cell(x_t, h_{t-1}, C_{t-1})
 *   y_t = head(h_t)              sigmoid: P(positive) = σ(w·h_t + b); softmax: P(class k);
 *                                 linear: the predicted next value w·h_t + b
 *
 * The head is applied after every step so a student sees the prediction change token by token.
 */
import { createRng, hashString } from './rng';
import { matVecAdd, sigmoid } from './math';
import type { Stack } from './stack';
import type { Matrix, Vec } from './types';
import type { CellParams } from './kinds';

/** Untrained demo models: every word gets a fixed pseudo-random vector from its hash. */
interface HashedEmbedding {
  readonly kind: 'hashed';
  readonly dim: number;
  readonly seed: number;
}

/** A learned lookup table; words outside the vocabulary map to the `<unk>` row. */
export interface TableEmbedding {
  readonly kind: 'table';
  readonly dim: number;
  readonly vocab: readonly string[];
  /** Row v is the vector of vocab[v]. */
  readonly table: Matrix;
  /** Index of `<unk>` in vocab. */
  readonly unk: number;
  readonly lowercase: boolean;
}

/** A time series: each token is a number, and x_t is that number (input size 1). */
export interface ScalarEmbedding {
  readonly kind: 'scalar';
  readonly dim: 1;
}

type Embedding = HashedEmbedding | TableEmbedding | ScalarEmbedding;

export interface Head {
  /**
   * 'sigmoid': one logit, labels[1] is the positive class. 'softmax': one logit per label.
   * 'linear': one output, a value (the next number of a time series), not a probability.
   */
  readonly kind: 'sigmoid' | 'softmax' | 'linear';
  readonly labels: readonly string[];
  /** [outputs][hidden] */
  readonly W: Matrix;
  readonly b: Vec;
}

export type ModelTask = 'demo' | 'sentiment' | 'sentiment-zh' | 'memory' | 'charlm' | 'charlm-zh' | 'chars' | 'wave' | 'series' | 'translate' | 'custom';

export interface Model {
  readonly id: string;
  readonly task: ModelTask;
  readonly trained: boolean;
  readonly embedding: Embedding;
  /** The recurrent layer that reads x_t (of a stack: the bottom one). */
  readonly cell: CellParams;
  /**
   * A stack's layers above `cell`, bottom up, each reading the h of the layer below (stack.ts);
   * absent or empty for one layer. The head reads the top layer's h.
   */
  readonly above?: readonly CellParams[];
  readonly head: Head | null;
  /**
   * How typed text is split for this model (src/text/tokenize.ts): 'words' (punctuation split
   * off), 'whitespace' (at spaces only, as Python's str.split()), 'chars', or 'numbers' (a comma-
   * or space-separated series).
   */
  readonly tokenizer: 'words' | 'whitespace' | 'chars' | 'numbers';
}

const stacks = new WeakMap<Model, Stack>();

/** Every layer of `m`, bottom up; the same array for the same model (views key caches on it). */
export function stackOf(m: Model): Stack {
  let s = stacks.get(m);
  if (!s) stacks.set(m, (s = m.above?.length ? [m.cell, ...m.above] : [m.cell]));
  return s;
}

export interface EmbeddedToken {
  readonly token: string;
  /** What the model actually saw: the token itself, or `<unk>`. */
  readonly seen: string;
  readonly unknown: boolean;
  readonly x: Vec;
}

export const UNK = '<unk>';

function hashedVector(word: string, e: HashedEmbedding): Vec {
  const rng = createRng(hashString(word) ^ e.seed);
  const v = new Float64Array(e.dim);
  for (let k = 0; k < e.dim; k++) v[k] = rng.uniform(-1, 1);
  return v;
}

/** A number as the numbers tokenizer lets through ("0.25", "-1e-3"; text/tokenize.ts). */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export function embedToken(e: Embedding, token: string): EmbeddedToken {
  if (e.kind === 'scalar') {
    // The tokenizer only lets numbers through; a stray word reads as 0 and is marked unknown.
    const v = NUMBER.test(token) ? Number(token) : Number.NaN;
    const ok = Number.isFinite(v);
    return { token, seen: ok ? token : UNK, unknown: !ok, x: Float64Array.of(ok ? v : 0) };
  }
  if (e.kind === 'hashed') {
    const key = token.toLowerCase();
    return { token, seen: key, unknown: false, x: hashedVector(key, e) };
  }
  const key = e.lowercase ? token.toLowerCase() : token;
  let id = e.vocab.indexOf(key);
  const unknown = id < 0;
  if (unknown) id = e.unk;
  const row = e.table.data.subarray(id * e.dim, (id + 1) * e.dim);
  return { token, seen: unknown ? UNK : key, unknown, x: Float64Array.from(row) };
}

/** The head's output for one hidden state: probabilities that sum to 1 over `labels` (linear: [value]). */
export function predict(head: Head, h: Vec): number[] {
  const logits = Float64Array.from(head.b);
  matVecAdd(head.W, h, logits);
  if (head.kind === 'linear') return [logits[0]!];
  if (head.kind === 'sigmoid') {
    const p = sigmoid(logits[0]!);
    return [1 - p, p];
  }
  // Typed arrays and plain loops: a character model's head has ~1,800 outputs at every step.
  // Same operations in the same order as exp / sum-from-0 / divide, so the values are unchanged.
  const n = logits.length;
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, logits[k]!);
  const e = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    e[k] = Math.exp(logits[k]! - max);
    sum += e[k]!;
  }
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = e[k]! / sum;
  return out;
}
