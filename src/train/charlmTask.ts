/**
 * The character model task (`charlm-<kind>`): Austen's novels, chapters split by hash
 * (data/austen.ts), chars → embedding → cell → softmax over the next character. One definition
 * for `npm run train -- --task charlm`, the tests (with a tiny config) and anything else that
 * trains it. Same recipe and budget for every kind; keep-best on validation chapters only.
 */
import type { CellKind } from '../engine';
import {
  LN2,
  accumulateLmGrads,
  baselineBpc,
  bigramBaseline,
  charVocab,
  encodeChars,
  heldoutChunks,
  modelBpc,
  sampleWindows,
  unigramBaseline,
} from './charlm';
import { splitChapters, type Chapter } from './data/austen';
import { initNetwork, type TrainableModel } from './network';
import { countParams } from './tasks';
import { train, type EpochStats } from './trainer';
import { findUnits, type FoundUnit } from './units';

export interface CharLmConfig {
  readonly embedDim: number;
  readonly hidden: number;
  /** Characters per training window (BPTT length); every window starts from the zero state. */
  readonly window: number;
  readonly windowsPerEpoch: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lrAt: (epoch: number) => number;
  readonly clipNorm: number;
  /** Characters seen fewer times than this in training become `<unk>`. */
  readonly minCount: number;
  /** Held-out and validation text is scored in chunks of this many predicted characters. */
  readonly evalChunk: number;
  /** Validation chunks scored after each epoch (for keep-best). */
  readonly validationChunks: number;
  /** Held-out characters the unit finder reads (from the test chapters). */
  readonly unitChars: number;
}

export const CHARLM: CharLmConfig = {
  embedDim: 16,
  hidden: 48,
  window: 100,
  windowsPerEpoch: 3000,
  epochs: 10,
  batchSize: 8,
  // Measured on a 3-epoch trial: 0.004 learned slowly (3.70 bits/char after 120k characters).
  lrAt: (e) => (e < 5 ? 0.008 : e < 8 ? 0.004 : 0.002),
  clipNorm: 1,
  minCount: 20,
  evalChunk: 100,
  validationChunks: 300,
  unitChars: 60_000,
};

/** Sentences offered under the character model (the first is Austen's; any text works). */
export const CHARLM_PRESETS = ['It is a truth universally acknowledged', '"I do not know," said she.', 'i grew up in france'];

export const CHARLM_SEED = { windows: 7007, weights: 8008, shuffle: 9009 } as const;
const KIND_SEED: Record<CellKind, number> = { rnn: 1, lstm: 2, gru: 3, peephole: 4, coupled: 5 };
/** Add-α values tried for the bigram baseline; the best on validation text is used on the test text. */
const BIGRAM_ALPHAS = [0.001, 0.01, 0.1, 1];

export interface CharLmReport {
  readonly id: string;
  readonly task: 'charlm';
  readonly kind: CellKind;
  readonly corpus: string;
  readonly lowercase: true;
  readonly embedDim: number;
  readonly hidden: number;
  readonly vocabSize: number;
  readonly params: number;
  readonly chapters: { readonly train: number; readonly validation: number; readonly test: number };
  readonly trainCharsSeen: number;
  readonly heldoutChars: number;
  /** Bits per character on the test chapters: the model, and the baselines on the same characters. */
  readonly heldoutBpc: number;
  readonly baselines: { readonly unigram: number; readonly bigram: number; readonly bigramAlpha: number };
  readonly valBpcCurve: readonly number[];
  readonly lossCurve: readonly number[];
  readonly bestEpoch: number;
  readonly units: readonly FoundUnit[];
  wallSeconds?: number;
}

export function charLmId(kind: CellKind): string {
  return `charlm-${kind}`;
}

export function trainCharLm(
  kind: CellKind,
  chapters: readonly Chapter[],
  cfg: CharLmConfig = CHARLM,
  onEpoch?: (s: EpochStats) => void,
): { model: TrainableModel; report: CharLmReport } {
  const split = splitChapters(chapters);
  if (split.train.length === 0 || split.validation.length === 0 || split.test.length === 0) {
    throw new Error(`the chapters must fill every split (train ${split.train.length}, validation ${split.validation.length}, test ${split.test.length})`);
  }
  const vocab = charVocab(
    split.train.map((c) => c.text),
    cfg.minCount,
  );
  const enc = (cs: readonly Chapter[]) => cs.map((c) => encodeChars(vocab, c.text));
  const trainIds = enc(split.train);
  const valChunks = heldoutChunks(enc(split.validation), cfg.evalChunk).slice(0, cfg.validationChunks);
  const testChunks = heldoutChunks(enc(split.test), cfg.evalChunk);

  const model = initNetwork({
    id: charLmId(kind),
    task: 'charlm',
    kind,
    vocab,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    headKind: 'softmax',
    labels: vocab,
    seed: CHARLM_SEED.weights + KIND_SEED[kind],
    tokenizer: 'chars',
  });
  let seen = 0;
  const { stats, bestEpoch } = train(model, {
    epochs: cfg.epochs,
    batchSize: cfg.batchSize,
    lr: cfg.lrAt(0),
    lrAt: cfg.lrAt,
    clipNorm: cfg.clipNorm,
    seed: CHARLM_SEED.shuffle + KIND_SEED[kind],
    // The same windows for every kind (the seed does not depend on the kind).
    data: (epoch) => {
      seen += cfg.windowsPerEpoch * cfg.window;
      return sampleWindows(trainIds, cfg.window, cfg.windowsPerEpoch, CHARLM_SEED.windows + epoch).map((ids) => ({ ids: Array.from(ids), label: -1 }));
    },
    accumulate: (m, e, g) => accumulateLmGrads(m, e.ids, g),
    validate: () => -modelBpc(model, valChunks),
    ...(onEpoch ? { onEpoch } : {}),
  });

  const uni = unigramBaseline(trainIds, vocab.length);
  const bigramAlpha = BIGRAM_ALPHAS.reduce((best, a) =>
    baselineBpc(bigramBaseline(trainIds, vocab.length, a), valChunks) < baselineBpc(bigramBaseline(trainIds, vocab.length, best), valChunks) ? a : best,
  );
  const unitTexts: string[] = [];
  let unitChars = 0;
  for (const c of split.test) {
    if (unitChars >= cfg.unitChars) break;
    unitTexts.push(c.text.slice(0, cfg.unitChars - unitChars));
    unitChars += unitTexts.at(-1)!.length;
  }
  const report: CharLmReport = {
    id: model.id,
    task: 'charlm',
    kind,
    corpus: 'Jane Austen, six novels (janeaustenr)',
    lowercase: true,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    vocabSize: vocab.length,
    params: countParams(model),
    chapters: { train: split.train.length, validation: split.validation.length, test: split.test.length },
    trainCharsSeen: seen,
    heldoutChars: testChunks.reduce((a, c) => a + c.length - 1, 0),
    heldoutBpc: modelBpc(model, testChunks),
    baselines: {
      unigram: baselineBpc(uni, testChunks),
      bigram: baselineBpc(bigramBaseline(trainIds, vocab.length, bigramAlpha), testChunks),
      bigramAlpha,
    },
    valBpcCurve: stats.map((s) => -(s.valScore ?? NaN)),
    lossCurve: stats.map((s) => s.loss / LN2),
    bestEpoch,
    units: findUnits(model, unitTexts),
  };
  return { model, report };
}

const FEATURE_TEXT: Record<FoundUnit['feature'], { en: string; zh: string }> = {
  quote: { en: 'inside quotation marks', zh: '在引号内' },
  wordPos: { en: 'further into a word', zh: '越靠词尾' },
  space: { en: 'at a space', zh: '在空格处' },
  punct: { en: 'at punctuation', zh: '在标点处' },
  sentenceStart: { en: 'in the first word of a sentence', zh: '在句子的第一个词中' },
  vowel: { en: 'at a vowel', zh: '在元音处' },
};

/** The caption: held-out bits per character beside the baselines, and the three clearest units. */
export function charLmCaption(r: CharLmReport): { en: string; zh: string } {
  const top = [...r.units].sort((a, b) => Math.abs(b.r) - Math.abs(a.r)).slice(0, 3);
  const f2 = (x: number) => x.toFixed(2);
  // Units are counted from 1 on screen (u1, u2 … in the heatmaps), from 0 in the report.
  const en = top.map((u) => `unit ${u.unit + 1} of ${u.vector} is ${u.r > 0 ? 'high' : 'low'} ${FEATURE_TEXT[u.feature].en} (r = ${f2(u.r)})`);
  const zh = top.map((u) => `${u.vector} 的第 ${u.unit + 1} 个单元${FEATURE_TEXT[u.feature].zh}${u.r > 0 ? '偏高' : '偏低'}（r = ${f2(u.r)}）`);
  return {
    en:
      `Type anything and watch the top-3 guesses for the next character. On held-out Austen chapters: ${f2(r.heldoutBpc)} bits per character ` +
      `(bigram baseline ${f2(r.baselines.bigram)}, unigram ${f2(r.baselines.unigram)}). Units found by measurement: ${en.join('; ')}.`,
    zh:
      `随便输入，看它对下一个字符的前三个猜测。在留出的奥斯汀章节上：每字符 ${f2(r.heldoutBpc)} 比特` +
      `（二元基线 ${f2(r.baselines.bigram)}，一元基线 ${f2(r.baselines.unigram)}）。测量找到的单元：${zh.join('；')}。`,
  };
}
