/**
 * How a token is drawn: a space (a character model's most frequent token) would be an empty
 * box, so it is shown as the open-box sign ␣, as typesetters mark a space.
 */
export const SPACE_SIGN = '␣';

export function visibleToken(token: string): string {
  return token === ' ' ? SPACE_SIGN : token;
}

/**
 * A token as drawn (visibleToken), cut to at most `maxChars` characters with "…" where it is
 * longer: by code point, so an emoji or a CJK character is never cut in half.
 */
export function shortToken(token: string, maxChars: number): string {
  const shown = visibleToken(token);
  const chars = Array.from(shown);
  return chars.length <= maxChars ? shown : `${chars.slice(0, Math.max(1, maxChars - 1)).join('')}…`;
}
