/**
 * The English sentiment data: the hand-written sentences split by the hash rule before training
 * (the held-out everyday part is never trained on or used to pick an epoch), and the grammar's
 * labels follow its rules (negation flips, the main clause of a contrast decides in either order,
 * a superlative has its adjective's sign, a feeling alone decides nothing).
 */
import { describe, expect, it } from 'vitest';
import { CONFIGS, SEED, SENTIMENT_TRAIN } from '../tasks';
import { EVERYDAY } from './everyday';
import { SENTIMENT_PRESETS, handwrittenExamples, sentenceTokens, sentimentExamples } from './sentiment';
import { HANDWRITTEN } from './sentimentHand';
import { NEGATIVE_ADJ, POSITIVE_ADJ } from './sentimentWords';
import { roleOf, sequenceKey } from './split';
import type { Example } from './types';

const keys = (xs: readonly Example[]) => new Set(xs.map((e) => sequenceKey(e.tokens)));
const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((k) => b.has(k));
/** What the trainer and keep-best see, with a stand-in review so the validation set is built. */
const review: Example = { tokens: ['a', 'review'], label: 1 };
const data = { reviews: { train: [review], validation: [review], test: [review] } };
const cfg = CONFIGS.sentiment;

describe('English sentiment: the hand-written sentences', () => {
  const train = keys(cfg.trainSet(data));
  const validation = keys(cfg.validationSet!(data)!);
  const heldout = handwrittenExamples('test');

  it('are distinct pairs, one positive and one negative a line, none an old everyday sentence or a preset', () => {
    const all = keys(HANDWRITTEN.map((h) => ({ tokens: sentenceTokens(h.text), label: h.label })));
    expect(all.size).toBe(HANDWRITTEN.length);
    expect(HANDWRITTEN.filter((h) => h.label === 1)).toHaveLength(HANDWRITTEN.length / 2);
    const checks = keys([...EVERYDAY, ...SENTIMENT_PRESETS].map((e) => ({ tokens: sentenceTokens(e.text), label: e.label })));
    expect(shared(all, checks)).toEqual([]);
  });

  it('the held-out everyday set is the hand-written test hash part: at least 25, both labels, never in training or validation', () => {
    expect(heldout.length).toBeGreaterThanOrEqual(25);
    expect(heldout.some((e) => e.label === 0) && heldout.some((e) => e.label === 1)).toBe(true);
    for (const e of heldout) expect(roleOf(e.tokens)).toBe('test');
    expect(shared(keys(heldout), train)).toEqual([]);
    expect(shared(keys(heldout), validation)).toEqual([]);
  });

  it('training holds the train hash part, validation the validation part, and each part is the hash rule on the tokens', () => {
    for (const e of handwrittenExamples('train')) expect(train.has(sequenceKey(e.tokens))).toBe(true);
    for (const e of handwrittenExamples('validation')) {
      expect(validation.has(sequenceKey(e.tokens))).toBe(true);
      expect(train.has(sequenceKey(e.tokens))).toBe(false);
    }
    const parts = ['train', 'validation', 'test'] as const;
    expect(parts.map((r) => handwrittenExamples(r).length).reduce((a, b) => a + b)).toBe(HANDWRITTEN.length);
  });
});

describe('English sentiment: the grammar keeps its rules', () => {
  const train = sentimentExamples(SENTIMENT_TRAIN, SEED.trainData, 'train');
  const text = (e: Example) => e.tokens.join(' ');
  const pos = POSITIVE_ADJ.join('|');
  const neg = NEGATIVE_ADJ.join('|');
  const matching = (re: RegExp) => train.filter((e) => re.test(text(e)));

  it('the labels are balanced', () => {
    const p = train.filter((e) => e.label === 1).length / train.length;
    expect(p).toBeGreaterThan(0.45);
    expect(p).toBeLessThan(0.55);
  });

  it('a negated adjective of any strength flips it: "the X was not interesting" is negative, "… never boring" positive', () => {
    const rules: Array<[RegExp, 0 | 1]> = [
      [new RegExp(`^the \\w+ (was|is) (not|never) (${pos})$`), 0],
      [new RegExp(`^the \\w+ (was|is) (not|never) (${neg})$`), 1],
      [new RegExp(`^the \\w+ (wasn't|isn't) (${pos})$`), 0],
      [new RegExp(`^the \\w+ (was|is) (a bit|rather|slightly|very|really) (${neg})$`), 0],
    ];
    for (const [re, want] of rules) {
      const hits = matching(re);
      expect(hits.length, String(re)).toBeGreaterThan(10);
      for (const e of hits) expect(e.label, text(e)).toBe(want);
    }
  });

  it('superlatives take their sign, and a negated one flips', () => {
    const best = matching(/(^|\s)(the|by far the|easily the) best /).filter((e) => !/\b(but|yet|although|though)\b|not the best|worst/.test(text(e)));
    const notBest = matching(/^not the best \w+ /).filter((e) => !/\b(but|yet|although|though)\b|,/.test(text(e)));
    expect(best.length).toBeGreaterThan(20);
    expect(notBest.length).toBeGreaterThan(5);
    for (const e of best) expect(e.label, text(e)).toBe(1);
    for (const e of notBest) expect(e.label, text(e)).toBe(0);
  });

  it('contrast in both orders: the clause after "although" or "even though" never decides, the other one does', () => {
    // Single clauses "the X was (very) ADJ" on each side, no negation, so each clause's sign is its adjective's.
    const c = (adj: string) => `(the|it|this|our|my)( \\w+)? (was|is)( (very|really|so|truly|quite|extremely|pretty|incredibly|rather|slightly|somewhat|fairly|super|a bit))? (${adj})`;
    const forms: Array<[RegExp, 0 | 1]> = [
      [new RegExp(`^(although|even though) ${c(pos)} , ${c(neg)}$`), 0],
      [new RegExp(`^(although|even though) ${c(neg)} , ${c(pos)}$`), 1],
      [new RegExp(`^${c(pos)} , (although|even though) ${c(neg)}$`), 1],
      [new RegExp(`^${c(neg)} , (although|even though) ${c(pos)}$`), 0],
      [new RegExp(`^${c(pos)} (but|, yet) ${c(neg)}$`), 0],
    ];
    let n = 0;
    for (const [re, want] of forms) {
      const hits = matching(re);
      n += hits.length;
      for (const e of hits) expect(e.label, text(e)).toBe(want);
    }
    // Each form is rare in this narrow shape (most clauses carry a negation, verdict or liking), together they are not.
    expect(n).toBeGreaterThan(15);
  });

  it('a feeling ("it made me cry") goes with both labels', () => {
    const cry = matching(/it made me cry|i cried/);
    expect(cry.length).toBeGreaterThan(30);
    const p = cry.filter((e) => e.label === 1).length / cry.length;
    expect(p).toBeGreaterThan(0.3);
    expect(p).toBeLessThan(0.7);
  });
});

describe('the fresh sentences (written after the models were final)', () => {
  it('50, in six categories of both labels; none is a training, validation, held-out or hand-written sentence', async () => {
    const { FRESH, FRESH_CATEGORIES } = await import('./sentimentFresh');
    const fresh = keys(FRESH.map((f) => ({ tokens: sentenceTokens(f.text), label: f.label })));
    expect(fresh.size).toBe(50);
    for (const c of FRESH_CATEGORIES) {
      const xs = FRESH.filter((f) => f.category === c);
      expect(xs.length, c).toBeGreaterThanOrEqual(8);
      expect(new Set(xs.map((f) => f.label)).size, c).toBe(2);
    }
    const all = [cfg.trainSet(data), cfg.validationSet!(data)!, ...Object.values(cfg.heldoutSets(data))];
    for (const set of all) expect(shared(fresh, keys(set))).toEqual([]);
    expect(shared(fresh, keys(HANDWRITTEN.map((h) => ({ tokens: sentenceTokens(h.text), label: h.label }))))).toEqual([]);
  });
});

describe('the lesson grammar (the lab trains on it in the browser)', () => {
  it('draws only the lists’ first words and the first templates: no superlative, "although" or newer noun', () => {
    const lesson = sentimentExamples(2000, 1001, 'train', true).map((e) => e.tokens.join(' '));
    const newer = new RegExp(`\\b(${[...POSITIVE_ADJ.slice(24), ...NEGATIVE_ADJ.slice(24), 'best', 'worst', 'although', 'though', 'yet', 'phone', 'app', 'teacher', 'cry'].join('|')})\\b`);
    expect(lesson.filter((t) => newer.test(t))).toEqual([]);
    expect(sentimentExamples(2000, 1001, 'train').some((e) => newer.test(e.tokens.join(' ')))).toBe(true);
  });
});
