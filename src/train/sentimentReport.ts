/**
 * What the sentiment report adds to accuracy on held-out templates: accuracy on held-out *real*
 * reviews, on the held-out hand-written everyday sentences (the test hash part of
 * data/sentimentHand.ts, split before training and never trained on), on the 40 older everyday
 * sentences (data/everyday.ts: never trained on, but looked at while the recipe was tuned), the share of their tokens the
 * vocabulary knows, and the same numbers for two baselines on the same data: bag-of-words
 * logistic regression (trained on the same training set, kept by the same validation) and the
 * majority class.
 */
import type { TableEmbedding } from '../engine';
import { trainBow, bowAccuracy } from './bow';
import { EVERYDAY } from './data/everyday';
import type { ReviewSplits } from './data/reviews';
import { handwrittenExamples, sentenceTokens, sentimentExamples } from './data/sentiment';
import type { Example } from './data/types';
import { tokenIds, type TrainableModel } from './network';
import { accuracy, type Encoded } from './trainer';

const BOW = { epochs: 20, batchSize: 32, lr: 0.05, l2: 1e-4, seed: 7070 } as const;
/** The same held-out templates as the report's heldoutAccuracy (seed and size of tasks.ts). */
const HELDOUT_SEED = 2002;
const HELDOUT_N = 1000;

/**
 * The bag-of-words baseline over `embedding`'s vocabulary, trained on `train` and kept by
 * `validation` (fixed seed: the same every time). Without validation data it keeps its best epoch
 * on the training set itself.
 */
function bagOfWordsModel(embedding: TableEmbedding, train: readonly Example[], validation: readonly Example[] | null) {
  const encode = (xs: readonly Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(embedding, e.tokens), label: e.label }));
  const trainEnc = encode(train);
  return trainBow(trainEnc, validation ? encode(validation) : trainEnc, { vocabSize: embedding.vocab.length, ...BOW });
}

/** The same baseline as a function: which of `xs` it gets right (1) or wrong (0), one per sentence. */
export function bagOfWords(embedding: TableEmbedding, train: readonly Example[], validation: readonly Example[] | null): (xs: readonly Example[]) => number[] {
  const bow = bagOfWordsModel(embedding, train, validation);
  return (xs) => xs.map((e) => bowAccuracy(bow, [{ ids: tokenIds(embedding, e.tokens), label: e.label }]));
}

const everydayExamples = (): Example[] => EVERYDAY.map((e) => ({ tokens: sentenceTokens(e.text), label: e.label }));

export function sentimentReport(m: TrainableModel, train: readonly Example[], validation: readonly Example[] | null, reviews: ReviewSplits | null): Record<string, unknown> {
  const encode = (xs: readonly Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(m.embedding, e.tokens), label: e.label }));
  const known = (xs: readonly Example[]) => {
    const vocab = new Set(m.embedding.vocab);
    const all = xs.flatMap((e) => e.tokens);
    return all.filter((t) => vocab.has(t)).length / all.length;
  };
  const everyday = everydayExamples();
  const templates = encode(sentimentExamples(HELDOUT_N, HELDOUT_SEED, 'heldout'));
  const bow = bagOfWordsModel(m.embedding, train, validation);
  const test = reviews ? encode(reviews.test) : null;
  const positives = test ? test.filter((e) => e.label === 1).length / test.length : null;
  const handTest = handwrittenExamples('test');
  const majority = train.filter((e) => e.label === 1).length * 2 >= train.length ? 1 : 0;
  return {
    trainReviews: reviews?.train.length ?? 0,
    validationReviews: reviews?.validation.length ?? 0,
    heldoutReviews: reviews?.test.length ?? 0,
    ...(test ? { heldoutReviewAccuracy: accuracy(m, test), reviewTokensKnown: known(reviews!.test) } : {}),
    heldoutEveryday: {
      examples: handTest.length,
      accuracy: accuracy(m, encode(handTest)),
      bagOfWords: bowAccuracy(bow, encode(handTest)),
      majority: handTest.filter((e) => e.label === majority).length / handTest.length,
      tokensKnown: known(handTest),
    },
    everydayAccuracy: accuracy(m, encode(everyday)),
    everydaySentences: everyday.length,
    everydayTokensKnown: known(everyday),
    baselines: {
      bagOfWords: {
        templates: bowAccuracy(bow, templates),
        everyday: bowAccuracy(bow, encode(everyday)),
        ...(test ? { reviews: bowAccuracy(bow, test) } : {}),
      },
      ...(positives !== null ? { majorityReviews: Math.max(positives, 1 - positives) } : {}),
    },
  };
}
