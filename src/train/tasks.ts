/**
 * What is trained for each shipped model: data, sizes and hyper-parameters, all fixed, so
 * `npm run train` reproduces the files in public/models/ bit for bit on any machine.
 */
import { kindOf, stackOf, type CellKind } from '../engine';
import { MEMORY_GAPS, LANGUAGES, memoryExamples, memoryExamplesAtGap } from './data/memory';
import { SENTIMENT_LABELS, handwrittenExamples, sentimentExamples } from './data/sentiment';
import type { Example } from './data/types';
import { buildVocab, initNetwork, tokenIds, type TrainableModel } from './network';
import { frequentWords, type ReviewSplits } from './data/reviews';
import { sentimentReport } from './sentimentReport';
import { sentimentZhReport } from './sentimentZhReport';
import { sentimentZhExamples, zhChars } from './data/sentimentZh';
import { ZH_HANDWRITTEN } from './data/sentimentZhHand';
import { roleOf, type Role } from './data/split';
import { accuracy, evaluate, meanLoss, train, type Encoded, type EpochStats } from './trainer';

export const TASKS = ['sentiment', 'memory', 'sentiment-zh'] as const;
export type TrainTask = (typeof TASKS)[number];

/** `sentiment-lstm`; a stack adds its layer count: `sentiment-lstm-2layers`. */
const modelId = (task: TrainTask, kind: CellKind, layers = 1) => (layers > 1 ? `${task}-${kind}-${layers}layers` : `${task}-${kind}`);

/**
 * Distinct seeds per role: training data, held-out data and weights never share a stream. (Seeds
 * alone do not keep the data apart, since two streams can draw the same sentence: the split of
 * each sentence is fixed by a hash of its tokens, see data/split.ts.)
 */
export const SEED = { trainData: 1001, heldout: 2002, weights: 3003, shuffle: 4004, validation: 5005 } as const;

interface TrainReport {
  readonly id: string;
  readonly task: TrainTask;
  readonly kind: CellKind;
  readonly embedDim: number;
  readonly hidden: number;
  readonly vocabSize: number;
  readonly params: number;
  readonly trainExamples: number;
  readonly heldoutExamples: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly finalTrainLoss: number;
  readonly heldoutLoss: number;
  readonly heldoutAccuracy: number;
  /** Memory only: held-out accuracy at each gap length (filler tokens between country and answer). */
  readonly heldoutAccuracyByGap?: Readonly<Record<string, number>>;
  /** Examples per gap in heldoutAccuracyByGap, and the longest gap trained on (memory only). */
  readonly heldoutPerGap?: number;
  readonly maxTrainGap?: number;
  readonly lossCurve: readonly number[];
  /** Keep-best runs only: validation examples (never trained on, not the held-out test set), score per epoch, and the epoch kept. */
  readonly validationExamples?: number;
  readonly valCurve?: readonly number[];
  readonly bestEpoch?: number;
  /** Learning rate per epoch, when it is not constant. */
  readonly lrCurve?: readonly number[];
  /**
   * Restart runs only: every run tried (its seed offset, the validation accuracy of its kept epoch,
   * that epoch) and the index of the one shipped; see TaskConfig.restarts.
   */
  readonly restarts?: ReadonlyArray<{ readonly seedOffset: number; readonly valAccuracy: number; readonly bestEpoch: number }>;
  readonly restartKept?: number;
  /** Filled in by the script that times the run. */
  wallSeconds?: number;
  /** Task-specific measurements (sentiment: real reviews, everyday sentences, baselines). */
  readonly [extra: string]: unknown;
}

interface TaskConfig {
  readonly embedDim: number;
  readonly hidden: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly clipNorm: number;
  readonly headKind: 'sigmoid' | 'softmax';
  readonly labels: readonly string[];
  /** How text is split (default: words). */
  readonly tokenizer?: TrainableModel['tokenizer'];
  readonly trainSet: (d: TaskData) => Example[];
  /** Different for each epoch only when the task uses a curriculum (null: `trainSet` every epoch). */
  readonly epochExamples: (epoch: number) => Example[] | null;
  readonly heldoutSets: (d: TaskData) => Record<string, Example[]>;
  /** Optional: a validation set for keep-best-epoch (its own seed; disjoint from the held-out test set's). */
  readonly validationSet?: (d: TaskData) => Example[] | null;
  /** Optional: the vocabulary (default: every word of the training set, buildVocab). */
  readonly vocab?: (train: readonly Example[], d: TaskData) => string[];
  /** Optional: more measurements for the report (baselines, other held-out sets). */
  readonly extraReport?: (m: TrainableModel, train: readonly Example[], validation: readonly Example[] | null, d: TaskData) => Record<string, unknown>;
  /** Optional learning rate per epoch (default `lr` throughout). */
  readonly lrAt?: (epoch: number) => number;
  /**
   * Optional random restarts (needs a validation set): train again with new weight and shuffle
   * seeds until the kept epoch's validation accuracy reaches `target`, at most `max` runs, and ship
   * the run with the best validation score. Chosen on validation data only, never the held-out test.
   */
  readonly restarts?: { readonly max: number; readonly target: number };
}

/** Data read from files by the training script (src/train stays pure); null where not given. */
interface TaskData {
  readonly reviews: ReviewSplits | null;
}
export const NO_DATA: TaskData = { reviews: null };

/** Generated English training sentences (3,000 before the grammar grew superlatives, contrast in both orders, feelings and verdicts). */
export const SENTIMENT_TRAIN = 6000;
/** How often each hand-written English training sentence is seen an epoch (they are few beside the generated ones). */
const SENTIMENT_HAND_REPEAT = 3;
const sentimentHandTrain = () => Array.from({ length: SENTIMENT_HAND_REPEAT }, () => handwrittenExamples('train')).flat();
/** Chinese sentiment: generated sentences per split, and how often each hand-written training sentence is repeated. */
const ZH = { train: 4000, validation: 400, heldout: 1000, handRepeat: 3, minCount: 2 } as const;
/** The hand-written Chinese sentences of one hash part (split.ts), as characters. */
const zhHandwritten = (role: Role): Example[] => ZH_HANDWRITTEN.map((h) => ({ tokens: zhChars(h.text), label: h.label })).filter((e) => roleOf(e.tokens) === role);
const zhHeldout = () => ({ generated: sentimentZhExamples(ZH.heldout, SEED.heldout, 'test'), everyday: zhHandwritten('test') });
export const SENTIMENT_HELDOUT = 1000;
/** Validation templates for keep-best (beside the validation reviews). */
export const SENTIMENT_VALIDATION = 500;
/** The most frequent training-review words added to the template words. */
const SENTIMENT_REVIEW_WORDS = 3000;
const MEMORY_TRAIN_PER_EPOCH = 1500;
export const MEMORY_HELDOUT_PER_GAP = 200;
/** Validation for keep-best-epoch: per trained gap, from its own seeds (not the held-out test set). */
export const MEMORY_VALIDATION_PER_GAP = 40;
/** Gaps the memory models are evaluated at: the ones they trained on, and longer ones (60–160, beyond training). */
export const MEMORY_EVAL_GAPS = [...MEMORY_GAPS, 60, 80, 120, 160] as const;
const MEMORY_MAX_TRAIN_GAP = 40;
/** At most this many runs per memory model (see TaskConfig.restarts). */
const MEMORY_MAX_RESTARTS = 8;
/** Seed offset of restart r (weights and shuffle): r × 100. */
const RESTART_SEED_STEP = 100;

export const CONFIGS: Record<TrainTask, TaskConfig> = {
  sentiment: {
    // Larger than the template-only models (8, 12): real reviews have thousands of words.
    embedDim: 16,
    hidden: 24,
    epochs: 8,
    batchSize: 16,
    lr: 0.005,
    clipNorm: 5,
    headKind: 'sigmoid',
    labels: SENTIMENT_LABELS,
    // Templates (negation, contrast, superlatives; films, food, products, places, service), the
    // hand-written sentences of the training hash part, and the training reviews.
    trainSet: (d) => [...sentimentExamples(SENTIMENT_TRAIN, SEED.trainData, 'train'), ...sentimentHandTrain(), ...(d.reviews?.train ?? [])],
    vocab: (train, d) => {
      const templates = buildVocab(train.slice(0, SENTIMENT_TRAIN + sentimentHandTrain().length).map((e) => e.tokens));
      const known = new Set(templates);
      return [...templates, ...frequentWords(d.reviews?.train ?? [], SENTIMENT_REVIEW_WORDS, 3).filter((w) => !known.has(w))];
    },
    // Keep-best on validation reviews (a split of the dataset's training reviews) and validation
    // templates, both never trained on: reviews alone let a model that had not yet learned
    // negation win (the RNN's best review epoch got "… great but … awful" wrong).
    // The hand-written sentences of the validation hash part join them.
    validationSet: (d) => (d.reviews ? [...d.reviews.validation, ...sentimentExamples(SENTIMENT_VALIDATION, SEED.validation, 'validation'), ...handwrittenExamples('validation')] : null),
    epochExamples: () => null,
    heldoutSets: () => ({ all: sentimentExamples(SENTIMENT_HELDOUT, SEED.heldout, 'heldout') }),
    extraReport: (m, train, validation, d) => sentimentReport(m, train, validation, d.reviews),
  },
  'sentiment-zh': {
    // The English sentiment recipe, reading characters: the vocabulary is a few hundred characters.
    embedDim: 16,
    hidden: 24,
    epochs: 10,
    batchSize: 16,
    lr: 0.005,
    clipNorm: 5,
    headKind: 'sigmoid',
    labels: SENTIMENT_LABELS,
    tokenizer: 'chars',
    // The hand-written sentences are few beside the generated ones, so each is seen three times an epoch.
    trainSet: () => [...sentimentZhExamples(ZH.train, SEED.trainData, 'train'), ...Array.from({ length: ZH.handRepeat }, () => zhHandwritten('train')).flat()],
    // A character seen once in training is <unk>, so the model learns what an unseen character is like.
    vocab: (train) => {
      const count = new Map<string, number>();
      for (const e of train.slice(0, ZH.train + zhHandwritten('train').length)) for (const c of e.tokens) count.set(c, (count.get(c) ?? 0) + 1);
      return buildVocab([[...count].filter(([, n]) => n >= ZH.minCount).map(([c]) => c)]);
    },
    validationSet: () => [...sentimentZhExamples(ZH.validation, SEED.validation, 'validation'), ...zhHandwritten('validation')],
    epochExamples: () => null,
    heldoutSets: zhHeldout,
    extraReport: (m, train, validation) => sentimentZhReport(m, train, validation, zhHeldout()),
  },
  memory: {
    embedDim: 8,
    hidden: 12,
    epochs: 24,
    batchSize: 8,
    // Same rate, clipping and schedule for every kind, for a fair comparison. 0.01 left the RNN
    // at chance; 0.002 and 0.003 with the old curriculum (no short-gap half) left it at 50–80% at
    // every gap after exploding gradients (measured; see README).
    lr: 0.003,
    clipNorm: 1,
    headKind: 'softmax',
    labels: LANGUAGES,
    // The same rule for every kind. With the varied filler a plain RNN's run is a lottery: in 8
    // runs of 40 epochs (seed offsets 0–700) one learned the task and the others ended far lower (figures in the README).
    restarts: { max: MEMORY_MAX_RESTARTS, target: 0.99 },
    // The vocabulary comes from one long-gap set; each epoch draws fresh sequences.
    trainSet: () => memoryExamples(MEMORY_TRAIN_PER_EPOCH, SEED.trainData, 5, MEMORY_MAX_TRAIN_GAP),
    // Mixed curriculum (Zaremba & Sutskever 2014, "Learning to Execute"): each epoch, half the
    // sequences have short gaps (0–10), half come from a window whose longest gap grows by 2 an
    // epoch up to 40, so short gaps are never forgotten while long ones are added. Without a
    // curriculum (gaps 5–40 from the start) the RNN stayed at chance.
    epochExamples: (epoch) => {
      const half = MEMORY_TRAIN_PER_EPOCH / 2;
      const maxGap = Math.min(MEMORY_MAX_TRAIN_GAP, 2 + epoch * 2);
      const short = memoryExamples(half, SEED.trainData + 17 * (epoch + 1), 0, 10);
      const window = memoryExamples(half, SEED.trainData + 500 + 17 * (epoch + 1), Math.min(5, epoch), maxGap);
      return [...short, ...window];
    },
    // Keep-best-epoch on its own split (never trained on, never the held-out test sets below).
    validationSet: () => MEMORY_GAPS.flatMap((g) => memoryExamplesAtGap(MEMORY_VALIDATION_PER_GAP, SEED.validation + g, g, 'validation')),
    heldoutSets: () => Object.fromEntries(MEMORY_EVAL_GAPS.map((g) => [String(g), memoryExamplesAtGap(MEMORY_HELDOUT_PER_GAP, SEED.heldout + g, g)])),
  },
};

interface TrainedModel {
  readonly model: TrainableModel;
  readonly report: TrainReport;
}

export function countParams(m: TrainableModel): number {
  const cellParams = stackOf(m).reduce((sum, c) => {
    const perAffine = c.hiddenSize * (c.inputSize + c.hiddenSize + 2);
    const kind = kindOf(c.kind);
    return sum + kind.gates.length * perAffine + (kind.peepholes ? 3 * c.hiddenSize : 0);
  }, 0);
  return cellParams + m.embedding.table.data.length + m.head.W.data.length + m.head.b.length;
}

interface Run {
  readonly model: TrainableModel;
  readonly stats: EpochStats[];
  readonly bestEpoch: number;
  readonly seen: number;
  readonly seedOffset: number;
  /** Validation accuracy and score of the kept weights (NaN without a validation set). */
  readonly valAccuracy: number;
  readonly valScore: number;
}

export function trainModel(
  task: TrainTask,
  kind: CellKind,
  onEpoch?: (s: EpochStats, restart: number) => void,
  epochs?: number,
  data: TaskData = NO_DATA,
  /** Stacked layers (the same recipe otherwise), e.g. the shipped 2-layer sentiment LSTM. */
  layers = 1,
): TrainedModel {
  const cfg = CONFIGS[task];
  const trainSet = cfg.trainSet(data);
  const vocab = cfg.vocab ? cfg.vocab(trainSet, data) : buildVocab(trainSet.map((e) => e.tokens));
  const id = modelId(task, kind, layers);
  const nEpochs = epochs ?? cfg.epochs;
  const validationExamples = cfg.validationSet ? cfg.validationSet(data) : null;

  const fit = (restart: number): Run => {
    const seedOffset = restart * RESTART_SEED_STEP;
    const model = initNetwork({
      id,
      task,
      kind,
      vocab,
      embedDim: cfg.embedDim,
      hidden: cfg.hidden,
      headKind: cfg.headKind,
      labels: cfg.labels,
      seed: SEED.weights + kindOf(kind).seedOffset + seedOffset,
      layers,
      ...(cfg.tokenizer ? { tokenizer: cfg.tokenizer } : {}),
    });
    const encode = (xs: Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(model.embedding, e.tokens), label: e.label, ...(e.gap !== undefined ? { gap: e.gap } : {}) }));
    const encodedTrain = encode(trainSet);
    let seen = 0;
    const validation = validationExamples ? encode(validationExamples) : null;
    // Accuracy decides; the loss (×0.01) only breaks ties, e.g. between epochs that are all 100% right.
    const score = (v: { accuracy: number; loss: number }) => v.accuracy - 0.01 * v.loss;
    const validate = validation ? () => score(evaluate(model, validation)) : undefined;
    const { stats, bestEpoch } = train(model, {
      epochs: nEpochs,
      batchSize: cfg.batchSize,
      lr: cfg.lr,
      clipNorm: cfg.clipNorm,
      seed: SEED.shuffle + kindOf(kind).seedOffset + seedOffset,
      data: (epoch) => {
        const xs = cfg.epochExamples(epoch);
        const d = xs ? encode(xs) : encodedTrain;
        seen += d.length;
        return d;
      },
      ...(onEpoch ? { onEpoch: (s: EpochStats) => onEpoch(s, restart) } : {}),
      ...(validate ? { validate } : {}),
      ...(cfg.lrAt ? { lrAt: cfg.lrAt } : {}),
    });
    const v = validation ? evaluate(model, validation) : null;
    return { model, stats, bestEpoch, seen, seedOffset, valAccuracy: v ? v.accuracy : NaN, valScore: v ? score(v) : NaN };
  };

  const runs: Run[] = [];
  const maxRuns = cfg.restarts && validationExamples ? cfg.restarts.max : 1;
  for (let r = 0; r < maxRuns; r++) {
    const run = fit(r);
    runs.push(run);
    if (cfg.restarts && run.valAccuracy >= cfg.restarts.target) break;
  }
  const kept = runs.reduce((best, r, k) => (r.valScore > runs[best]!.valScore ? k : best), 0);
  const { model, stats, bestEpoch, seen } = runs[kept]!;
  const validation = validationExamples;
  const encode = (xs: Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(model.embedding, e.tokens), label: e.label, ...(e.gap !== undefined ? { gap: e.gap } : {}) }));

  const heldout = Object.fromEntries(Object.entries(cfg.heldoutSets(data)).map(([k, v]) => [k, encode(v)]));
  const all = Object.values(heldout).flat();
  const byGap = task === 'memory' ? Object.fromEntries(Object.entries(heldout).map(([g, d]) => [g, accuracy(model, d)])) : undefined;
  const report: TrainReport = {
    id,
    task,
    kind,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    ...(layers > 1 ? { layers } : {}),
    vocabSize: vocab.length,
    params: countParams(model),
    trainExamples: seen,
    heldoutExamples: all.length,
    epochs: nEpochs,
    batchSize: cfg.batchSize,
    lr: cfg.lr,
    clipNorm: cfg.clipNorm,
    // The training loss of the epoch whose weights are kept (the last one without keep-best).
    finalTrainLoss: stats[bestEpoch]?.loss ?? NaN,
    heldoutLoss: meanLoss(model, all),
    // For memory, the mean over the trained gaps (5–40) only: 60–160 are beyond training.
    heldoutAccuracy:
      task === 'memory'
        ? accuracy(
            model,
            MEMORY_GAPS.flatMap((g) => heldout[String(g)]!),
          )
        : accuracy(model, all),
    ...(byGap ? { heldoutAccuracyByGap: byGap, heldoutPerGap: MEMORY_HELDOUT_PER_GAP, maxTrainGap: MEMORY_MAX_TRAIN_GAP } : {}),
    lossCurve: stats.map((s) => s.loss),
    ...(validation ? { validationExamples: validation.length, valCurve: stats.map((s) => s.valScore ?? NaN), bestEpoch } : {}),
    ...(cfg.lrAt ? { lrCurve: stats.map((s) => s.lr) } : {}),
    ...(cfg.restarts && validation ? { restarts: runs.map((r) => ({ seedOffset: r.seedOffset, valAccuracy: r.valAccuracy, bestEpoch: r.bestEpoch })), restartKept: kept } : {}),
    ...(cfg.extraReport ? cfg.extraReport(model, trainSet, validation, data) : {}),
  };
  return { model, report };
}
