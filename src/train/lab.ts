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
import { labProblems, labStartOf, type LabPoint, type LabProbe, type LabSettings } from './labSettings';
import { labKernel, type LabKernel } from './labTasks';
import { modelParams, type AnyTrainable } from './network';

/** Sets the keep-the-past gate's bias (see LabSettings.keepBias) on a fresh cell. */
export function setKeepBias(cell: CellParams, b: number): void {
  kindOf(cell.kind).setKeepBias(cell, () => b);
}

/** What both runs share, built once per reset: the settings and the task's kernel (held-out set, probe). */
interface LabData {
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
    const start = labStartOf(data.settings, data.settings.kinds[0] === kind ? 0 : 1);
    this.model = data.kernel.createModel(kind, start);
    // The lab's own start: the keep-gate bias b (a kind's own starts were set as it was made).
    if (start === 'keep') setKeepBias(this.model.cell, data.settings.keepBias);
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
