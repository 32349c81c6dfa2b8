/**
 * What is trained for each shipped model: data, sizes and hyper-parameters, all fixed, so
 * `npm run train` reproduces the files in public/models/ bit for bit on any machine.
 */
import type { CellKind } from '../engine';
import { MEMORY_GAPS, LANGUAGES, memoryExamples, memoryExamplesAtGap } from './data/memory';
import { SENTIMENT_LABELS, sentimentExamples } from './data/sentiment';
import type { Example } from './data/types';
import { buildVocab, initNetwork, tokenIds, type TrainableModel } from './network';
import { accuracy, meanLoss, train, type Encoded, type EpochStats } from './trainer';

export const TASKS = ['sentiment', 'memory'] as const;
export type TrainTask = (typeof TASKS)[number];

export const modelId = (task: TrainTask, kind: CellKind) => `${task}-${kind}`;

/** Distinct seeds per role: training data, held-out data and weights never share a stream. */
const SEED = { trainData: 1001, heldout: 2002, weights: 3003, shuffle: 4004 } as const;
const KIND_SEED: Record<CellKind, number> = { rnn: 1, lstm: 2, gru: 3, peephole: 4, coupled: 5 };

export interface TrainReport {
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
  readonly lossCurve: readonly number[];
  /** Filled in by the script that times the run. */
  wallSeconds?: number;
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
  readonly trainSet: () => Example[];
  /** Different for each epoch only when the task uses a curriculum. */
  readonly epochSet: (epoch: number, encode: (xs: Example[]) => Encoded[]) => Encoded[] | null;
  readonly heldoutSets: () => Record<string, Example[]>;
}

export const SENTIMENT_TRAIN = 3000;
export const SENTIMENT_HELDOUT = 1000;
export const MEMORY_TRAIN_PER_EPOCH = 1500;
export const MEMORY_HELDOUT_PER_GAP = 200;
/** Gaps the memory models are evaluated at: the ones they trained on, and longer ones. */
export const MEMORY_EVAL_GAPS = [...MEMORY_GAPS, 60, 80] as const;
const MEMORY_MAX_TRAIN_GAP = 40;

export const CONFIGS: Record<TrainTask, TaskConfig> = {
  sentiment: {
    embedDim: 8,
    hidden: 12,
    epochs: 6,
    batchSize: 16,
    lr: 0.01,
    clipNorm: 5,
    headKind: 'sigmoid',
    labels: SENTIMENT_LABELS,
    trainSet: () => sentimentExamples(SENTIMENT_TRAIN, SEED.trainData, 'train'),
    epochSet: () => null,
    heldoutSets: () => ({ all: sentimentExamples(SENTIMENT_HELDOUT, SEED.heldout, 'heldout') }),
  },
  memory: {
    embedDim: 8,
    hidden: 12,
    epochs: 20,
    batchSize: 8,
    // 0.01 made the RNN's loss stall at ln 6 (chance); at 0.003 it learns, then its gradients
    // explode now and then (measured; see README). Same rate for every kind, for a fair comparison.
    lr: 0.003,
    clipNorm: 1,
    headKind: 'softmax',
    labels: LANGUAGES,
    // The vocabulary comes from one long-gap set; each epoch draws fresh sequences.
    trainSet: () => memoryExamples(MEMORY_TRAIN_PER_EPOCH, SEED.trainData, 5, MEMORY_MAX_TRAIN_GAP),
    // Curriculum: gaps start at 0–2 and the longest grows by 3 an epoch up to 40, so even the
    // plain RNN first sees the country next to the question.
    epochSet: (epoch, encode) => {
      const maxGap = Math.min(MEMORY_MAX_TRAIN_GAP, 2 + epoch * 3);
      const minGap = Math.min(5, epoch);
      return encode(memoryExamples(MEMORY_TRAIN_PER_EPOCH, SEED.trainData + 17 * (epoch + 1), minGap, maxGap));
    },
    heldoutSets: () =>
      Object.fromEntries(MEMORY_EVAL_GAPS.map((g) => [String(g), memoryExamplesAtGap(MEMORY_HELDOUT_PER_GAP, SEED.heldout + g, g)])),
  },
};

export interface TrainedModel {
  readonly model: TrainableModel;
  readonly report: TrainReport;
}

export function countParams(m: TrainableModel): number {
  const c = m.cell;
  const perAffine = c.hiddenSize * (c.inputSize + c.hiddenSize + 2);
  const affines = c.kind === 'rnn' ? 1 : c.kind === 'gru' ? 3 : 4;
  const peep = c.kind === 'peephole' ? 3 * c.hiddenSize : 0;
  return affines * perAffine + peep + m.embedding.table.data.length + m.head.W.data.length + m.head.b.length;
}

export function trainModel(task: TrainTask, kind: CellKind, onEpoch?: (s: EpochStats) => void, epochs?: number): TrainedModel {
  const cfg = CONFIGS[task];
  const trainSet = cfg.trainSet();
  const vocab = buildVocab(trainSet.map((e) => e.tokens));
  const id = modelId(task, kind);
  const model = initNetwork({
    id,
    task,
    kind,
    vocab,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    headKind: cfg.headKind,
    labels: cfg.labels,
    seed: SEED.weights + KIND_SEED[kind],
  });
  const encode = (xs: Example[]): Encoded[] =>
    xs.map((e) => ({ ids: tokenIds(model.embedding, e.tokens), label: e.label, ...(e.gap !== undefined ? { gap: e.gap } : {}) }));
  const encodedTrain = encode(trainSet);
  const nEpochs = epochs ?? cfg.epochs;
  let seen = 0;
  const stats = train(model, {
    epochs: nEpochs,
    batchSize: cfg.batchSize,
    lr: cfg.lr,
    clipNorm: cfg.clipNorm,
    seed: SEED.shuffle + KIND_SEED[kind],
    data: (epoch) => {
      const d = cfg.epochSet(epoch, encode) ?? encodedTrain;
      seen += d.length;
      return d;
    },
    ...(onEpoch ? { onEpoch } : {}),
  });

  const heldout = Object.fromEntries(Object.entries(cfg.heldoutSets()).map(([k, v]) => [k, encode(v)]));
  const all = Object.values(heldout).flat();
  const byGap = task === 'memory' ? Object.fromEntries(Object.entries(heldout).map(([g, d]) => [g, accuracy(model, d)])) : undefined;
  const report: TrainReport = {
    id,
    task,
    kind,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    vocabSize: vocab.length,
    params: countParams(model),
    trainExamples: seen,
    heldoutExamples: all.length,
    epochs: nEpochs,
    batchSize: cfg.batchSize,
    lr: cfg.lr,
    clipNorm: cfg.clipNorm,
    finalTrainLoss: stats[stats.length - 1]?.loss ?? NaN,
    heldoutLoss: meanLoss(model, all),
    // For memory, the mean over the trained gaps (5–40) only: 60 and 80 are beyond training.
    heldoutAccuracy:
      task === 'memory'
        ? accuracy(model, MEMORY_GAPS.flatMap((g) => heldout[String(g)]!))
        : accuracy(model, all),
    ...(byGap ? { heldoutAccuracyByGap: byGap } : {}),
    lossCurve: stats.map((s) => s.loss),
  };
  return { model, report };
}
