/**
 * Whole-sentence traces (every step of every layer over the embedded tokens) for the views that need
 * all of them at once: heatmaps, the prediction curve, the trace export. A small cell runs at
 * once; a large one (hidden 512 × 200 tokens is about a quarter of a second for an LSTM) runs in
 * slices of about 20 ms between which the page handles input and paints, while someone watches.
 *
 * One job per (token list, stack) pair (a model's stack is `stackOf(model)`, one array per model), kept as long as the store's `embedded` array lives (a new
 * sentence or model makes a new one), so every view shares one computation and a view left and
 * reopened resumes where it stopped. The result equals `runStack` exactly: the same steps in order.
 */
import { initialStack, runStack, stackCost, stepStack, type CellState, type EmbeddedToken, type Stack, type StepTrace } from '../engine';

/** Multiply-adds done at once (about 5 ms on a slow laptop); more goes into slices. */
export const SYNC_COST = 4e6;
/** Multiply-adds per slice: about 20 ms, well under the 50 ms of a long task. */
export const SLICE_COST = 1.6e7;

/** Steps (through every layer) that fit in one slice (at least one: a step cannot be split). */
export function stepsPerSlice(stack: Stack): number {
  return Math.max(1, Math.floor(SLICE_COST / stackCost(stack)));
}

/** Whether `steps` steps of `stack` are cheap enough to run without yielding. */
export function cheapToRun(stack: Stack, steps: number): boolean {
  return steps <= 1 || steps * stackCost(stack) <= SYNC_COST;
}

export interface TraceProgress {
  /** layers[l]: layer l's steps 0 … done-1 computed so far (all of them when `complete`). */
  readonly layers: readonly (readonly StepTrace[])[];
  readonly total: number;
  readonly complete: boolean;
}

interface Job {
  readonly stack: Stack;
  readonly xs: readonly EmbeddedToken[];
  snapshot: TraceProgress;
  done: StepTrace[][];
  state: CellState[];
  readonly listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | null;
}

const jobs = new WeakMap<readonly EmbeddedToken[], Map<Stack, Job>>();

function jobFor(stack: Stack, embedded: readonly EmbeddedToken[]): Job {
  let perStack = jobs.get(embedded);
  if (!perStack) jobs.set(embedded, (perStack = new Map()));
  let job = perStack.get(stack);
  if (!job) {
    const total = embedded.length;
    if (cheapToRun(stack, total)) {
      const { layers, final } = runStack(
        stack,
        embedded.map((e) => e.x),
      );
      job = { stack, xs: embedded, done: layers, state: final, listeners: new Set(), timer: null, snapshot: { layers, total, complete: true } };
    } else {
      const none = stack.map(() => []);
      job = { stack, xs: embedded, done: none, state: initialStack(stack), listeners: new Set(), timer: null, snapshot: { layers: none, total, complete: false } };
    }
    perStack.set(stack, job);
  }
  return job;
}

/** Computes up to `steps` more steps of the job. */
function advance(job: Job, steps: number): void {
  const done = job.done[0]!.length;
  const end = Math.min(job.xs.length, done + steps);
  for (let k = done; k < end; k++) {
    const r = stepStack(job.stack, job.state, job.xs[k]!.x);
    r.traces.forEach((tr, l) => job.done[l]!.push(tr));
    job.state = r.states;
  }
  const complete = end === job.xs.length;
  // New arrays per snapshot: React compares snapshots by identity.
  job.snapshot = { layers: complete ? job.done : job.done.map((d) => d.slice()), total: job.xs.length, complete };
}

function schedule(job: Job): void {
  if (job.timer !== null || job.snapshot.complete || job.listeners.size === 0) return;
  job.timer = setTimeout(() => {
    job.timer = null;
    if (job.listeners.size === 0) return; // nobody watches any more: stop, keep what is done
    advance(job, stepsPerSlice(job.stack));
    for (const fn of [...job.listeners]) fn();
    schedule(job);
  }, 0);
}

/** What is computed so far. Cheap cells are complete at once; large ones only while watched. */
export function traceProgress(stack: Stack, embedded: readonly EmbeddedToken[]): TraceProgress {
  return jobFor(stack, embedded).snapshot;
}

/** Keeps the job running in slices while subscribed; `onChange` after each slice. */
export function watchTraces(stack: Stack, embedded: readonly EmbeddedToken[], onChange: () => void): () => void {
  const job = jobFor(stack, embedded);
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

/** Every layer's traces, when all are computed (in slices for a large cell). */
export function tracesWhenDone(stack: Stack, embedded: readonly EmbeddedToken[]): Promise<TraceProgress['layers']> {
  const now = traceProgress(stack, embedded);
  if (now.complete) return Promise.resolve(now.layers);
  return new Promise((resolve) => {
    const stop = watchTraces(stack, embedded, () => {
      const p = traceProgress(stack, embedded);
      if (!p.complete) return;
      stop();
      resolve(p.layers);
    });
  });
}

/** Every layer's traces now, whatever it costs (tests and scripts; views use the progress). */
export function fullTraces(stack: Stack, embedded: readonly EmbeddedToken[]): TraceProgress['layers'] {
  const job = jobFor(stack, embedded);
  if (!job.snapshot.complete) {
    advance(job, job.xs.length);
    for (const fn of [...job.listeners]) fn();
  }
  return job.snapshot.layers;
}
