/**
 * What the sentiment report adds to accuracy on held-out templates: accuracy on held-out *real*
 * reviews and on everyday sentences (data/everyday.ts), the share of their tokens the
 * vocabulary knows, and the same numbers for two baselines on the same data: bag-of-words
 * logistic regression (trained on the same training set, kept by the same validation) and the
 * majority class.
 */
import { tokenize } from '../text/tokenize';
import { trainBow, bowAccuracy } from './bow';
import { EVERYDAY } from './data/everyday';
import type { ReviewSplits } from './data/reviews';
import { sentimentExamples } from './data/sentiment';
import type { Example } from './data/types';
import { tokenIds, type TrainableModel } from './network';
import { accuracy, type Encoded } from './trainer';

const BOW = { epochs: 20, batchSize: 32, lr: 0.05, l2: 1e-4, seed: 7070 } as const;
/** The same held-out templates as the report's heldoutAccuracy (seed and size of tasks.ts). */
const HELDOUT_SEED = 2002;
const HELDOUT_N = 1000;

const everydayExamples = (): Example[] => EVERYDAY.map((e) => ({ tokens: tokenize(e.text).tokens.map((t) => t.toLowerCase()), label: e.label }));

export function sentimentReport(m: TrainableModel, train: readonly Example[], validation: readonly Example[] | null, reviews: ReviewSplits | null): Record<string, unknown> {
  const encode = (xs: readonly Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(m.embedding, e.tokens), label: e.label }));
  const known = (xs: readonly Example[]) => {
    const vocab = new Set(m.embedding.vocab);
    const all = xs.flatMap((e) => e.tokens);
    return all.filter((t) => vocab.has(t)).length / all.length;
  };
  const everyday = everydayExamples();
  const templates = encode(sentimentExamples(HELDOUT_N, HELDOUT_SEED, 'heldout'));
  const trainEnc = encode(train);
  // Without validation reviews, the baseline keeps its best epoch on the training set itself.
  const bow = trainBow(trainEnc, validation ? encode(validation) : trainEnc, { vocabSize: m.embedding.vocab.length, ...BOW });
  const test = reviews ? encode(reviews.test) : null;
  const positives = test ? test.filter((e) => e.label === 1).length / test.length : null;
  return {
    trainReviews: reviews?.train.length ?? 0,
    validationReviews: reviews?.validation.length ?? 0,
    heldoutReviews: reviews?.test.length ?? 0,
    ...(test ? { heldoutReviewAccuracy: accuracy(m, test), reviewTokensKnown: known(reviews!.test) } : {}),
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
