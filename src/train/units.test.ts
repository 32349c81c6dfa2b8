import { describe, expect, it } from 'vitest';
import { cellStateOf, createRng, embedToken, run } from '../engine';
import { initNetwork } from './network';
import { FEATURES, UnitFinder, findUnits, textFeatures } from './units';

describe('text features', () => {
  it('marks quotations (opening quote inside, closing outside), word position, spaces and sentence starts', () => {
    const chars = Array.from('he said "no." she');
    const f = textFeatures(chars);
    const at = (k: keyof typeof f) => Array.from(f[k]).join('');
    expect(at('quote')).toBe('00000000111100000');
    expect(at('wordPos')).toBe('12012340012000123');
    expect(at('space')).toBe('00100001000001000');
    expect(at('punct')).toBe('00000000000100000');
    // "he" starts the text's first sentence; after "no." the next word "she" starts one.
    expect(at('sentenceStart')).toBe('11000000000000111');
  });
});

describe('the unit finder', () => {
  it('finds the one unit built to track quotes, with its sign, among noise units', () => {
    const rng = createRng(4);
    const text = Array.from('"yes," said he, "it is." then "no" and more words "at last" ok.'.repeat(20));
    const feats = textFeatures(text);
    const H = 10;
    const finder = new UnitFinder(H);
    text.forEach((_, t) => {
      const h = Float64Array.from({ length: H }, () => rng.uniform(-1, 1));
      const c = Float64Array.from({ length: H }, () => rng.uniform(-1, 1));
      // C[7] is low inside quotes (plus noise); nothing else knows about them.
      c[7] = -0.8 * feats.quote[t]! + 0.2 * rng.uniform(-1, 1);
      finder.add(
        h,
        c,
        FEATURES.map((k) => feats[k][t]!),
      );
    });
    const quote = finder.result().find((u) => u.feature === 'quote')!;
    expect(quote).toMatchObject({ vector: 'C', unit: 7 });
    expect(quote.r).toBeLessThan(-0.9);
    // A feature no unit was built for is matched only weakly by noise.
    expect(Math.abs(finder.result().find((u) => u.feature === 'vowel')!.r)).toBeLessThan(0.3);
  });

  it('a constant unit correlates with nothing (0, not NaN)', () => {
    const finder = new UnitFinder(1);
    for (let t = 0; t < 10; t++)
      finder.add(
        [0.5],
        null,
        FEATURES.map((_, j) => (t + j) % 2),
      );
    expect(finder.result().every((u) => u.r === 0 && u.vector === 'h')).toBe(true);
  });
});

describe('structure longer than a word', () => {
  it('counts characters since the sentence began and since the last quotation mark', () => {
    const f = textFeatures(Array.from('ab. "c d." e'));
    expect(Array.from(f.sentencePos)).toEqual([1, 2, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3]);
    expect(Array.from(f.sinceQuote)).toEqual([1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2]);
  });

  it('finds a unit that counts since the last quote, and one that is the position in the sentence, among noise', () => {
    const rng = createRng(8);
    const text = Array.from('she said "i will go. i will." and went. "no," said he, "not yet." then all was still. '.repeat(15));
    const feats = textFeatures(text);
    const finder = new UnitFinder(6);
    text.forEach((_, t) => {
      const h = Float64Array.from({ length: 6 }, () => rng.uniform(-1, 1));
      h[2] = Math.tanh(feats.sinceQuote[t]! / 40) + 0.05 * rng.uniform(-1, 1);
      h[4] = -feats.sentencePos[t]! / 30 + 0.05 * rng.uniform(-1, 1);
      finder.add(
        h,
        null,
        FEATURES.map((k) => feats[k][t]!),
      );
    });
    const found = finder.result();
    expect(found.find((u) => u.feature === 'sinceQuote')).toMatchObject({ vector: 'h', unit: 2 });
    expect(found.find((u) => u.feature === 'sinceQuote')!.r).toBeGreaterThan(0.9);
    expect(found.find((u) => u.feature === 'sentencePos')).toMatchObject({ vector: 'h', unit: 4 });
    expect(found.find((u) => u.feature === 'sentencePos')!.r).toBeLessThan(-0.9);
  });
});

describe('findUnits on a model', () => {
  it('reads each text from the zero state with the state carried to its end (the same as one run over it)', () => {
    const vocab = ['<unk>', ' ', 'a', 'b', '"', '.'];
    const m = initNetwork({ id: 't', task: 'charlm', kind: 'lstm', vocab, embedDim: 3, hidden: 5, headKind: 'softmax', labels: vocab, seed: 3, tokenizer: 'chars' });
    const texts = ['ab "ba ab." a', 'b "a" b.'];
    const finder = new UnitFinder(5);
    for (const text of texts) {
      const chars = Array.from(text);
      const feats = textFeatures(chars);
      const { traces } = run(
        m.cell,
        chars.map((c) => embedToken(m.embedding, c).x),
      );
      traces.forEach((tr, t) =>
        finder.add(
          tr.h,
          cellStateOf(tr),
          FEATURES.map((k) => feats[k][t]!),
        ),
      );
    }
    const want = finder.result();
    const got = findUnits(m, texts);
    got.forEach((u, j) => {
      expect(u).toMatchObject({ feature: want[j]!.feature, vector: want[j]!.vector, unit: want[j]!.unit });
      expect(u.r).toBeCloseTo(want[j]!.r, 12);
    });
  });
});
