/**
 * Held-out (test) and validation data never contain a training sequence: built with the real
 * seeds and sizes of src/train/tasks.ts, compared by exact token sequence.
 */
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../text/tokenize';
import { CONFIGS, NO_DATA, SEED, SENTIMENT_VALIDATION, MEMORY_EVAL_GAPS, MEMORY_HELDOUT_PER_GAP, MEMORY_VALIDATION_PER_GAP, SENTIMENT_HELDOUT, SENTIMENT_TRAIN } from '../tasks';
import { COUNTRIES, FILLER_DID, FILLER_WHEN, FILLER_WHERE, FILLER_WHO, FIXED_FILLER, LANGUAGES, MEMORY_GAPS, memoryExamplesAtGap } from './memory';
import { SENTIMENT_PRESETS, handwrittenExamples, sentimentExamples } from './sentiment';
import { EVERYDAY } from './everyday';
import { roleOf, sequenceKey } from './split';
import type { Example } from './types';

const keys = (xs: readonly Example[]) => new Set(xs.map((e) => sequenceKey(e.tokens)));
const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((k) => b.has(k));

describe('roleOf', () => {
  it('is a fixed function of the exact tokens, about 80 / 10 / 10 train / validation / test', () => {
    const n = 20_000;
    const count = { train: 0, validation: 0, test: 0 };
    for (let k = 0; k < n; k++) count[roleOf(['i', 'was', 'born', 'in', `x${k}`])]++;
    expect(count.train / n).toBeCloseTo(0.8, 1);
    expect(count.validation / n).toBeCloseTo(0.1, 1);
    expect(count.test / n).toBeCloseTo(0.1, 1);
    expect(roleOf(['the', 'movie', 'was', 'good'])).toBe(roleOf('the movie was good'.split(' ')));
  });
});

describe('sentiment: held-out and training sentences are disjoint', () => {
  const train = CONFIGS.sentiment.trainSet(NO_DATA);
  const heldout = CONFIGS.sentiment.heldoutSets(NO_DATA).all!;
  const trainKeys = keys(train);
  const heldoutKeys = keys(heldout);

  it('training is 6000 distinct generated sentences and the hand-written training part three times, held-out 1000 distinct sentences, none shared', () => {
    const hand = handwrittenExamples('train');
    expect(train).toHaveLength(SENTIMENT_TRAIN + 3 * hand.length);
    expect(keys(train.slice(0, SENTIMENT_TRAIN)).size).toBe(SENTIMENT_TRAIN);
    expect(trainKeys.size).toBeLessThanOrEqual(SENTIMENT_TRAIN + hand.length);
    expect(heldout).toHaveLength(SENTIMENT_HELDOUT);
    expect(heldoutKeys.size).toBe(SENTIMENT_HELDOUT);
    expect(shared(trainKeys, heldoutKeys)).toEqual([]);
  });
  it('every training sentence is of the train split, every held-out one of the test split', () => {
    expect(train.every((e) => roleOf(e.tokens) === 'train')).toBe(true);
    expect(heldout.every((e) => roleOf(e.tokens) === 'test')).toBe(true);
  });
  it('the four preset (check) sentences are not training sentences', () => {
    for (const { text } of SENTIMENT_PRESETS) {
      const tokens = tokenize(text).tokens;
      expect(tokens).toEqual(text.split(' '));
      expect(trainKeys.has(sequenceKey(tokens)), text).toBe(false);
    }
  });
  it('the everyday check sentences are not training sentences, and the validation templates are neither training nor held-out ones', () => {
    for (const { text } of EVERYDAY) expect(trainKeys.has(sequenceKey(tokenize(text).tokens.map((t) => t.toLowerCase()))), text).toBe(false);
    const validation = keys(sentimentExamples(SENTIMENT_VALIDATION, SEED.validation, 'validation'));
    expect(validation.size).toBe(SENTIMENT_VALIDATION);
    expect(shared(validation, trainKeys)).toEqual([]);
    expect(shared(validation, heldoutKeys)).toEqual([]);
  });
});

describe('memory: held-out and validation sequences are never training sequences', () => {
  const cfg = CONFIGS.memory;
  // Everything the trainer can see: the vocabulary set and every epoch's fresh sequences.
  const seen: Example[] = [...cfg.trainSet(NO_DATA)];
  for (let epoch = 0; epoch < cfg.epochs; epoch++) seen.push(...(cfg.epochExamples(epoch) ?? []));
  const trainKeys = keys(seen);
  const heldout = cfg.heldoutSets(NO_DATA);
  const validation = cfg.validationSet!(NO_DATA)!;
  const validationKeys = keys(validation);

  it('no held-out sequence at any gap is a training or a validation sequence', () => {
    expect(Object.keys(heldout).map(Number)).toEqual([...MEMORY_EVAL_GAPS]);
    for (const [gap, xs] of Object.entries(heldout)) {
      const k = keys(xs);
      expect(xs, `gap ${gap}`).toHaveLength(MEMORY_HELDOUT_PER_GAP);
      expect(k.size, `gap ${gap}: distinct`).toBe(MEMORY_HELDOUT_PER_GAP);
      expect(shared(k, trainKeys), `gap ${gap}`).toEqual([]);
      expect(shared(k, validationKeys), `gap ${gap}`).toEqual([]);
      expect(xs.every((e) => e.gap === Number(gap) && e.tokens.length === Number(gap) + 10)).toBe(true);
    }
  });
  it('no validation (keep-best) sequence is a training sequence', () => {
    expect(validation).toHaveLength(MEMORY_VALIDATION_PER_GAP * MEMORY_GAPS.length);
    expect(validationKeys.size).toBe(validation.length);
    expect(shared(validationKeys, trainKeys)).toEqual([]);
  });
  it('by construction: every training sequence is of the train split (so more epochs or other seeds cannot overlap either)', () => {
    expect(seen.every((e) => roleOf(e.tokens) === 'train')).toBe(true);
    expect(validation.every((e) => roleOf(e.tokens) === 'validation')).toBe(true);
    expect(Object.values(heldout).every((xs) => xs.every((e) => roleOf(e.tokens) === 'test'))).toBe(true);
  });
  it('the extra check set of shipped.test.ts (seed 9090, gap 30) is held-out data too', () => {
    expect(shared(keys(memoryExamplesAtGap(60, 9090, 30)), trainKeys)).toEqual([]);
  });
  it('filler names no country or language', () => {
    const words = new Set([...FIXED_FILLER, ...FILLER_WHEN, ...FILLER_WHO, ...FILLER_DID, ...FILLER_WHERE].flat());
    for (const w of [...COUNTRIES, ...LANGUAGES]) expect(words.has(w), w).toBe(false);
  });
});
