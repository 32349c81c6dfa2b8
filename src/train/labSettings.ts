/**
 * The lab's settings and what its runs report (points, probes): plain data shared by the lab
 * (lab.ts), its task kernels (labTasks.ts), the worker's messages and the page, which reads them
 * without loading any training code.
 */
import { BASELINE_KIND, type CellKind, DEFAULT_KIND, gateParts, type StartId, startIds } from '../engine';

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
  /** How each run's cell starts, in the order of `kinds` (see LabStart); absent: each kind's first lab start. */
  readonly starts?: readonly [LabStart, LabStart];
}

/**
 * How a run's cell starts: 'keep', the keep-gate bias b above (the lab's own start, for a kind
 * with a gate that keeps the past), or one of the kind's own starts, the ones the learnability
 * curve measures (engine/kinds: the RNN's default, orthogonal and identity-relu; the LSTM's
 * chrono, default and forget bias 1; …).
 */
export type LabStart = 'keep' | StartId;

/** The starts the lab offers a kind, its default first: the keep-gate bias b where there is a keep gate, then the kind's own. */
export function labStarts(kind: CellKind): LabStart[] {
  const keeps = gateParts(kind).some((p) => p.role === 'keep');
  return [...(keeps ? (['keep'] as const) : []), ...startIds(kind)];
}

/** The start of run `k` (0 or 1). */
export function labStartOf(s: LabSettings, k: 0 | 1): LabStart {
  return s.starts?.[k] ?? labStarts(s.kinds[k])[0]!;
}

/** The two cells every task starts with: the one without gates, and the one the page opens on. */
const LAB_KINDS: readonly [CellKind, CellKind] = [BASELINE_KIND, DEFAULT_KIND];

/** What each task starts with (the memory task at gap 30 shows the lesson in seconds). */
export const LAB_TASK_DEFAULTS: Record<LabTask, LabSettings> = {
  memory: { task: 'memory', kinds: LAB_KINDS, gap: 30, hidden: 12, lr: 0.003, batch: 8, seed: 0, keepBias: 3 },
  sentiment: { task: 'sentiment', kinds: LAB_KINDS, gap: 30, hidden: 12, lr: 0.01, batch: 8, seed: 0, keepBias: 1 },
  wave: { task: 'wave', kinds: LAB_KINDS, gap: 30, hidden: 12, lr: 0.01, batch: 8, seed: 0, keepBias: 1 },
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
  readonly field: NumericField | 'kinds' | 'starts';
  readonly reason: 'notANumber' | 'outOfRange' | 'notOnStep' | 'sameKinds' | 'noSuchStart';
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
  if (s.starts && ([0, 1] as const).some((k) => !labStarts(s.kinds[k]).includes(s.starts![k]))) out.push({ field: 'starts', reason: 'noSuchStart' });
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
