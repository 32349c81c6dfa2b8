import { describe, expect, it } from 'vitest';
import { createRng } from '../engine';
import { FEATURES, UnitFinder, textFeatures } from './units';

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
