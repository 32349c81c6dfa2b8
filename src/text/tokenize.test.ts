import { describe, expect, it } from 'vitest';
import { MAX_TOKENS, tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits words and punctuation', () => {
    expect(tokenize('The clouds are in the sky.').tokens).toEqual(['The', 'clouds', 'are', 'in', 'the', 'sky', '.']);
    expect(tokenize('I grew up in France… I speak fluent French!').tokens).toEqual(['I', 'grew', 'up', 'in', 'France', '…', 'I', 'speak', 'fluent', 'French', '!']);
  });
  it('keeps apostrophes and hyphens inside words, not at their edges', () => {
    expect(tokenize("don't well-made 'quoted'").tokens).toEqual(["don't", 'well-made', "'", 'quoted', "'"]);
  });
  it('makes one token per CJK character, with CJK punctuation separate', () => {
    expect(tokenize('我爱你，中国。').tokens).toEqual(['我', '爱', '你', '，', '中', '国', '。']);
    expect(tokenize('LSTM很好').tokens).toEqual(['LSTM', '很', '好']);
  });
  it('keeps emoji whole, even with skin tones and ZWJ sequences', () => {
    expect(tokenize('good👍🏽movie 👨‍👩‍👧 🇫🇷').tokens).toEqual(['good', '👍🏽', 'movie', '👨‍👩‍👧', '🇫🇷']);
  });
  it('reports an empty text', () => {
    expect(tokenize('  \n\t ')).toEqual({ tokens: [], error: { kind: 'empty' } });
  });
  it('cuts past MAX_TOKENS and says how many there were', () => {
    const r = tokenize('a '.repeat(MAX_TOKENS + 7));
    expect(r.tokens).toHaveLength(MAX_TOKENS);
    expect(r.error).toEqual({ kind: 'tooLong', count: MAX_TOKENS + 7, max: MAX_TOKENS });
  });
  it('drops invisible format characters (never a step with no glyph), keeps ZWJ inside emoji; a zero-width space separates words', () => {
    expect(tokenize('go\u200bod mo\u2060vie \u202eend\u202c 👨\u200d👩\u200d👧').tokens).toEqual(['go', 'od', 'movie', 'end', '👨‍👩‍👧']);
    expect(tokenize('a\u200db\ufeff', 'chars').tokens).toEqual(['a', 'b']);
    expect(tokenize('\u200b\u200b\u2060')).toEqual({ tokens: [], error: { kind: 'empty' } });
    expect(tokenize('\u200e\u200f', 'chars')).toEqual({ tokens: [], error: { kind: 'empty' } });
  });
  it('character mode splits graphemes and folds spaces', () => {
    expect(tokenize('ab  c', 'chars').tokens).toEqual(['a', 'b', ' ', 'c']);
  });
});

describe('numbers (a time-series model)', () => {
  it('splits on commas, semicolons and spaces, and names the first entry that is not a number', () => {
    expect(tokenize('0.1, -0.25 .5;1e-3  3', 'numbers')).toEqual({ tokens: ['0.1', '-0.25', '.5', '1e-3', '3'], error: null });
    expect(tokenize('0.1, two, 3', 'numbers')).toEqual({ tokens: [], error: { kind: 'notANumber', entry: 'two', index: 1 } });
    expect(tokenize('1, 0x10', 'numbers').error).toEqual({ kind: 'notANumber', entry: '0x10', index: 1 });
    expect(tokenize('1, 1e999', 'numbers').error).toEqual({ kind: 'notANumber', entry: '1e999', index: 1 });
    expect(tokenize(' , ;', 'numbers').error).toEqual({ kind: 'empty' });
    expect(tokenize('1, -20000', 'numbers').error).toEqual({ kind: 'numberTooLarge', entry: '-20000', index: 1, max: 1e4 });
    expect(tokenize(Array.from({ length: 201 }, () => '1').join(' '), 'numbers').error).toEqual({ kind: 'tooLong', count: 201, max: 200 });
  });
});
