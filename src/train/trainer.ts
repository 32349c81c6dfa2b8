/**
 * The training loop: shuffle (seeded), mini-batches whose gradient is the mean of the
 * per-sequence gradients, global-norm clipping, Adam. Pure: no files, no clock (the caller
 * times it), so a unit test can run it on a tiny task.
 */
import { createRng } from '../engine';
import { Adam, clipByGlobalNorm } from './adam';
import { accumulateGrads, finalProbs } from './loss';
import { modelGrads, modelParams, zeroModelGrads, type AnyTrainable, type ModelGrads, type TrainableModel } from './network';
import { shuffledOrder } from './shuffle';

/** An example already turned into embedding row ids. */
export interface Encoded {
  readonly ids: readonly number[];
  readonly label: number;
  readonly gap?: number;
}

interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly seed: number;
  /** The training set for an epoch (lets the memory task lengthen its gaps as it learns). */
  readonly data: (epoch: number) => readonly Encoded[];
  readonly onEpoch?: (e: EpochStats) => void;
  /**
   * Optional learning rate per epoch (default: `lr` throughout). Adam's moments carry over.
   */
  readonly lrAt?: (epoch: number) => number;
  /**
   * Optional validation after each epoch (higher is better, e.g. accuracy minus a small loss
   * term). When given, the weights of the best epoch are restored at the end ("keep best"),
   * so a late exploding gradient cannot undo what was learned. It must use data that is neither
   * trained on nor the held-out test set.
   */
  readonly validate?: () => number;
  /**
   * Adds one example's gradients into the batch's and returns its loss (default: the loss at the
   * last step, accumulateGrads; the character model scores every step, charlm.ts).
   */
  readonly accumulate?: Accumulate;
  /** Checked after each epoch (after `validate`): true ends training early. */
  readonly stop?: () => boolean;
}

export interface EpochStats {
  readonly epoch: number;
  /** Mean training loss over the epoch (measured before each batch's update). */
  readonly loss: number;
  readonly gradNorm: number;
  /** The validation score after this epoch (when `validate` is given). */
  readonly valScore?: number;
  readonly lr: number;
}

interface TrainResult {
  readonly stats: EpochStats[];
  /** The epoch whose weights the model holds at the end (the last, unless `validate` is given). */
  readonly bestEpoch: number;
}

type Accumulate<M extends AnyTrainable = TrainableModel, E = Encoded> = (m: M, e: E, g: ModelGrads) => number;
/** The default loss: the label's at the last step (loss.ts). */
export const lastStepLoss: Accumulate = (net, e, g) => accumulateGrads(net, e.ids, e.label, g);

/**
 * One update, the unit both `train` and the in-browser lab (lab.ts) are made of: the mean of the
 * batch's per-sequence gradients, clipped to `clipNorm` by global norm, then one Adam step.
 * Returns the summed loss (measured before the update) and the gradient's norm before clipping.
 */
export function trainBatch<M extends AnyTrainable = TrainableModel, E = Encoded>(
  m: M,
  adam: Adam,
  batch: readonly E[],
  clipNorm: number,
  accumulate: Accumulate<M, E>,
): { lossSum: number; gradNorm: number } {
  const g = zeroModelGrads(m);
  let lossSum = 0;
  for (const e of batch) lossSum += accumulate(m, e, g);
  const flat = modelGrads(g);
  for (const a of flat) for (let k = 0; k < a.data.length; k++) a.data[k] = a.data[k]! / batch.length;
  const gradNorm = clipByGlobalNorm(flat, clipNorm);
  adam.step(flat);
  return { lossSum, gradNorm };
}

export function train(m: TrainableModel, o: TrainOptions): TrainResult {
  const rng = createRng(o.seed);
  const params = modelParams(m);
  const adam = new Adam(params, { lr: o.lr });
  const stats: EpochStats[] = [];
  const accumulate = o.accumulate ?? lastStepLoss;
  let best: { epoch: number; score: number; weights: Float64Array[] } | null = null;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    adam.lr = o.lrAt ? o.lrAt(epoch) : o.lr;
    const data = o.data(epoch);
    const order = shuffledOrder(data.length, rng);
    let lossSum = 0;
    let normSum = 0;
    let batches = 0;
    for (let start = 0; start < order.length; start += o.batchSize) {
      const r = trainBatch(
        m,
        adam,
        order.slice(start, start + o.batchSize).map((i) => data[i]!),
        o.clipNorm,
        accumulate,
      );
      lossSum += r.lossSum;
      normSum += r.gradNorm;
      batches++;
    }
    const valScore = o.validate?.();
    const s: EpochStats = { epoch, loss: lossSum / data.length, gradNorm: normSum / batches, lr: adam.lr, ...(valScore !== undefined ? { valScore } : {}) };
    stats.push(s);
    o.onEpoch?.(s);
    if (valScore !== undefined && (best === null || valScore > best.score)) {
      best = { epoch, score: valScore, weights: params.map((p) => Float64Array.from(p.data)) };
    }
    if (o.stop?.()) break;
  }
  const kept = best;
  if (kept) params.forEach((p, j) => p.data.set(kept.weights[j]!));
  return { stats, bestEpoch: kept ? kept.epoch : stats.length - 1 };
}

function predictLabel(m: TrainableModel, ids: readonly number[]): number {
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

/** Accuracy and mean loss in one pass over the data. */
export function evaluate(m: TrainableModel, data: readonly Encoded[]): { accuracy: number; loss: number } {
  let ok = 0;
  let loss = 0;
  for (const e of data) {
    const p = finalProbs(m, e.ids);
    let best = 0;
    p.forEach((v, k) => {
      if (v > p[best]!) best = k;
    });
    if (best === e.label) ok++;
    loss -= Math.log(Math.max(p[e.label]!, 1e-300));
  }
  return { accuracy: ok / data.length, loss: loss / data.length };
}
