/**
 * The lab's three tasks, each as a kernel that both runs share: how a model is made, how batch
 * `index` of the stream is drawn and trained, how the held-out set is scored and how the probe
 * is seen. The data come from the same generators as the shipped models (data/), split the same
 * way (data/split.ts); the updates are trainer.ts's trainBatch.
 *  - memory, sentiment: words → table embedding → cell → the label at the last step
 *    (held-out accuracy; the baseline is the most common held-out label);
 *  - wave: numbers → x_t = [v_t] → cell → linear head, the next value at every step (held-out
 *    mean squared error; the baseline is "the next value is the current one").
 */
import { createRng, gateParts, matrix, randomParams, startOf, type CellKind, type Model, type StepTrace } from '../engine';
import { LANGUAGES, memoryExamples } from './data/memory';
import { SENTIMENT_LABELS, sentimentExamples } from './data/sentiment';
import type { Example } from './data/types';
import { naiveMse, waveWindows, WAVE_LENGTH, windowTokens, type Window } from './data/wave';
import { distinctAtGap, LEARN, memoryVocab } from './learnability';
import type { LabProbe, LabSettings, LabStart, LabTask } from './labSettings';
import { backFromLast } from './loss';
import { buildVocab, initNetwork, tokenIds, type AnyTrainable, type ScalarModel, type TrainableModel } from './network';
import { accumulateMse, backFromLastValue, meanMse } from './regression';
import { evaluate, lastStepLoss, trainBatch, type Encoded } from './trainer';
import type { Adam } from './adam';

/** Seeds per role, apart from the shipped models' and the learnability runs'. */
const LAB_SEED = { data: 71_000, heldout: 72_000, weights: 73_000, start: 74_000 } as const;

/** A kind's own start (not the lab's keep bias, which LabRun sets): its id and the stream it draws from. */
const ownStart = (s: LabSettings, start: LabStart) => (start === 'keep' ? null : { id: start, seed: LAB_SEED.start + s.seed, tMax: LEARN.tMax });
const LAB_HELDOUT = 200;
const LAB_EMBED = 8;
const LAB_CLIP = 1;

export interface LabKernel {
  readonly labels: readonly string[];
  readonly metric: 'accuracy' | 'mse';
  /** Chance accuracy (the most common held-out label), or the naive error. */
  readonly baseline: number;
  readonly heldoutCount: number;
  /** The probe as the app reads it, for "Use this model". */
  readonly probeText: string;
  /** Whether the gap setting applies. */
  readonly usesGap: boolean;
  /** A fresh model of `kind` from `start` (from 'keep' it is drawn as for any start; LabRun then sets the keep bias). */
  createModel(kind: CellKind, start: LabStart): AnyTrainable;
  /** Trains on batch `index` of the stream: the summed loss and the number of sequences. */
  train(m: AnyTrainable, adam: Adam, index: number): { lossSum: number; n: number };
  score(m: AnyTrainable): { value: number; loss: number };
  probe(m: AnyTrainable, kind: CellKind): LabProbe;
}

/** A word task: vocabulary, labels, its stream and its held-out set. */
interface ClassTaskDef {
  readonly labels: readonly string[];
  readonly headKind: 'sigmoid' | 'softmax';
  readonly vocab: () => readonly string[];
  /** The `index`-th batch of the training stream. */
  readonly batch: (s: LabSettings, index: number) => Example[];
  readonly heldout: (s: LabSettings) => Example[];
  readonly usesGap: boolean;
}

let sentimentVocab: string[] | null = null;

export const LAB_TASK_DEFS: Record<'memory' | 'sentiment', ClassTaskDef> = {
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
    // The lesson grammar (sentiment.ts): the shipped models' grammar before it grew, small enough
    // for a run of a few hundred steps in the browser.
    vocab: () => (sentimentVocab ??= buildVocab(sentimentExamples(3000, 1001, 'train', true).map((e) => e.tokens))),
    batch: (s, index) => sentimentExamples(s.batch, LAB_SEED.data + 100_003 * s.seed + index, 'train', true),
    heldout: () => sentimentExamples(LAB_HELDOUT, LAB_SEED.heldout, 'heldout', true),
    usesGap: false,
  },
};

/** Chance accuracy: the share of the most common label in the held-out set. */
function chanceLevel(heldout: readonly Example[], classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (const e of heldout) counts[e.label] = counts[e.label]! + 1;
  return Math.max(...counts) / Math.max(1, heldout.length);
}

const norm = (v: ArrayLike<number>) => {
  let s = 0;
  for (let k = 0; k < v.length; k++) s += v[k]! * v[k]!;
  return Math.sqrt(s);
};

type Gates = LabProbe['gates'];
function gatesOf(kind: CellKind, traces: readonly StepTrace[]): Gates {
  const pick = (name: string) => ({ name: name as Gates[number]['name'], values: traces.map((tr) => Array.from((tr as unknown as Record<string, Float64Array>)[name]!)) });
  return gateParts(kind).map((p) => pick(p.name));
}

function classKernel(s: LabSettings, def: ClassTaskDef): LabKernel {
  const vocab = def.vocab();
  const held = def.heldout(s);
  const probe = held[0]!;
  // Both runs share the vocabulary, so ids are the same for either (encoded through the run's own embedding).
  const enc = (m: TrainableModel, e: Example): Encoded => ({ ids: tokenIds(m.embedding, e.tokens), label: e.label });
  const heldByModel = new WeakMap<AnyTrainable, Encoded[]>();
  const heldFor = (m: TrainableModel) => {
    let h = heldByModel.get(m);
    if (!h) heldByModel.set(m, (h = held.map((e) => enc(m, e))));
    return h;
  };
  return {
    labels: def.labels,
    metric: 'accuracy',
    baseline: chanceLevel(held, def.labels.length),
    heldoutCount: held.length,
    probeText: probe.tokens.join(' '),
    usesGap: def.usesGap,
    createModel: (kind, start) => {
      const own = ownStart(s, start);
      return initNetwork({
        id: `lab-${s.task}-${kind}`,
        task: s.task === 'sentiment' ? 'sentiment' : 'memory',
        kind,
        vocab,
        embedDim: LAB_EMBED,
        hidden: s.hidden,
        headKind: def.headKind,
        labels: def.labels,
        seed: LAB_SEED.weights + s.seed,
        ...(own ? { start: own } : {}),
      });
    },
    train: (m, adam, index) => {
      const tm = m as TrainableModel;
      const batch = def.batch(s, index).map((e) => enc(tm, e));
      return { lossSum: trainBatch(tm, adam, batch, LAB_CLIP, lastStepLoss).lossSum, n: batch.length };
    },
    score: (m) => {
      const v = evaluate(m as TrainableModel, heldFor(m as TrainableModel));
      return { value: v.accuracy, loss: v.loss };
    },
    probe: (m, kind) => {
      const tm = m as TrainableModel;
      const { traces, back, p } = backFromLast(tm, tokenIds(tm.embedding, probe.tokens), probe.label);
      return {
        tokens: probe.tokens,
        answer: def.labels[probe.label]!,
        loss: -Math.log(Math.max(p[probe.label]!, 1e-300)),
        gradH: back.dh.map(norm),
        gradC: back.dc ? back.dc.map(norm) : null,
        gates: gatesOf(kind, traces),
        series: null,
      };
    },
  };
}

const WAVE_HELDOUT = 100;
const WAVE_LABEL = 'next value';

/** A time-series model: x_t = [v_t], the cell, a linear head (its weights start small). */
export function waveModel(s: LabSettings, kind: CellKind, start: LabStart = 'keep'): ScalarModel {
  const rng = createRng(LAB_SEED.weights + s.seed);
  const H = s.hidden;
  const own = ownStart(s, start);
  const spec = own ? startOf(kind, own.id) : null;
  const cell = randomParams(kind, 1, H, rng, spec?.activation ? { activation: spec.activation } : {});
  if (own && spec) spec.apply(cell, { rng: createRng(own.seed), tMax: own.tMax });
  const a = 1 / Math.sqrt(H);
  const model: Model = {
    id: `lab-wave-${kind}`,
    task: 'wave',
    trained: true,
    embedding: { kind: 'scalar', dim: 1 },
    cell,
    head: {
      kind: 'linear',
      labels: [WAVE_LABEL],
      W: matrix(
        1,
        H,
        Array.from({ length: H }, () => rng.uniform(-a, a)),
      ),
      b: new Float64Array(1),
    },
    tokenizer: 'numbers',
  };
  return model as ScalarModel;
}

function waveKernel(s: LabSettings): LabKernel {
  const held: Window[] = waveWindows(WAVE_HELDOUT, LAB_SEED.heldout, 'test');
  const probe = held[0]!;
  return {
    labels: [WAVE_LABEL],
    metric: 'mse',
    baseline: naiveMse(held),
    heldoutCount: held.length,
    probeText: windowTokens(probe).join(', '),
    usesGap: false,
    createModel: (kind, start) => waveModel(s, kind, start),
    train: (m, adam, index) => {
      const batch = waveWindows(s.batch, LAB_SEED.data + 100_003 * s.seed + index, 'train', WAVE_LENGTH);
      return { lossSum: trainBatch(m as ScalarModel, adam, batch, LAB_CLIP, accumulateMse).lossSum, n: batch.length };
    },
    score: (m) => {
      const e = meanMse(m as ScalarModel, held);
      return { value: e, loss: e };
    },
    probe: (m, kind) => {
      const { traces, back, predicted, loss } = backFromLastValue(m as ScalarModel, probe);
      return {
        tokens: windowTokens(probe),
        answer: String(probe.ys.at(-1)),
        loss,
        gradH: back.dh.map(norm),
        gradC: back.dc ? back.dc.map(norm) : null,
        gates: gatesOf(kind, traces),
        series: { xs: probe.xs, ys: probe.ys, predicted },
      };
    },
  };
}

export function labKernel(s: LabSettings): LabKernel {
  const task: LabTask = s.task;
  return task === 'wave' ? waveKernel(s) : classKernel(s, LAB_TASK_DEFS[task]);
}
