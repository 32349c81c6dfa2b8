/**
 * The memory lesson measured the way it is true: can a cell *learn* to carry the country across
 * a gap of g filler tokens, from scratch, at that gap, without a curriculum? Every kind gets the
 * same recipe, budget, data stream and seeds; the gated kinds all start with the same open-gate
 * rule ("chrono" initialisation, Tallec & Ollivier 2018: gate bias log u, u ~ U[1, T_max − 1],
 * so that the gate starts remembering over time scales up to T_max). The plain RNN has no gate
 * to open: what it lacks is exactly that. Held-out sequences are the test split (data/split.ts).
 *
 * That is one start per kind. The curve also measures the others each kind offers (its module's
 * `starts`: the RNN's orthogonal and identity/relu starts, the gated kinds' default biases and
 * forget bias 1), with the same recipe, stream and seeds: what changes it is the start as much
 * as the gate.
 */
import { type CellKind, type StartId, startIds } from '../engine';
import { COUNTRIES, memoryExamples, memoryExamplesAtGap } from './data/memory';
import type { Example } from './data/types';
import { buildVocab, initNetwork, tokenIds, type TrainableModel } from './network';
import { CONFIGS, NO_DATA } from './tasks';
import { backFromLast } from './loss';
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

/** The start the shipped curve measured a kind with (chrono for the gated kinds, the RNN's default). */
export function firstStart(kind: CellKind): StartId {
  return startIds(kind)[0]!;
}

export interface LearnRun {
  readonly kind: CellKind;
  /** How the cell started (the kind's KindStart); the first runs of the report were each kind's first start. */
  readonly start: StartId;
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

/** The untrained network a run starts from: the same for every run of this kind, start and seed. */
function learnNetwork(kind: CellKind, seed: number, cfg: LearnConfig, start: StartId): TrainableModel {
  return initNetwork({
    id: `learn-${kind}${start === firstStart(kind) ? '' : `-${start}`}-${seed}`,
    task: 'memory',
    kind,
    vocab: memoryVocab(),
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    headKind: 'softmax',
    labels: LANGUAGES,
    seed: SEED.weights + 100 * seed,
    // Every start draws from the stream chrono always drew from (the shipped runs' seeds).
    start: { id: start, seed: SEED.chrono + 100 * seed, tMax: cfg.tMax },
  });
}

export function learnabilityRun(kind: CellKind, gap: number, seed: number, cfg: LearnConfig = LEARN, start: StartId = firstStart(kind)): { run: LearnRun; model: TrainableModel } {
  const model = learnNetwork(kind, seed, cfg, start);
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
    run: { kind, start, gap, seed, heldoutAccuracy: accuracy(model, heldout), examplesToLearn: learned, examplesSeen: seen },
  };
}

/** Median and range of the held-out accuracy over seeds, per kind and gap. */
interface LearnSummary {
  readonly kind: CellKind;
  readonly start: StartId;
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
    const k = `${r.kind}:${r.start}:${r.gap}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const a = rs.map((r) => r.heldoutAccuracy).sort((x, y) => x - y);
    const mid = a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
    return { kind: rs[0]!.kind, start: rs[0]!.start, gap: rs[0]!.gap, median: mid, min: a[0]!, max: a.at(-1)!, learned: rs.filter((r) => r.examplesToLearn !== null).length, seeds: rs.length };
  });
}

/** The gap the gradient at the start is measured at: the RNN's default start learns no gap from it on. */
const GRAD_GAP = 20;
/** Validation sequences per seed the gradient at the start is measured on. */
const GRAD_SEQUENCES = 20;

/** How much of the loss gradient reaches the remembered word before any training, for one kind and start. */
interface GradientAtStart {
  readonly kind: CellKind;
  readonly start: StartId;
  readonly gap: number;
  /** ‖∂L/∂x_c‖ / ‖∂L/∂x_T‖, the median over every seed's sequences. */
  readonly share: number;
  /** The lowest and highest of the seeds' medians. */
  readonly min: number;
  readonly max: number;
  readonly seeds: number;
  readonly sequences: number;
}

const norm = (v: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  return Math.sqrt(s);
};

const median = (xs: readonly number[]) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
};

/**
 * The share of one sequence's loss gradient that reaches the remembered word: ‖∂L/∂x_c‖ over
 * ‖∂L/∂x_T‖, the gradient on the country's input (what its embedding row would learn from)
 * over the gradient on the last word's, L the cross-entropy of the answer read at the last step
 * T, both from the engine's backpropagation through time. For a kind with a belt it counts
 * every path back to the word, through h and through C.
 */
function gradientShare(model: TrainableModel, e: Example): number {
  const c = e.tokens.findIndex((t) => (COUNTRIES as readonly string[]).includes(t));
  if (c < 0) throw new Error(`no country in "${e.tokens.join(' ')}"`);
  const { back } = backFromLast(model, tokenIds(model.embedding, e.tokens), e.label);
  return norm(back.dx[c]!) / norm(back.dx.at(-1)!);
}

/**
 * The gradient at initialisation (the gradient view's lesson, measured on the curve's own
 * networks): for every seed, the untrained network the curve's run starts from, over
 * `examples` (by default the first 20 validation sequences at `gap`, 20 unless told). Medians: the shares span orders of magnitude, and
 * a relu start can send exactly none back on some sequences.
 */
export function gradientAtStart(
  kind: CellKind,
  start: StartId,
  opts: { readonly gap?: number; readonly cfg?: LearnConfig; readonly seeds?: readonly number[]; readonly examples?: readonly Example[] } = {},
): GradientAtStart {
  const gap = opts.gap ?? GRAD_GAP;
  const cfg = opts.cfg ?? LEARN;
  const seeds = opts.seeds ?? LEARN_SEEDS;
  const examples = opts.examples ?? distinctAtGap(GRAD_SEQUENCES, SEED.validation + gap, gap, 'validation');
  const shares = seeds.map((seed) => {
    const model = learnNetwork(kind, seed, cfg, start);
    return examples.map((e) => gradientShare(model, e));
  });
  const perSeed = shares.map(median);
  return { kind, start, gap, share: median(shares.flat()), min: Math.min(...perSeed), max: Math.max(...perSeed), seeds: seeds.length, sequences: examples.length };
}
