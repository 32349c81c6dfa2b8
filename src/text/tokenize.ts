/**
 * Splits a typed sentence into the tokens a student steps through.
 *  - Latin-script (and other space-separated) text: words, with punctuation as tokens of
 *    their own ("sky." -> "sky", "."); apostrophes and hyphens inside a word stay ("don't").
 *  - CJK: one token per character (Chinese has no spaces; a character is the natural unit).
 *  - Emoji: one token per grapheme, kept whole (👍🏽 or a ZWJ family is one token).
 *  - Invisible format characters (zero-width joiners and non-joiners outside emoji, word
 *    joiners, bidi controls, byte-order marks, soft hyphens) are dropped: a step with no glyph
 *    would show nothing. A zero-width space separates words, as a space does.
 *  - Whitespace (`"tokenizer": "whitespace"`, for vocabularies built with Python's str.split()):
 *    the text split at spaces only, punctuation left attached ("great," stays whole).
 *  - Numbers (a time-series model): the values, separated by commas, semicolons or spaces;
 *    anything that is not a plain decimal number is refused, naming the first such entry.
 * Uses Intl.Segmenter for graphemes, which every current browser and Node 20 have.
 */
export const MAX_TOKENS = 200;

interface Tokenized {
  readonly tokens: readonly string[];
  /** Set when the text is unusable; the tokens are then empty or cut to MAX_TOKENS. */
  readonly error: TokenizeError | null;
}

export type TokenizeError =
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooLong'; readonly count: number; readonly max: number }
  /** The text itself is longer than the app reads (characters, not tokens). */
  | { readonly kind: 'tooManyChars'; readonly chars: number; readonly max: number }
  /** A time-series model reads numbers only: entry `index` (0-based) is not one. */
  | { readonly kind: 'notANumber'; readonly entry: string; readonly index: number }
  /** …or a number beyond ±max (the same bound as a model's weights, so nothing overflows). */
  | { readonly kind: 'numberTooLarge'; readonly entry: string; readonly index: number; readonly max: number };

/** The largest number a time-series model reads, in absolute value (as MAX_ABS_WEIGHT). */
const MAX_ABS_INPUT = 1e4;

/** A plain decimal number, as people type one: 3, -0.25, .5, 1e-3 (no hex, no words, no ∞). */
const NUMBER_TOKEN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The entries of a series: "0.1, 0.2 0.3;0.4" → ["0.1", "0.2", "0.3", "0.4"]. */
function splitNumbers(text: string): Tokenized {
  const all = text.split(/[\s,;]+/u).filter(Boolean);
  if (all.length === 0) return { tokens: [], error: { kind: 'empty' } };
  const bad = all.findIndex((e) => !NUMBER_TOKEN.test(e) || !Number.isFinite(Number(e)));
  const cut = (e: string) => (e.length > 24 ? `${e.slice(0, 24)}…` : e);
  if (bad >= 0) return { tokens: [], error: { kind: 'notANumber', entry: cut(all[bad]!), index: bad } };
  const big = all.findIndex((e) => Math.abs(Number(e)) > MAX_ABS_INPUT);
  if (big >= 0) return { tokens: [], error: { kind: 'numberTooLarge', entry: cut(all[big]!), index: big, max: MAX_ABS_INPUT } };
  if (all.length > MAX_TOKENS) return { tokens: all.slice(0, MAX_TOKENS), error: { kind: 'tooLong', count: all.length, max: MAX_TOKENS } };
  return { tokens: all, error: null };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const INNER_JOIN = /^['’-]$/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const FORMAT = /\p{Cf}/gu;

/** The text without invisible format characters (kept inside emoji sequences, where ZWJ joins). */
function visibleText(text: string): string {
  return graphemes(text.replace(/\u200b/gu, ' '))
    .map((g) => (EMOJI.test(g) ? g : g.replace(FORMAT, '')))
    .join('');
}

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function splitWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const gs = graphemes(text);
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (let k = 0; k < gs.length; k++) {
    const g = gs[k]!;
    if (/^\s+$/u.test(g)) {
      flush();
    } else if (EMOJI.test(g) || CJK.test(g)) {
      flush();
      out.push(g);
    } else if (WORD_CHAR.test(g)) {
      word += g;
    } else if (INNER_JOIN.test(g) && word && WORD_CHAR.test(gs[k + 1] ?? '') && !CJK.test(gs[k + 1] ?? '')) {
      word += g;
    } else {
      flush();
      out.push(g);
    }
  }
  flush();
  return out;
}

/** How a model's text is split: every model file names one (`tokenizer`). */
export type TokenizerKind = 'words' | 'whitespace' | 'chars' | 'numbers';
export const TOKENIZERS: readonly TokenizerKind[] = ['words', 'whitespace', 'chars', 'numbers'];

/** Word tokens (the default for word-level models). */
export function tokenize(text: string, mode: TokenizerKind = 'words'): Tokenized {
  const seen = visibleText(text);
  if (mode === 'numbers') return splitNumbers(seen);
  const all = mode === 'words' ? splitWords(seen) : mode === 'whitespace' ? seen.split(/\s+/u).filter(Boolean) : graphemes(seen.replace(/\s+/gu, ' ').trim());
  if (all.length === 0) return { tokens: [], error: { kind: 'empty' } };
  if (all.length > MAX_TOKENS) {
    return { tokens: all.slice(0, MAX_TOKENS), error: { kind: 'tooLong', count: all.length, max: MAX_TOKENS } };
  }
  return { tokens: all, error: null };
}
