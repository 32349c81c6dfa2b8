import { describe, expect, it } from 'vitest';
import { freshScore, verdicts } from './freshScore';

const S = [
  { category: 'negation', label: 1, text: 'not bad' },
  { category: 'negation', label: 0, text: 'not good' },
  { category: 'plain', label: 1, text: 'good' },
  { category: 'plain', label: 0, text: 'bad' },
  { category: 'plain', label: 1, text: 'great' },
] as const;

describe('freshScore', () => {
  it('counts the share right overall and in each category', () => {
    const right = verdicts(S, [0.9, 0.7, 0.6, 0.1, 0.2]);
    expect(right).toEqual([true, false, true, true, false]);
    const s = freshScore(S, ['negation', 'plain'], right);
    expect(s.all).toBeCloseTo(3 / 5, 12);
    expect(s.byCategory).toEqual({ negation: 0.5, plain: 2 / 3 });
  });
  it('p = 0.5 counts as positive, as the app shows it', () => {
    expect(verdicts([{ label: 1 }, { label: 0 }], [0.5, 0.5])).toEqual([true, false]);
  });
  it('refuses a category with no sentence and a verdict count that does not match (never a NaN)', () => {
    expect(() => freshScore(S, ['negation', 'contrast' as 'plain'], verdicts(S, [1, 1, 1, 1, 1]))).toThrow(/no sentence/);
    expect(() => freshScore(S, ['plain'], [true])).toThrow(/verdicts/);
  });
});
