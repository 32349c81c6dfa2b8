/**
 * The Chinese sentiment data: held-out and validation sentences never in training, by the hash
 * rule and by construction (built here with the real seeds and sizes of tasks.ts); the hand-written
 * sentences split by the same rule; and no single marker character that gives the label away.
 */
import { describe, expect, it } from 'vitest';
import { CONFIGS, NO_DATA, SEED } from '../tasks';
import { SENTIMENT_ZH_PRESETS, sentimentZhExamples, zhChars } from './sentimentZh';
import { ZH_HANDWRITTEN } from './sentimentZhHand';
import { GENERAL_NEG, GENERAL_POS, TOPICS } from './sentimentZhLexicon';
import { roleOf, sequenceKey } from './split';
import type { Example } from './types';

const keys = (xs: readonly Example[]) => new Set(xs.map((e) => sequenceKey(e.tokens)));
const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((k) => b.has(k));
const cfg = CONFIGS['sentiment-zh'];
/** The sizes tasks.ts trains with (4,000 generated training sentences; 1,000 held out; each hand-written training sentence three times). */
const ZH = { train: 4000, heldout: 1000, handRepeat: 3 } as const;
const handOf = (role: 'train' | 'validation' | 'test') => ZH_HANDWRITTEN.filter((h) => roleOf(zhChars(h.text)) === role);

describe('Chinese sentiment: the split', () => {
  const train = cfg.trainSet(NO_DATA);
  const trainKeys = keys(train);
  const heldout = cfg.heldoutSets(NO_DATA);
  const validation = keys(cfg.validationSet!(NO_DATA)!);

  it('training, validation and both held-out sets share no sentence, and each sentence is in its hash part', () => {
    expect(Object.keys(heldout)).toEqual(['generated', 'everyday']);
    expect(heldout.generated).toHaveLength(ZH.heldout);
    expect(keys(heldout.generated!).size).toBe(ZH.heldout);
    for (const set of Object.values(heldout)) {
      expect(shared(trainKeys, keys(set))).toEqual([]);
      expect(shared(validation, keys(set))).toEqual([]);
      for (const e of set) expect(roleOf(e.tokens)).toBe('test');
    }
    expect(shared(trainKeys, validation)).toEqual([]);
    for (const e of train) expect(roleOf(e.tokens)).toBe('train');
  });

  it('the held-out everyday set is every hand-written sentence whose hash says test, and none of them is generated', () => {
    const test = handOf('test');
    expect(test.length).toBeGreaterThanOrEqual(30);
    expect(heldout.everyday!.map((e) => e.tokens.join(''))).toEqual(test.map((h) => h.text));
    // The hand-written sentences are never drawn by the generator, in any part.
    const hand = keys(ZH_HANDWRITTEN.map((h) => ({ tokens: zhChars(h.text), label: h.label })));
    for (const role of ['train', 'validation', 'test'] as const) expect(shared(hand, keys(sentimentZhExamples(500, 77, role)))).toEqual([]);
  });

  it('the presets are never trained on', () => {
    for (const p of SENTIMENT_ZH_PRESETS) expect(trainKeys.has(sequenceKey(zhChars(p.text))), p.text).toBe(false);
  });

  it('the training set is the generated training sentences and the hand-written training part, repeated', () => {
    const hand = handOf('train');
    expect(train).toHaveLength(ZH.train + ZH.handRepeat * hand.length);
    expect(train.slice(0, ZH.train)).toEqual(sentimentZhExamples(ZH.train, SEED.trainData, 'train'));
    expect(train.slice(ZH.train).map((e) => e.tokens.join(''))).toEqual([...hand, ...hand, ...hand].map((h) => h.text));
  });

  it('a split is a fixed function of the characters: the same seed gives the same sentences', () => {
    expect(sentimentZhExamples(50, 9, 'test')).toEqual(sentimentZhExamples(50, 9, 'test'));
    expect(sentimentZhExamples(50, 9, 'test')).not.toEqual(sentimentZhExamples(50, 10, 'test'));
  });
});

describe('Chinese sentiment: what a bag of characters could shortcut', () => {
  const train = sentimentZhExamples(ZH.train, SEED.trainData, 'train');
  const shareWith = (mark: string) => {
    const hits = train.filter((e) => e.tokens.join('').includes(mark));
    return { n: hits.length, positive: hits.filter((e) => e.label === 1).length / hits.length };
  };

  it('the labels are balanced', () => {
    const p = train.filter((e) => e.label === 1).length / train.length;
    expect(p).toBeGreaterThan(0.45);
    expect(p).toBeLessThan(0.55);
  });

  // Each marker goes with either label: on its own it says little, its place in the sentence says it all.
  for (const mark of ['不', '没', '别', '虽然', '但是', '最', '又', '很', '太', '有点', '特别', '非常', '。', '！']) {
    it(`“${mark}” is in sentences of both labels (30–70% positive)`, () => {
      const { n, positive } = shareWith(mark);
      expect(n).toBeGreaterThan(40);
      expect(positive).toBeGreaterThan(0.3);
      expect(positive).toBeLessThan(0.7);
    });
  }

  // The polarity of each adjective, from the word lists (one that is in both lists is left out).
  const posAdj = new Set([...TOPICS.flatMap((t) => t.pos), ...GENERAL_POS]);
  const negAdj = new Set([...TOPICS.flatMap((t) => t.neg), ...GENERAL_NEG]);
  const alt = (xs: Iterable<string>) => [...xs].filter((a) => !(posAdj.has(a) && negAdj.has(a)) && !/^[不没]/u.test(a)).join('|');
  const end = '[。！啊呀了的]*$';
  // A sentence with nothing but a subject, one negation or degree word and an adjective.
  const simple = (words: string, adj: string) => new RegExp(`^[^，不没让最又既喜讨]*?(${words})(${adj})${end}`, 'u');
  const NEG = '不|不太|不是很|不怎么|一点也不|一点都不|并不|不算';
  const DEG = '很|非常|特别|真|太|挺|超级|十分';

  it('a negation flips the adjective, a degree word does not: the label rule, checked against the word lists', () => {
    const rule: Array<[RegExp, 0 | 1]> = [
      [simple(NEG, alt(posAdj)), 0],
      [simple(NEG, alt(negAdj)), 1],
      [simple(DEG, alt(posAdj)), 1],
      [simple(DEG, alt(negAdj)), 0],
    ];
    for (const [re, want] of rule) {
      const hits = train.filter((e) => re.test(e.tokens.join('')));
      expect(hits.length, String(re)).toBeGreaterThan(20);
      for (const e of hits) expect(e.label, e.tokens.join('')).toBe(want);
    }
  });

  it('contrast: the clause after 但是 decides, and a clause after 虽然 does not', () => {
    // Clauses without any negation or verb form, so each clause's sign is its adjective's.
    const clause = (adj: string) => `[^，不没让]*?(${DEG})?(${adj})[了的]?`;
    const contrast = (a: string, b: string) => new RegExp(`^虽然${clause(a)}，但是?${clause(b)}${end}`, 'u');
    const toBad = train.filter((e) => contrast(alt(posAdj), alt(negAdj)).test(e.tokens.join('')));
    const toGood = train.filter((e) => contrast(alt(negAdj), alt(posAdj)).test(e.tokens.join('')));
    expect(toBad.length).toBeGreaterThan(5);
    expect(toGood.length).toBeGreaterThan(5);
    for (const e of toBad) expect(e.label, e.tokens.join('')).toBe(0);
    for (const e of toGood) expect(e.label, e.tokens.join('')).toBe(1);
  });
});

describe('the fresh sentences (written after the models were final)', () => {
  it('none is a training, validation or held-out sentence, and none is hand-written', async () => {
    const { FRESH_ZH } = await import('./sentimentZhFresh');
    const fresh = keys(FRESH_ZH.map((f) => ({ tokens: zhChars(f.text), label: f.label })));
    expect(fresh.size).toBe(50);
    const all = [cfg.trainSet(NO_DATA), cfg.validationSet!(NO_DATA)!, ...Object.values(cfg.heldoutSets(NO_DATA))];
    for (const set of all) expect(shared(fresh, keys(set))).toEqual([]);
    expect(shared(fresh, keys(ZH_HANDWRITTEN.map((h) => ({ tokens: zhChars(h.text), label: h.label }))))).toEqual([]);
  });
});
