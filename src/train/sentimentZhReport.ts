/**
 * What the Chinese sentiment report adds: accuracy on each held-out set (generated sentences,
 * hand-written everyday sentences) and the share of their characters the vocabulary knows, beside
 * two baselines on the same sets: bag-of-characters logistic regression (the same vocabulary,
 * training data and validation; it sees which characters occur, not their order, so it cannot
 * tell 不好 from 好，不…) and the majority class of the training data.
 */
import type { TableEmbedding } from '../engine';
import { bowAccuracy, trainBow } from './bow';
import type { Example } from './data/types';
import { tokenIds, type TrainableModel } from './network';
import { accuracy, type Encoded } from './trainer';

const BOC = { epochs: 20, batchSize: 32, lr: 0.05, l2: 1e-4, seed: 7171 } as const;

/**
 * The bag-of-characters baseline over `m`'s vocabulary, trained on `train` and kept by
 * `validation` (fixed seed: the same every time), and its accuracy on any sentences. Every kind's
 * model has the same vocabulary (built from the same training data), so this is one baseline.
 */
export function bagOfCharacters(embedding: TableEmbedding, train: readonly Example[], validation: readonly Example[] | null): (xs: readonly Example[]) => number {
  const encode = (xs: readonly Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(embedding, e.tokens), label: e.label }));
  const trainEnc = encode(train);
  const boc = trainBow(trainEnc, validation ? encode(validation) : trainEnc, { vocabSize: embedding.vocab.length, ...BOC });
  return (xs) => bowAccuracy(boc, encode(xs));
}

export function sentimentZhReport(m: TrainableModel, train: readonly Example[], validation: readonly Example[] | null, heldout: Readonly<Record<string, readonly Example[]>>): Record<string, unknown> {
  const encode = (xs: readonly Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(m.embedding, e.tokens), label: e.label }));
  const vocab = new Set(m.embedding.vocab);
  const known = (xs: readonly Example[]) => {
    const all = xs.flatMap((e) => e.tokens);
    return all.filter((t) => vocab.has(t)).length / all.length;
  };
  const boc = bagOfCharacters(m.embedding, train, validation);
  const positives = train.filter((e) => e.label === 1).length / train.length;
  const majority = positives >= 0.5 ? 1 : 0;
  const sets = Object.fromEntries(
    Object.entries(heldout).map(([name, xs]) => {
      const enc = encode(xs);
      return [
        name,
        {
          examples: xs.length,
          accuracy: accuracy(m, enc),
          bagOfCharacters: boc(xs),
          majority: xs.filter((e) => e.label === majority).length / xs.length,
          charsKnown: known(xs),
        },
      ];
    }),
  );
  return { heldoutSets: sets };
}
