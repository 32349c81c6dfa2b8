import { describe, expect, it } from 'vitest';
import { SPACE_SIGN, shortToken } from './visible';

describe('shortToken', () => {
  it('keeps a token that fits, drawing a space as ␣', () => {
    expect(shortToken('movie', 8)).toBe('movie');
    expect(shortToken(' ', 8)).toBe(SPACE_SIGN);
  });

  it('cuts a longer one to maxChars with “…”, by code point (an emoji or a CJK character stays whole)', () => {
    expect(shortToken('a'.repeat(4000), 24)).toBe(`${'a'.repeat(23)}…`);
    expect(shortToken('😀😀😀😀', 3)).toBe('😀😀…');
    expect(shortToken('这部电影不好看', 4)).toBe('这部电…');
    expect(shortToken('abcdef', 1)).toBe('a…');
  });
});
