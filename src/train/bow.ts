/**
 * The baseline every recurrent sentiment model is reported against: bag-of-words logistic
 * regression on the same vocabulary, training data and validation (word order ignored:
 * p = σ(b + Σ_w∈sentence θ_w), each distinct word counted once). What it cannot do — tell
 * "not good" from "good, not" or weigh the clause after "but" — is what the recurrence adds.
 */
import { createRng, sigmoid } from '../engine';
import { Adam } from './adam';
import type { Encoded } from './trainer';
import { shuffledOrder } from './shuffle';

interface Bow {
  readonly theta: Float64Array;
  readonly bias: Float64Array;
}

const distinct = (ids: readonly number[]) => [...new Set(ids)];

function bowProb(m: Bow, ids: readonly number[]): number {
  let z = m.bias[0]!;
  for (const id of distinct(ids)) z += m.theta[id]!;
  return sigmoid(z);
}

export function bowAccuracy(m: Bow, data: readonly Encoded[]): number {
  let ok = 0;
  for (const e of data) if ((bowProb(m, e.ids) >= 0.5 ? 1 : 0) === e.label) ok++;
  return ok / data.length;
}

interface BowOptions {
  readonly vocabSize: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  /** L2 penalty per weight (mean over the batch). */
  readonly l2: number;
  readonly seed: number;
}

/** Mini-batch Adam on the mean log-loss; the epoch with the best validation accuracy is kept. */
export function trainBow(train: readonly Encoded[], validation: readonly Encoded[], o: BowOptions): Bow {
  const m: Bow = { theta: new Float64Array(o.vocabSize), bias: new Float64Array(1) };
  const params = [
    { name: 'theta', data: m.theta },
    { name: 'bias', data: m.bias },
  ];
  const adam = new Adam(params, { lr: o.lr });
  const rng = createRng(o.seed);
  let best = { acc: -1, theta: Float64Array.from(m.theta), bias: Float64Array.from(m.bias) };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = shuffledOrder(train.length, rng);
    for (let s = 0; s < order.length; s += o.batchSize) {
      const batch = order.slice(s, s + o.batchSize);
      const gT = new Float64Array(o.vocabSize);
      const gB = new Float64Array(1);
      for (const i of batch) {
        const e = train[i]!;
        const d = (bowProb(m, e.ids) - e.label) / batch.length;
        gB[0] = gB[0]! + d;
        for (const id of distinct(e.ids)) gT[id] = gT[id]! + d;
      }
      for (let k = 0; k < gT.length; k++) gT[k] = gT[k]! + o.l2 * m.theta[k]!;
      adam.step([
        { name: 'theta', data: gT },
        { name: 'bias', data: gB },
      ]);
    }
    const acc = bowAccuracy(m, validation);
    if (acc > best.acc) best = { acc, theta: Float64Array.from(m.theta), bias: Float64Array.from(m.bias) };
  }
  m.theta.set(best.theta);
  m.bias.set(best.bias);
  return m;
}
