/**
 * How a token is drawn: a space (a character model's most frequent token) would be an empty
 * box, so it is shown as the open-box sign ␣, as typesetters mark a space.
 */
export const SPACE_SIGN = '␣';

export function visibleToken(token: string): string {
  return token === ' ' ? SPACE_SIGN : token;
}
