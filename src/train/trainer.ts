/**
 * The training loop: shuffle (seeded), mini-batches whose gradient is the mean of the
 * per-sequence gradients, global-norm clipping, Adam. Pure: no files, no clock (the caller
 * times it), so a unit test can run it on a tiny task.
 */
import { createRng } from '../engine';
import { Adam, clipByGlobalNorm } from './adam';
import { accumulateGrads, finalProbs } from './loss';
import { modelGrads, modelParams, zeroModelGrads, type TrainableModel } from './network';

/** An example already turned into embedding row ids. */
export interface Encoded {
  readonly ids: readonly number[];
  readonly label: number;
  readonly gap?: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly seed: number;
  /** The training set for an epoch (lets the memory task lengthen its gaps as it learns). */
  readonly data: (epoch: number) => readonly Encoded[];
  readonly onEpoch?: (e: EpochStats) => void;
}

export interface EpochStats {
  readonly epoch: number;
  /** Mean training loss over the epoch (measured before each batch's update). */
  readonly loss: number;
  readonly gradNorm: number;
}

export function train(m: TrainableModel, o: TrainOptions): EpochStats[] {
  const rng = createRng(o.seed);
  const params = modelParams(m);
  const adam = new Adam(params, { lr: o.lr });
  const stats: EpochStats[] = [];
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const data = o.data(epoch);
    const order = Array.from(data.keys());
    for (let k = order.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [order[k], order[j]] = [order[j]!, order[k]!];
    }
    let lossSum = 0;
    let normSum = 0;
    let batches = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      const batch = order.slice(start, start + o.batchSize);
      const g = zeroModelGrads(m);
      for (const i of batch) lossSum += accumulateGrads(m, data[i]!.ids, data[i]!.label, g);
      const flat = modelGrads(g);
      for (const a of flat) for (let k = 0; k < a.data.length; k++) a.data[k] = a.data[k]! / batch.length;
      normSum += clipByGlobalNorm(flat, o.clipNorm);
      adam.step(flat);
      batches++;
    }
    const s = { epoch, loss: lossSum / data.length, gradNorm: normSum / batches };
    stats.push(s);
    o.onEpoch?.(s);
  }
  return stats;
}

export function predictLabel(m: TrainableModel, ids: readonly number[]): number {
  const p = finalProbs(m, ids);
  let best = 0;
  p.forEach((v, k) => {
    if (v > p[best]!) best = k;
  });
  return best;
}

export function accuracy(m: TrainableModel, data: readonly Encoded[]): number {
  if (data.length === 0) return NaN;
  let ok = 0;
  for (const e of data) if (predictLabel(m, e.ids) === e.label) ok++;
  return ok / data.length;
}

export function meanLoss(m: TrainableModel, data: readonly Encoded[]): number {
  let s = 0;
  for (const e of data) s -= Math.log(Math.max(finalProbs(m, e.ids)[e.label]!, 1e-300));
  return s / data.length;
}
