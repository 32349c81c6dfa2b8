/**
 * Whole-sentence traces (every step of a cell over the embedded tokens) for the views that need
 * all of them at once: heatmaps, the prediction curve, the trace export. A small cell runs at
 * once; a large one (hidden 512 × 200 tokens is about a quarter of a second for an LSTM) runs in
 * slices of about 20 ms between which the page handles input and paints, while someone watches.
 *
 * One job per (token list, cell) pair, kept as long as the store's `embedded` array lives (a new
 * sentence or model makes a new one), so every view shares one computation and a view left and
 * reopened resumes where it stopped. The result equals `run` exactly: the same steps in order.
 */
import { initialState, run, step, stepCost, type CellParams, type CellState, type EmbeddedToken, type StepTrace } from '../engine';

/** Multiply-adds done at once (about 5 ms on a slow laptop); more goes into slices. */
export const SYNC_COST = 4e6;
/** Multiply-adds per slice: about 20 ms, well under the 50 ms of a long task. */
export const SLICE_COST = 1.6e7;

/** Steps that fit in one slice (at least one: a step cannot be split). */
export function stepsPerSlice(cell: CellParams): number {
  return Math.max(1, Math.floor(SLICE_COST / stepCost(cell)));
}

/** Whether `steps` steps of `cell` are cheap enough to run without yielding. */
export function cheapToRun(cell: CellParams, steps: number): boolean {
  return steps <= 1 || steps * stepCost(cell) <= SYNC_COST;
}

export interface TraceProgress {
  /** Steps 0 … done-1 computed so far (all of them when `complete`). */
  readonly traces: readonly StepTrace[];
  readonly total: number;
  readonly complete: boolean;
}

interface Job {
  readonly cell: CellParams;
  readonly xs: readonly EmbeddedToken[];
  snapshot: TraceProgress;
  done: StepTrace[];
  state: CellState;
  readonly listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | null;
}

const jobs = new WeakMap<readonly EmbeddedToken[], Map<CellParams, Job>>();

function jobFor(cell: CellParams, embedded: readonly EmbeddedToken[]): Job {
  let perCell = jobs.get(embedded);
  if (!perCell) jobs.set(embedded, (perCell = new Map()));
  let job = perCell.get(cell);
  if (!job) {
    const total = embedded.length;
    if (cheapToRun(cell, total)) {
      const { traces, final } = run(cell, embedded.map((e) => e.x));
      job = { cell, xs: embedded, done: traces, state: final, listeners: new Set(), timer: null, snapshot: { traces, total, complete: true } };
    } else {
      job = { cell, xs: embedded, done: [], state: initialState(cell), listeners: new Set(), timer: null, snapshot: { traces: [], total, complete: false } };
    }
    perCell.set(cell, job);
  }
  return job;
}

/** Computes up to `steps` more steps of the job. */
function advance(job: Job, steps: number): void {
  const end = Math.min(job.xs.length, job.done.length + steps);
  for (let k = job.done.length; k < end; k++) {
    const r = step(job.cell, job.state, job.xs[k]!.x);
    job.done.push(r.trace);
    job.state = r.state;
  }
  const complete = job.done.length === job.xs.length;
  // A new array per snapshot: React compares snapshots by identity.
  job.snapshot = { traces: complete ? job.done : job.done.slice(), total: job.xs.length, complete };
}

function schedule(job: Job): void {
  if (job.timer !== null || job.snapshot.complete || job.listeners.size === 0) return;
  job.timer = setTimeout(() => {
    job.timer = null;
    if (job.listeners.size === 0) return; // nobody watches any more: stop, keep what is done
    advance(job, stepsPerSlice(job.cell));
    for (const fn of [...job.listeners]) fn();
    schedule(job);
  }, 0);
}

/** What is computed so far. Cheap cells are complete at once; large ones only while watched. */
export function traceProgress(cell: CellParams, embedded: readonly EmbeddedToken[]): TraceProgress {
  return jobFor(cell, embedded).snapshot;
}

/** Keeps the job running in slices while subscribed; `onChange` after each slice. */
export function watchTraces(cell: CellParams, embedded: readonly EmbeddedToken[], onChange: () => void): () => void {
  const job = jobFor(cell, embedded);
  job.listeners.add(onChange);
  schedule(job);
  return () => {
    job.listeners.delete(onChange);
    if (job.listeners.size === 0 && job.timer !== null) {
      clearTimeout(job.timer);
      job.timer = null;
    }
  };
}

/** Every step's trace, when all are computed (in slices for a large cell). */
export function tracesWhenDone(cell: CellParams, embedded: readonly EmbeddedToken[]): Promise<readonly StepTrace[]> {
  const now = traceProgress(cell, embedded);
  if (now.complete) return Promise.resolve(now.traces);
  return new Promise((resolve) => {
    const stop = watchTraces(cell, embedded, () => {
      const p = traceProgress(cell, embedded);
      if (!p.complete) return;
      stop();
      resolve(p.traces);
    });
  });
}

/** Every step's trace now, whatever it costs (tests and scripts; views use the progress). */
export function fullTraces(cell: CellParams, embedded: readonly EmbeddedToken[]): readonly StepTrace[] {
  const job = jobFor(cell, embedded);
  if (!job.snapshot.complete) {
    advance(job, job.xs.length);
    for (const fn of [...job.listeners]) fn();
  }
  return job.snapshot.traces;
}
