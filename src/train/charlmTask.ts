/**
 * The character model task (`charlm-<kind>`): Austen's novels, chapters split by hash
 * (data/austen.ts), chars → embedding → cell → softmax over the next character. One definition
 * for `npm run train -- --task charlm`, the tests (with a tiny config) and anything else that
 * trains it. Same recipe and budget for every kind; keep-best on validation chapters only.
 */
import { type CellKind, kindOf } from '../engine';
import { LN2, accumulateLmGrads, baselineBpc, bigramBaseline, charVocab, encodeChars, heldoutChunks, modelBpc, sampleWindows, unigramBaseline } from './charlm';
import { splitChapters, type Chapter } from './data/austen';
import { initNetwork, type TrainableModel } from './network';
import { countParams } from './tasks';
import { train, type EpochStats } from './trainer';
import { FEATURES, findUnits, type Feature, type FoundUnit } from './units';

interface CharLmConfig {
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
  /** Stop after this many epochs without a better validation score (the best epoch's weights are kept). */
  readonly patience: number;
}

export const CHARLM: CharLmConfig = {
  embedDim: 16,
  hidden: 48,
  window: 120,
  windowsPerEpoch: 3000,
  epochs: 20,
  batchSize: 8,
  // Measured: 0.004 learned slowly (3.70 bits/char after 120k characters, a 3-epoch trial); 10
  // epochs of 100-character windows at 0.008 → 0.002 gave 2.26–2.42 and were still improving.
  lrAt: (e) => (e < 10 ? 0.008 : e < 16 ? 0.004 : 0.002),
  clipNorm: 1,
  minCount: 20,
  evalChunk: 100,
  validationChunks: 300,
  unitChars: 60_000,
  patience: 3,
};

/** Sentences offered under the character model (the first is Austen's; any text works). */
const CHARLM_PRESETS = ['It is a truth universally acknowledged', '"I do not know," said she.', 'i grew up in france'];

/**
 * The Chinese poems are a small corpus (about 24,000 training characters, 1,800 distinct): short
 * windows (a quatrain is 24 characters), many passes, keep-best on validation poems. A character
 * seen once in training is `<unk>`, so the model learns what an unseen character is like.
 */
const CHARLM_ZH: CharLmConfig = {
  ...CHARLM,
  window: 48,
  windowsPerEpoch: 1000,
  epochs: 20,
  lrAt: (e) => (e < 10 ? 0.005 : e < 15 ? 0.0025 : 0.00125),
  minCount: 2,
  evalChunk: 48,
  validationChunks: 1000,
  unitChars: 20_000,
};

/** A corpus the character model trains on: its task id, its name in the report, its language and recipe. */
interface CharCorpus {
  readonly task: 'charlm' | 'charlm-zh';
  readonly name: string;
  readonly lang: 'en' | 'zh';
  readonly config: CharLmConfig;
  readonly presets: readonly string[];
  /** The features the unit finder looks for (spaces, vowels and quotes mean nothing in the poems). */
  readonly features: readonly Feature[];
}

export const AUSTEN: CharCorpus = {
  task: 'charlm',
  name: 'Jane Austen, six novels (janeaustenr)',
  lang: 'en',
  config: CHARLM,
  presets: CHARLM_PRESETS,
  features: FEATURES,
};

export const POEMS: CharCorpus = {
  task: 'charlm-zh',
  name: 'Three Hundred Tang Poems and a hundred Song poems (fortunes-zh)',
  lang: 'zh',
  config: CHARLM_ZH,
  presets: ['床前明月光，疑是地上霜。', '春眠不觉晓，处处闻啼鸟。', '白日依山尽，黄河入海流。'],
  features: ['wordPos', 'punct'],
};

const CHARLM_SEED = { windows: 7007, weights: 8008, shuffle: 9009 } as const;
/** Add-α values tried for the bigram baseline; the best on validation text is used on the test text. */
const BIGRAM_ALPHAS = [0.001, 0.01, 0.1, 1];

interface CharLmReport {
  readonly id: string;
  readonly task: CharCorpus['task'];
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

function charLmId(kind: CellKind, corpus: CharCorpus = AUSTEN): string {
  return `${corpus.task}-${kind}`;
}

/**
 * The chapters' split (by the hash of each chapter's name) and the vocabulary of the training
 * chapters: one definition for every character task on them (stateless and stateful).
 */
export function splitWithVocab(chapters: readonly Chapter[], minCount: number) {
  const split = splitChapters(chapters);
  if (split.train.length === 0 || split.validation.length === 0 || split.test.length === 0) {
    throw new Error(`the chapters must fill every split (train ${split.train.length}, validation ${split.validation.length}, test ${split.test.length})`);
  }
  const vocab = charVocab(
    split.train.map((c) => c.text),
    minCount,
  );
  return { split, vocab };
}

export function trainCharLm(
  kind: CellKind,
  chapters: readonly Chapter[],
  corpus: CharCorpus = AUSTEN,
  cfg: CharLmConfig = corpus.config,
  onEpoch?: (s: EpochStats) => void,
): { model: TrainableModel; report: CharLmReport } {
  const { split, vocab } = splitWithVocab(chapters, cfg.minCount);
  const enc = (cs: readonly Chapter[]) => cs.map((c) => encodeChars(vocab, c.text));
  const trainIds = enc(split.train);
  const valChunks = heldoutChunks(enc(split.validation), cfg.evalChunk).slice(0, cfg.validationChunks);
  const testChunks = heldoutChunks(enc(split.test), cfg.evalChunk);

  const model = initNetwork({
    id: charLmId(kind, corpus),
    task: corpus.task,
    kind,
    vocab,
    embedDim: cfg.embedDim,
    hidden: cfg.hidden,
    headKind: 'softmax',
    labels: vocab,
    seed: CHARLM_SEED.weights + kindOf(kind).seedOffset,
    tokenizer: 'chars',
  });
  let seen = 0;
  let best = -Infinity;
  let sinceBest = 0;
  const { stats, bestEpoch } = train(model, {
    epochs: cfg.epochs,
    batchSize: cfg.batchSize,
    lr: cfg.lrAt(0),
    lrAt: cfg.lrAt,
    clipNorm: cfg.clipNorm,
    seed: CHARLM_SEED.shuffle + kindOf(kind).seedOffset,
    // The same windows for every kind (the seed does not depend on the kind).
    data: (epoch) => {
      seen += cfg.windowsPerEpoch * cfg.window;
      return sampleWindows(trainIds, cfg.window, cfg.windowsPerEpoch, CHARLM_SEED.windows + epoch).map((ids) => ({ ids: Array.from(ids), label: -1 }));
    },
    accumulate: (m, e, g) => accumulateLmGrads(m, e.ids, g),
    validate: () => {
      const score = -modelBpc(model, valChunks);
      sinceBest = score > best ? 0 : sinceBest + 1;
      best = Math.max(best, score);
      return score;
    },
    stop: () => sinceBest >= cfg.patience,
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
    task: corpus.task,
    kind,
    corpus: corpus.name,
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
    units: findUnits(model, unitTexts).filter((u) => corpus.features.includes(u.feature)),
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
  sentencePos: { en: 'further into a sentence', zh: '越靠句末' },
  sinceQuote: { en: 'the longer since a quotation mark', zh: '离上一个引号越远' },
};

/** The caption: held-out bits per character beside the baselines, and the three clearest units. */
export function charLmCaption(r: CharLmReport): { en: string; zh: string } {
  // Only units that track something (|r| ≥ 0.1), the three clearest.
  const top = [...r.units]
    .filter((u) => Math.abs(u.r) >= 0.1)
    .sort((a, b) => Math.abs(b.r) - Math.abs(a.r))
    .slice(0, 3);
  const poems = r.task === 'charlm-zh';
  const what = (u: FoundUnit) => (poems && u.feature === 'wordPos' ? { en: 'further into the line', zh: '越靠句末' } : FEATURE_TEXT[u.feature]);
  const f2 = (x: number) => x.toFixed(2);
  // Units are counted from 1 on screen (u1, u2 … in the heatmaps), from 0 in the report.
  const en = top.map((u) => `unit ${u.unit + 1} of ${u.vector} is ${u.r > 0 ? 'high' : 'low'} ${what(u).en} (r = ${f2(u.r)})`);
  const zh = top.map((u) => `${u.vector} 的第 ${u.unit + 1} 个单元${what(u).zh}${u.r > 0 ? '偏高' : '偏低'}（r = ${f2(u.r)}）`);
  const where = poems ? { en: 'held-out poems', zh: '留出的诗' } : { en: 'held-out Austen chapters', zh: '留出的奥斯汀章节' };
  const units = { en: top.length ? ` Units found by measurement: ${en.join('; ')}.` : '', zh: top.length ? `测量找到的单元：${zh.join('；')}。` : '' };
  return {
    en:
      `Type anything and watch the top-3 guesses for the next character. On ${where.en}: ${f2(r.heldoutBpc)} bits per character ` +
      `(bigram baseline ${f2(r.baselines.bigram)}, unigram ${f2(r.baselines.unigram)}).${units.en}`,
    zh: `随便输入，看它对下一个字符的前三个猜测。在${where.zh}上：每字符 ${f2(r.heldoutBpc)} 比特` + `（二元基线 ${f2(r.baselines.bigram)}，一元基线 ${f2(r.baselines.unigram)}）。${units.zh}`,
  };
}
