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
import { type CellKind, type CellParams, kindOf } from '../engine';
import { Adam } from './adam';
import { labKernel, type LabKernel } from './labTasks';
import { modelParams, type AnyTrainable } from './network';

export const LAB_TASKS = ['memory', 'sentiment', 'wave'] as const;
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
  wave: { task: 'wave', kinds: ['rnn', 'lstm'], gap: 30, hidden: 12, lr: 0.01, batch: 8, seed: 0, keepBias: 1 },
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

export interface LabPoint {
  readonly seen: number;
  /** Mean training loss of the batches since the previous point (before each update). */
  readonly trainLoss: number;
  /** The task's held-out measure: accuracy (memory, sentiment) or mean squared error (wave). */
  readonly heldout: number;
  readonly heldoutLoss: number;
}

/** One probe sequence, seen through the current weights. */
export interface LabProbe {
  readonly tokens: readonly string[];
  /** The right answer as a student reads it ("french", "positive", the next value). */
  readonly answer: string;
  readonly loss: number;
  /** ‖∂L/∂h_t‖ for every token (L the loss at the last step), from the engine's bptt. */
  readonly gradH: readonly number[];
  /** ‖∂L/∂C_t‖ in full for cells with a cell state; null otherwise. */
  readonly gradC: readonly number[] | null;
  /** The gates over the tokens, [t][unit] (LSTM family: f, i, o; GRU: z, r; RNN: none). */
  readonly gates: ReadonlyArray<{ readonly name: 'f' | 'i' | 'o' | 'z' | 'r'; readonly values: ReadonlyArray<readonly number[]> }>;
  /** Time series: the window's values, the values to predict, and the model's predictions. */
  readonly series: { readonly xs: readonly number[]; readonly ys: readonly number[]; readonly predicted: readonly number[] } | null;
}

/** Sets the keep-the-past gate's bias (see LabSettings.keepBias) on a fresh cell. */
export function setKeepBias(cell: CellParams, b: number): void {
  kindOf(cell.kind).setKeepBias(cell, () => b);
}

/** What both runs share, built once per reset: the settings and the task's kernel (held-out set, probe). */
export interface LabData {
  readonly settings: LabSettings;
  readonly kernel: LabKernel;
}

export function labData(settings: LabSettings): LabData {
  const problems = labProblems(settings);
  if (problems.length) throw new Error(`lab settings: ${problems.map((p) => `${p.field} (${p.reason})`).join(', ')}`);
  return { settings, kernel: labKernel(settings) };
}

/** One of the lab's two runs: a model, its optimiser and its place in the shared stream. */
export class LabRun {
  readonly model: AnyTrainable;
  private readonly adam: Adam;
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
    this.model = data.kernel.createModel(kind);
    setKeepBias(this.model.cell, data.settings.keepBias);
    this.adam = new Adam(modelParams(this.model), { lr: data.settings.lr });
  }

  /** Trains on the next batch of the stream; returns its mean loss (NaN once diverged). */
  step(): number {
    if (this.divergedAt !== null) return NaN;
    const { lossSum, n } = this.data.kernel.train(this.model, this.adam, this.batches);
    this.batches++;
    this.seen += n;
    if (!Number.isFinite(lossSum) || !weightsFinite(this.model)) {
      this.divergedAt = this.seen;
      return NaN;
    }
    this.lossSum += lossSum;
    this.lossCount += n;
    return lossSum / n;
  }

  /** A point for the charts: the held-out measure now, training loss since the last point. */
  point(): LabPoint {
    const v = this.heldoutScore();
    const trainLoss = this.lossCount > 0 ? this.lossSum / this.lossCount : v.loss;
    this.lossSum = 0;
    this.lossCount = 0;
    return { seen: this.seen, trainLoss, heldout: v.value, heldoutLoss: v.loss };
  }

  heldoutScore(): { value: number; loss: number } {
    return this.data.kernel.score(this.model);
  }

  probe(): LabProbe {
    return this.data.kernel.probe(this.model, this.kind);
  }
}

function weightsFinite(m: AnyTrainable): boolean {
  for (const p of modelParams(m)) for (let k = 0; k < p.data.length; k++) if (!Number.isFinite(p.data[k]!)) return false;
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
