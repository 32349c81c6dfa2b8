import { describe, expect, it } from 'vitest';
import { frequentWords, reviewsFromTsv, REVIEW_MAX_TOKENS } from './reviews';
import { roleOf } from './split';

describe('fine-food reviews', () => {
  const long = Array.from({ length: 150 }, (_, k) => `w${k}`).join(' ');
  const tsv = ['train\tgreat\tI LOVE this tea.<br /><br />Great taste!', 'train\tother\tNot good at all', `train\tgreat\t${long}`, 'test\tother\tStale and bland.', ''].join('\n');

  it('keeps the dataset test reviews held out, splits its training reviews by hash, labels 5 stars positive', () => {
    const r = reviewsFromTsv(tsv);
    expect(r.test).toEqual([{ tokens: ['stale', 'and', 'bland', '.'], label: 0 }]);
    const trainish = [...r.train, ...r.validation];
    expect(trainish).toHaveLength(3);
    expect(r.train.every((e) => roleOf(e.tokens) === 'train')).toBe(true);
    expect(r.validation.every((e) => roleOf(e.tokens) !== 'train')).toBe(true);
    // HTML line breaks are spaces; the app's tokenizer, lowercased; long reviews cut.
    expect(trainish.find((e) => e.tokens[0] === 'i')!.tokens).toEqual(['i', 'love', 'this', 'tea', '.', 'great', 'taste', '!']);
    expect(trainish.find((e) => e.tokens[0] === 'w0')!.tokens).toHaveLength(REVIEW_MAX_TOKENS);
  });

  it('refuses an unknown score or split rather than guess', () => {
    expect(() => reviewsFromTsv('train\tmeh\tx')).toThrow(/unknown score "meh"/);
    expect(() => reviewsFromTsv('dev\tgreat\tx')).toThrow(/unknown split "dev"/);
  });

  it('the vocabulary is the most frequent words seen often enough', () => {
    const ex = [
      { tokens: ['a', 'b', 'a', 'c'], label: 1 },
      { tokens: ['a', 'b'], label: 0 },
    ];
    expect(frequentWords(ex, 10, 2)).toEqual(['a', 'b']);
    expect(frequentWords(ex, 1, 1)).toEqual(['a']);
  });
});
