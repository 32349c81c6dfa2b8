/**
 * The stateful Austen character model (`charlm-lstm-stateful`): the charlm task's corpus, split,
 * vocabulary and text preparation (charlmTask.ts), trained statefully (statefulLm.ts: B streams,
 * truncated BPTT, the state carried between windows) with hidden 128, to look for the units
 * Karpathy, Johnson & Fei-Fei (2015) found: a quotation, a position in the sentence. One
 * definition for `npm run train -- --task charlm-stateful --cell lstm` and the tests (tiny config).
 *
 * Held-out text is measured two ways: in the 100-character chunks from the zero state the charlm
 * table uses (so the figures sit beside the other models' and the baselines'), and statefully, each
 * test chapter read from its start with the state carried through it, as the model was trained.
 * The units are searched on the test chapters read the second way.
 */
import { type CellKind, kindOf } from '../engine';
import { Adam } from './adam';
import { LN2, baselineBpc, bigramBaseline, encodeChars, heldoutChunks, modelBpc, unigramBaseline } from './charlm';
import { AUSTEN, CHARLM, splitWithVocab } from './charlmTask';
import type { Chapter } from './data/austen';
import { initNetwork, modelParams, type TrainableModel } from './network';
import { Streams, joinTexts, statefulBpc, statefulUpdate, zeroStates } from './statefulLm';
import { countParams } from './tasks';
import { findUnits, type FoundUnit } from './units';

interface StatefulConfig {
  readonly embedDim: number;
  readonly hidden: number;
  /** Parallel streams through the training text: the batch (one window of each per update). */
  readonly streams: number;
  /** Characters per window (the BPTT length); the state is carried across windows. */
  readonly window: number;
  /** Updates in all (each reads streams × window characters); passes over the text repeat from the streams' starts. */
  readonly updates: number;
  /** Updates between validations (a round); the best round's weights are kept. */
  readonly roundUpdates: number;
  readonly lrAt: (fractionDone: number) => number;
  readonly clipNorm: number;
  readonly minCount: number;
  readonly evalChunk: number;
  /** Validation characters per round, from the validation chapters' starts, read statefully. */
  readonly validationChars: number;
  /**
   * Test characters measured (whole chapters from their starts, the last one cut): the held-out
   * bits per character, both ways, the baselines, and the unit search.
   */
  readonly testChars: number;
}

/**
 * Sized to the time there was: at hidden 128, forward and backward, about 1,300 characters per
 * second of one core, and the shared machine gave this run a fifth of one (load 15): 1,200
 * updates of 8 × 100 characters (0.96 M characters, under a third of one pass over the 3.26 M
 * training characters). Held-out measures read the first 60,000 characters of the test chapters.
 */
export const CHARLM_STATEFUL: StatefulConfig = {
  embedDim: CHARLM.embedDim,
  hidden: 128,
  streams: 8,
  window: 100,
  updates: 1200,
  roundUpdates: 100,
  lrAt: (f) => (f < 0.6 ? 0.003 : 0.0015),
  clipNorm: 1,
  minCount: CHARLM.minCount,
  evalChunk: CHARLM.evalChunk,
  validationChars: 10_000,
  testChars: 60_000,
};

export const STATEFUL_ID = (kind: CellKind) => `charlm-${kind}-stateful`;
const SEED = { weights: 8118 } as const;
const BIGRAM_ALPHAS = [0.001, 0.01, 0.1, 1];

export interface RoundStats {
  readonly round: number;
  readonly updates: number;
  /** Mean training bits per character over the round's windows (before each update). */
  readonly bpc: number;
  readonly gradNorm: number;
  readonly valBpc: number;
  readonly lr: number;
}

interface StatefulReport {
  readonly id: string;
  readonly task: 'charlm';
  readonly variant: 'stateful';
  readonly kind: CellKind;
  readonly corpus: string;
  readonly lowercase: true;
  readonly embedDim: number;
  readonly hidden: number;
  readonly streams: number;
  readonly window: number;
  readonly vocabSize: number;
  readonly params: number;
  readonly chapters: { readonly train: number; readonly validation: number; readonly test: number };
  readonly trainChars: number;
  readonly trainCharsSeen: number;
  readonly updates: number;
  readonly heldoutChars: number;
  /** Test chapters in 100-character chunks from the zero state (the charlm table's measure). */
  readonly heldoutBpc: number;
  readonly baselines: { readonly unigram: number; readonly bigram: number; readonly bigramAlpha: number };
  /** Test chapters read whole, the state carried (as trained), and the baselines on the same characters. */
  readonly heldoutBpcStateful: number;
  readonly baselinesStateful: { readonly unigram: number; readonly bigram: number };
  readonly valBpcCurve: readonly number[];
  readonly lossCurve: readonly number[];
  readonly bestRound: number;
  readonly testChars: number;
  readonly units: readonly FoundUnit[];
  /** The feature the painted text opens on (the quotation unit: what this model was trained to look for). */
  readonly paint: 'quote';
  wallSeconds?: number;
}

/** The test chapters' starts, whole chapters until `limit` characters (the last one cut). */
function firstChars(texts: readonly string[], limit: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (const t of texts) {
    if (n >= limit) break;
    out.push(t.slice(0, limit - n));
    n += out.at(-1)!.length;
  }
  return out;
}

/** Everything the training and the report share: the split, vocabulary and encoded texts. */
function statefulData(chapters: readonly Chapter[], cfg: StatefulConfig) {
  const { split, vocab } = splitWithVocab(chapters, cfg.minCount);
  const enc = (ts: readonly string[]) => ts.map((t) => encodeChars(vocab, t));
  const trainIds = enc(split.train.map((c) => c.text));
  return {
    split,
    vocab,
    trainIds,
    validation: enc(
      firstChars(
        split.validation.map((c) => c.text),
        cfg.validationChars,
      ),
    ),
    test: enc(
      firstChars(
        split.test.map((c) => c.text),
        cfg.testChars,
      ),
    ),
  };
}

/**
 * Trains the stateful model; `onRound` hears each round (and may write the best weights so far).
 * The weights of the round with the best validation score are kept.
 */
export function trainStateful(kind: CellKind, chapters: readonly Chapter[], cfg: StatefulConfig = CHARLM_STATEFUL, onRound?: (s: RoundStats, model: TrainableModel, isBest: boolean) => void) {
  const data = statefulData(chapters, cfg);
  const model = initNetwork({
    id: STATEFUL_ID(kind),
    task: 'charlm',
    kind,
    vocab: data.vocab,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    headKind: 'softmax',
    labels: data.vocab,
    seed: SEED.weights + kindOf(kind).seedOffset,
    tokenizer: 'chars',
  });
  const space = data.vocab.indexOf(' ');
  const streams = new Streams(joinTexts(data.trainIds, Math.max(space, 0)), cfg.streams, cfg.window);
  const params = modelParams(model);
  const adam = new Adam(params, { lr: cfg.lrAt(0) });
  let states = zeroStates(model, cfg.streams);
  const rounds: RoundStats[] = [];
  let best: { round: number; bpc: number; weights: Float64Array[] } | null = null;
  let loss = 0;
  let norm = 0;
  let inRound = 0;
  for (let u = 0; u < cfg.updates; u++) {
    const k = u % streams.windows;
    // A new pass starts every stream again from its start, so from the zero state.
    if (k === 0 && u > 0) states = zeroStates(model, cfg.streams);
    adam.lr = cfg.lrAt(u / cfg.updates);
    const r = statefulUpdate(model, adam, streams, states, k, cfg.clipNorm);
    loss += r.loss;
    norm += r.gradNorm;
    inRound++;
    if (inRound === cfg.roundUpdates || u === cfg.updates - 1) {
      const valBpc = statefulBpc(model, data.validation).bpc;
      const s: RoundStats = { round: rounds.length, updates: u + 1, bpc: loss / inRound / LN2, gradNorm: norm / inRound, valBpc, lr: adam.lr };
      rounds.push(s);
      const isBest = best === null || valBpc < best.bpc;
      if (isBest) best = { round: s.round, bpc: valBpc, weights: params.map((p) => Float64Array.from(p.data)) };
      onRound?.(s, model, isBest);
      loss = norm = inRound = 0;
    }
  }
  const kept = best!;
  params.forEach((p, j) => p.data.set(kept.weights[j]!));
  return { model, rounds, bestRound: kept.round, updates: cfg.updates };
}

/** The held-out measurements of a trained (or checkpointed) stateful model. */
export function statefulReport(model: TrainableModel, chapters: readonly Chapter[], cfg: StatefulConfig, run: { rounds: readonly RoundStats[]; bestRound: number; updates: number }): StatefulReport {
  const data = statefulData(chapters, cfg);
  const V = data.vocab.length;
  if (V !== model.embedding.vocab.length) throw new Error(`the model reads ${model.embedding.vocab.length} symbols, the training chapters give ${V}`);
  const testChunks = heldoutChunks(data.test, cfg.evalChunk);
  const valChunks = heldoutChunks(data.validation, cfg.evalChunk);
  const uni = unigramBaseline(data.trainIds, V);
  const bi = (a: number) => bigramBaseline(data.trainIds, V, a);
  const bigramAlpha = BIGRAM_ALPHAS.reduce((b, a) => (baselineBpc(bi(a), valChunks) < baselineBpc(bi(b), valChunks) ? a : b));
  const stateful = statefulBpc(model, data.test);
  const unitTexts = firstChars(
    data.split.test.map((c) => c.text),
    cfg.testChars,
  );
  return {
    id: model.id,
    task: 'charlm',
    variant: 'stateful',
    kind: model.cell.kind,
    corpus: AUSTEN.name,
    lowercase: true,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    streams: cfg.streams,
    window: cfg.window,
    vocabSize: V,
    params: countParams(model),
    chapters: { train: data.split.train.length, validation: data.split.validation.length, test: data.split.test.length },
    // The streams' text: the training chapters joined, a space after each.
    trainChars: data.trainIds.reduce((a, t) => a + t.length + 1, 0),
    trainCharsSeen: run.updates * cfg.streams * cfg.window,
    updates: run.updates,
    heldoutChars: testChunks.reduce((a, c) => a + c.length - 1, 0),
    heldoutBpc: modelBpc(model, testChunks),
    baselines: { unigram: baselineBpc(uni, testChunks), bigram: baselineBpc(bi(bigramAlpha), testChunks), bigramAlpha },
    heldoutBpcStateful: stateful.bpc,
    // Whole chapters as one chunk each: the baselines predict exactly the characters statefulBpc does.
    baselinesStateful: { unigram: baselineBpc(uni, data.test), bigram: baselineBpc(bi(bigramAlpha), data.test) },
    valBpcCurve: run.rounds.map((r) => r.valBpc),
    lossCurve: run.rounds.map((r) => r.bpc),
    bestRound: run.bestRound,
    testChars: unitTexts.reduce((a, t) => a + t.length, 0),
    units: findUnits(model, unitTexts),
    paint: 'quote',
  };
}

/** The caption: held-out bits per character, and the quotation unit with its r, whatever it measured. */
export function statefulCaption(r: StatefulReport): { en: string; zh: string } {
  const f2 = (x: number) => x.toFixed(2);
  const q = r.units.find((u) => u.feature === 'quote');
  const qEn = q ? `Its best quotation unit, unit ${q.unit + 1} of ${q.vector}, is ${q.r > 0 ? 'high' : 'low'} inside quotation marks (r = ${f2(q.r)} on held-out chapters).` : '';
  const qZh = q ? `它最好的引号单元是 ${q.vector} 的第 ${q.unit + 1} 个单元，在引号内${q.r > 0 ? '偏高' : '偏低'}（留出章节上 r = ${f2(q.r)}）。` : '';
  return {
    en:
      `Trained statefully (the state carried from window to window, hidden ${r.hidden}). On held-out Austen chapters: ${f2(r.heldoutBpc)} bits per character ` +
      `from the zero state (bigram baseline ${f2(r.baselines.bigram)}), ${f2(r.heldoutBpcStateful)} with the state carried through each chapter. ${qEn} ` +
      'Here it reads what you type from the zero state.',
    zh:
      `以有状态方式训练（状态在窗口之间传递，隐藏层 ${r.hidden}）。在留出的奥斯汀章节上：从零状态每字符 ${f2(r.heldoutBpc)} 比特（二元基线 ${f2(r.baselines.bigram)}），` +
      `状态贯穿整章时 ${f2(r.heldoutBpcStateful)}。${qZh}这里它从零状态读你输入的文字。`,
  };
}
