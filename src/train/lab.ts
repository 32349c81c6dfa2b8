/**
 * The training lab (the "Train" view): two cells, same task, same data stream, same seed,
 * trained batch by batch so a student can watch one learn and the other not. Everything here is
 * pure and runs the same in Node (`npm run train -- --task lab`, the tests) and in the lab's Web
 * Worker (labHost.ts): the updates are trainer.ts's `trainBatch`, the gradients the engine's BPTT.
 *
 * The data stream is a function of (task, gap, batch size, seed, batch index) only, so both runs
 * see the same sequences in the same order, and a run can be reproduced from its settings and the
 * number of examples it has seen. Held-out sequences are the test split of data/split.ts: never
 * trained on, whatever the seed.
 */
import type { CellKind, CellParams } from '../engine';
import { memoryExamples } from './data/memory';
import { SENTIMENT_LABELS, sentimentExamples } from './data/sentiment';
import type { Example } from './data/types';
import { distinctAtGap, memoryVocab } from './learnability';
import { LANGUAGES } from './data/memory';
import { buildVocab, initNetwork, modelParams as modelParamsOf, tokenIds, type TrainableModel } from './network';
import { Adam } from './adam';
import { evaluate, trainBatch, type Encoded } from './trainer';
import { backFromLast } from './loss';

export const LAB_TASKS = ['memory', 'sentiment'] as const;
export type LabTask = (typeof LAB_TASKS)[number];

export interface LabSettings {
  readonly task: LabTask;
  /** The two cells trained side by side (two different kinds). */
  readonly kinds: readonly [CellKind, CellKind];
  /** Memory only: filler tokens between the country and "i speak fluent". */
  readonly gap: number;
  readonly hidden: number;
  readonly lr: number;
  readonly batch: number;
  readonly seed: number;
  /**
   * How strongly the cell starts out keeping the past, b: the forget gate's bias is b and the
   * input gate's −b (LSTM, peephole; the coupled cell's f = b, its i = 1 − f follows), so the
   * belt starts nearly closed to new writes and open along its length, as in "chrono"
   * initialisation (Tallec & Ollivier 2018) with one time scale; the GRU's update gate z gets b
   * (h = (1 − z) ñ + z h_prev). The RNN has no gate: b does nothing to it. With b = 1 (the usual
   * forget bias) neither kind learns gap 30 in 12,000 examples here; with b = 3 the LSTM does in
   * about 4,000 (measured, README).
   */
  readonly keepBias: number;
}

/** What each task starts with (the memory task at gap 30 shows the lesson in seconds). */
export const LAB_TASK_DEFAULTS: Record<LabTask, LabSettings> = {
  memory: { task: 'memory', kinds: ['rnn', 'lstm'], gap: 30, hidden: 12, lr: 0.003, batch: 8, seed: 0, keepBias: 3 },
  sentiment: { task: 'sentiment', kinds: ['rnn', 'lstm'], gap: 30, hidden: 12, lr: 0.01, batch: 8, seed: 0, keepBias: 1 },
};
export const LAB_DEFAULTS: LabSettings = LAB_TASK_DEFAULTS.memory;

type NumericField = 'gap' | 'hidden' | 'lr' | 'batch' | 'seed' | 'keepBias';
/** What each setting accepts; `step` 0 means any value in the range. */
export const LAB_LIMITS: Record<NumericField, { readonly min: number; readonly max: number; readonly step: number }> = {
  gap: { min: 0, max: 80, step: 1 },
  hidden: { min: 1, max: 64, step: 1 },
  lr: { min: 0.0001, max: 1, step: 0 },
  batch: { min: 1, max: 64, step: 1 },
  seed: { min: 0, max: 9999, step: 1 },
  keepBias: { min: -4, max: 8, step: 0.5 },
};

export interface LabProblem {
  readonly field: NumericField | 'kinds';
  readonly reason: 'notANumber' | 'outOfRange' | 'notOnStep' | 'sameKinds';
}

/** Every setting that cannot be trained with, naming the field (empty: good to go). */
export function labProblems(s: LabSettings): LabProblem[] {
  const out: LabProblem[] = [];
  for (const field of Object.keys(LAB_LIMITS) as NumericField[]) {
    const v = s[field];
    const lim = LAB_LIMITS[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ field, reason: 'notANumber' });
    else if (v < lim.min || v > lim.max) out.push({ field, reason: 'outOfRange' });
    else if (lim.step > 0 && Math.abs((v - lim.min) / lim.step - Math.round((v - lim.min) / lim.step)) > 1e-9) out.push({ field, reason: 'notOnStep' });
  }
  if (s.kinds[0] === s.kinds[1]) out.push({ field: 'kinds', reason: 'sameKinds' });
  return out;
}

/** Seeds per role, apart from the shipped models' and the learnability runs'. */
const LAB_SEED = { data: 71_000, heldout: 72_000, weights: 73_000 } as const;
export const LAB_HELDOUT = 200;
export const LAB_EMBED = 8;
export const LAB_CLIP = 1;

/** What the lab needs of a task: vocabulary, labels, the stream and the held-out set. */
export interface LabTaskDef {
  readonly labels: readonly string[];
  readonly headKind: 'sigmoid' | 'softmax';
  readonly vocab: () => readonly string[];
  /** The `index`-th batch of the training stream. */
  readonly batch: (s: LabSettings, index: number) => Example[];
  readonly heldout: (s: LabSettings) => Example[];
  /** Whether the gap setting applies. */
  readonly usesGap: boolean;
}

let sentimentVocab: string[] | null = null;

export const LAB_TASK_DEFS: Record<LabTask, LabTaskDef> = {
  memory: {
    labels: LANGUAGES,
    headKind: 'softmax',
    vocab: memoryVocab,
    batch: (s, index) => memoryExamples(s.batch, LAB_SEED.data + 100_003 * s.seed + 1009 * s.gap + index, s.gap, s.gap),
    heldout: (s) => distinctAtGap(LAB_HELDOUT, LAB_SEED.heldout + s.gap, s.gap, 'test'),
    usesGap: true,
  },
  sentiment: {
    labels: SENTIMENT_LABELS,
    headKind: 'sigmoid',
    // The template words of the shipped sentiment models' training set.
    vocab: () => (sentimentVocab ??= buildVocab(sentimentExamples(3000, 1001, 'train').map((e) => e.tokens))),
    batch: (s, index) => sentimentExamples(s.batch, LAB_SEED.data + 100_003 * s.seed + index, 'train'),
    heldout: () => sentimentExamples(LAB_HELDOUT, LAB_SEED.heldout, 'heldout'),
    usesGap: false,
  },
};

/** Chance accuracy: the share of the most common label in the held-out set. */
export function chanceLevel(heldout: readonly Example[], classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (const e of heldout) counts[e.label] = counts[e.label]! + 1;
  return Math.max(...counts) / Math.max(1, heldout.length);
}

/** Sets the keep-the-past gate's bias (see LabSettings.keepBias) on a fresh cell. */
export function setKeepBias(cell: CellParams, b: number): void {
  if (cell.kind === 'rnn') return;
  if (cell.kind === 'gru') cell.gates.z.bW.fill(b);
  else if (cell.kind === 'coupled' && cell.coupling === 'f=1-i') cell.gates.i.bW.fill(-b);
  else {
    cell.gates.f.bW.fill(b);
    if (cell.kind !== 'coupled') cell.gates.i.bW.fill(-b);
  }
}

export interface LabPoint {
  readonly seen: number;
  /** Mean training loss of the batches since the previous point (before each update). */
  readonly trainLoss: number;
  readonly heldoutAccuracy: number;
  readonly heldoutLoss: number;
}

/** One probe sequence, seen through the current weights. */
export interface LabProbe {
  readonly tokens: readonly string[];
  readonly label: number;
  /** The model's probability of the right answer. */
  readonly p: number;
  readonly loss: number;
  /** ‖∂L/∂h_t‖ for every token (L the loss at the last step), from the engine's bptt. */
  readonly gradH: readonly number[];
  /** ‖∂L/∂C_t‖ for cells with a cell state; null otherwise. */
  readonly gradC: readonly number[] | null;
  /** The gates over the tokens, [t][unit] (LSTM family: f, i, o; GRU: z, r; RNN: none). */
  readonly gates: ReadonlyArray<{ readonly name: 'f' | 'i' | 'o' | 'z' | 'r'; readonly values: ReadonlyArray<readonly number[]> }>;
}

const norm = (v: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  return Math.sqrt(s);
};

/** Task data both runs share: built once per reset (vocabulary, held-out set, probe). */
export interface LabData {
  readonly settings: LabSettings;
  readonly def: LabTaskDef;
  readonly vocab: readonly string[];
  readonly heldout: readonly Example[];
  readonly probe: Example;
  readonly chance: number;
}

export function labData(settings: LabSettings): LabData {
  const problems = labProblems(settings);
  if (problems.length) throw new Error(`lab settings: ${problems.map((p) => `${p.field} (${p.reason})`).join(', ')}`);
  const def = LAB_TASK_DEFS[settings.task];
  const heldout = def.heldout(settings);
  return { settings, def, vocab: def.vocab(), heldout, probe: heldout[0]!, chance: chanceLevel(heldout, def.labels.length) };
}

/** One of the lab's two runs: a model, its optimiser and its place in the shared stream. */
export class LabRun {
  readonly model: TrainableModel;
  private readonly adam: Adam;
  private readonly heldout: Encoded[];
  /** Batches trained so far; the next one is the stream's batch with this index. */
  batches = 0;
  seen = 0;
  /** The example count at which the loss or a weight stopped being a finite number. */
  divergedAt: number | null = null;
  private lossSum = 0;
  private lossCount = 0;

  constructor(
    readonly data: LabData,
    readonly kind: CellKind,
  ) {
    const s = data.settings;
    this.model = initNetwork({
      id: `lab-${s.task}-${kind}`,
      task: s.task,
      kind,
      vocab: data.vocab,
      embedDim: LAB_EMBED,
      hidden: s.hidden,
      headKind: data.def.headKind,
      labels: data.def.labels,
      seed: LAB_SEED.weights + s.seed,
    });
    setKeepBias(this.model.cell, s.keepBias);
    this.adam = new Adam(modelParamsOf(this.model), { lr: s.lr });
    this.heldout = data.heldout.map((e) => this.encode(e));
  }

  private encode(e: Example): Encoded {
    return { ids: tokenIds(this.model.embedding, e.tokens), label: e.label };
  }

  /** Trains on the next batch of the stream; returns its mean loss (NaN once diverged). */
  step(): number {
    if (this.divergedAt !== null) return NaN;
    const batch = this.data.def.batch(this.data.settings, this.batches).map((e) => this.encode(e));
    const { lossSum } = trainBatch(this.model, this.adam, batch, LAB_CLIP);
    this.batches++;
    this.seen += batch.length;
    if (!Number.isFinite(lossSum) || !weightsFinite(this.model)) {
      this.divergedAt = this.seen;
      return NaN;
    }
    this.lossSum += lossSum;
    this.lossCount += batch.length;
    return lossSum / batch.length;
  }

  /** A point for the charts: held-out accuracy and loss now, training loss since the last point. */
  point(): LabPoint {
    const v = this.heldoutScore();
    const trainLoss = this.lossCount > 0 ? this.lossSum / this.lossCount : v.loss;
    this.lossSum = 0;
    this.lossCount = 0;
    return { seen: this.seen, trainLoss, heldoutAccuracy: v.accuracy, heldoutLoss: v.loss };
  }

  heldoutScore(): { accuracy: number; loss: number } {
    return evaluate(this.model, this.heldout);
  }

  probe(): LabProbe {
    const e = this.data.probe;
    const { traces, back, p } = backFromLast(this.model, tokenIds(this.model.embedding, e.tokens), e.label);
    const gates: LabProbe['gates'] =
      this.kind === 'rnn'
        ? []
        : this.kind === 'gru'
          ? (['z', 'r'] as const).map((name) => ({ name, values: traces.map((tr) => Array.from((tr as { z: Float64Array; r: Float64Array })[name])) }))
          : (['f', 'i', 'o'] as const).map((name) => ({ name, values: traces.map((tr) => Array.from((tr as { f: Float64Array; i: Float64Array; o: Float64Array })[name])) }));
    return {
      tokens: e.tokens,
      label: e.label,
      p: p[e.label]!,
      loss: -Math.log(Math.max(p[e.label]!, 1e-300)),
      gradH: back.dh.map(norm),
      gradC: back.dc ? back.dc.map(norm) : null,
      gates,
    };
  }
}

function weightsFinite(m: TrainableModel): boolean {
  for (const p of modelParamsOf(m)) for (let k = 0; k < p.data.length; k++) if (!Number.isFinite(p.data[k]!)) return false;
  return true;
}

/** Trains a fresh run of `kind` on `examples` examples (rounded up to whole batches): what `npm run train -- --task lab` does. */
export function trainLabRun(settings: LabSettings, kind: CellKind, examples: number, afterStep?: (run: LabRun) => void): LabRun {
  const run = new LabRun(labData(settings), kind);
  while (run.seen < examples && run.divergedAt === null) {
    run.step();
    afterStep?.(run);
  }
  return run;
}
