/**
 * The memory lesson measured the way it is true: can a cell *learn* to carry the country across
 * a gap of g filler tokens, from scratch, at that gap, without a curriculum? Every kind gets the
 * same recipe, budget, data stream and seeds; the gated kinds all start with the same open-gate
 * rule ("chrono" initialisation, Tallec & Ollivier 2018: gate bias log u, u ~ U[1, T_max − 1],
 * so that the gate starts remembering over time scales up to T_max). The plain RNN has no gate
 * to open: what it lacks is exactly that. Held-out sequences are the test split (data/split.ts).
 */
import { createRng, kindOf, type CellKind, type CellParams } from '../engine';
import { memoryExamples, memoryExamplesAtGap } from './data/memory';
import type { Example } from './data/types';
import { buildVocab, initNetwork, tokenIds, type TrainableModel } from './network';
import { CONFIGS, NO_DATA } from './tasks';
import { accuracy, evaluate, train, type Encoded } from './trainer';
import { LANGUAGES } from './data/memory';

export const LEARN_GAPS = [2, 5, 10, 20, 40, 80] as const;

interface LearnConfig {
  readonly embedDim: number;
  readonly hidden: number;
  readonly lr: number;
  readonly batchSize: number;
  readonly clipNorm: number;
  /** Fresh training sequences per epoch, all at the run's gap. */
  readonly perEpoch: number;
  readonly epochs: number;
  readonly heldout: number;
  readonly validation: number;
  /** Validation accuracy that counts as "learned" (for examples-to-learn). */
  readonly learnedAt: number;
  /** Training stops early once validation accuracy reaches this (the budget is the most a run gets). */
  readonly doneAt: number;
  /** Longest time scale the chrono initialisation opens the gates for. */
  readonly tMax: number;
}

export const LEARN: LearnConfig = {
  embedDim: 8,
  hidden: 12,
  lr: 0.003,
  batchSize: 8,
  clipNorm: 1,
  perEpoch: 1000,
  epochs: 30,
  heldout: 200,
  validation: 100,
  learnedAt: 0.95,
  doneAt: 0.99,
  tMax: 100,
};

export const LEARN_SEEDS = [0, 1, 2, 3, 4] as const;
const SEED = { data: 61_000, heldout: 62_000, validation: 63_000, weights: 64_000, shuffle: 65_000, chrono: 66_000 } as const;

/**
 * Chrono initialisation of the gate that keeps the past: the forget gate (LSTM, peephole, and the
 * coupled cell's computed f), with the input gate at −b where it is free; the GRU's update gate z
 * (h = (1 − z) n + z h_prev, so z near 1 keeps). Biases go into bW; bU stays as initialised.
 */
export function chronoInit(cell: CellParams, tMax: number, seed: number): void {
  const rng = createRng(seed);
  const bias = () => Math.log(rng.uniform(1, tMax - 1));
  kindOf(cell.kind).setKeepBias(cell, bias);
}

export interface LearnRun {
  readonly kind: CellKind;
  readonly gap: number;
  readonly seed: number;
  readonly heldoutAccuracy: number;
  /** Training sequences seen when validation accuracy first reached `learnedAt`; null if never. */
  readonly examplesToLearn: number | null;
  readonly examplesSeen: number;
}

/**
 * Up to `n` distinct held-out or validation sequences at one gap. The space of distinct sequences
 * is small at the shortest gaps: take as many as there are (halving n until it fits, at least 10).
 */
export function distinctAtGap(n: number, seed: number, gap: number, role: 'test' | 'validation'): Example[] {
  for (let m = n; m >= 10; m = Math.floor(m / 2)) {
    try {
      return memoryExamplesAtGap(m, seed, gap, role);
    } catch {
      /* fewer distinct sequences than m: try half */
    }
  }
  throw new Error(`fewer than 10 distinct ${role} sequences at gap ${gap}`);
}

/** The vocabulary of the shipped memory models, so every word of every gap is known. */
let vocabCache: string[] | null = null;
export function memoryVocab(): string[] {
  vocabCache ??= buildVocab(CONFIGS.memory.trainSet(NO_DATA).map((e) => e.tokens));
  return vocabCache;
}

export function learnabilityRun(kind: CellKind, gap: number, seed: number, cfg: LearnConfig = LEARN): { run: LearnRun; model: TrainableModel } {
  const model = initNetwork({
    id: `learn-${kind}-${gap}-${seed}`,
    task: 'memory',
    kind,
    vocab: memoryVocab(),
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    headKind: 'softmax',
    labels: LANGUAGES,
    seed: SEED.weights + 100 * seed,
  });
  chronoInit(model.cell, cfg.tMax, SEED.chrono + 100 * seed);
  const encode = (xs: readonly Example[]): Encoded[] => xs.map((e) => ({ ids: tokenIds(model.embedding, e.tokens), label: e.label }));
  const validation = encode(distinctAtGap(cfg.validation, SEED.validation + gap, gap, 'validation'));
  const heldout = encode(distinctAtGap(cfg.heldout, SEED.heldout + gap, gap, 'test'));
  let seen = 0;
  let learned: number | null = null;
  let lastVal = 0;
  train(model, {
    epochs: cfg.epochs,
    batchSize: cfg.batchSize,
    lr: cfg.lr,
    clipNorm: cfg.clipNorm,
    seed: SEED.shuffle + 100 * seed,
    // The same stream for every kind: it depends on the gap and the seed only.
    data: (epoch) => {
      seen += cfg.perEpoch;
      return encode(memoryExamples(cfg.perEpoch, SEED.data + 1000 * seed + 37 * gap + epoch, gap, gap));
    },
    validate: () => {
      const v = evaluate(model, validation);
      lastVal = v.accuracy;
      if (learned === null && v.accuracy >= cfg.learnedAt) learned = seen;
      return v.accuracy - 0.01 * v.loss;
    },
    stop: () => lastVal >= cfg.doneAt,
  });
  return {
    model,
    run: { kind, gap, seed, heldoutAccuracy: accuracy(model, heldout), examplesToLearn: learned, examplesSeen: seen },
  };
}

/** Median and range of the held-out accuracy over seeds, per kind and gap. */
interface LearnSummary {
  readonly kind: CellKind;
  readonly gap: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Seeds whose validation accuracy reached `learnedAt`, of all seeds. */
  readonly learned: number;
  readonly seeds: number;
}

export function summarise(runs: readonly LearnRun[]): LearnSummary[] {
  const groups = new Map<string, LearnRun[]>();
  for (const r of runs) {
    const k = `${r.kind}:${r.gap}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const a = rs.map((r) => r.heldoutAccuracy).sort((x, y) => x - y);
    const mid = a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
    return { kind: rs[0]!.kind, gap: rs[0]!.gap, median: mid, min: a[0]!, max: a.at(-1)!, learned: rs.filter((r) => r.examplesToLearn !== null).length, seeds: rs.length };
  });
}
