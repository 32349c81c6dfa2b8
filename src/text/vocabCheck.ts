/**
 * Vocabulary entries a model can never be given: the app's tokenizer would never produce them,
 * so their embedding rows are never used and the words the student types become <unk> instead.
 * Typical when the vocabulary was built with another tokenizer: Python's str.split() keeps
 * "great," whole, torchtext's basic_english splits "didn't" into "didn", "'", "t"; Gatescope's
 * words tokenizer does neither (tokenize.ts). Special tokens (<pad>, [CLS]) are never typed and
 * are not counted.
 */
import { UNK } from '../engine';
import { tokenize, type TokenizerKind } from './tokenize';

/** A plain lowercase word, with apostrophes or hyphens inside: always one token as it is. */
const PLAIN = /^[a-z0-9]+(?:['’-][a-z0-9]+)*$/;
const SPECIAL = /^[<[].*[>\]]$/;

export function unreachableWords(vocab: readonly string[], tokenizer: TokenizerKind): string[] {
  if (tokenizer === 'numbers') return [];
  return vocab.filter((w) => {
    if (w === UNK || SPECIAL.test(w)) return false;
    if (tokenizer === 'chars') {
      // Between two letters, so that a space (trimmed at the ends of a text) counts as typed.
      const t = tokenize(`x${w}x`, 'chars').tokens;
      return !(t.length === 3 && t[1] === w);
    }
    if (PLAIN.test(w)) return false;
    // str.split()-style: any entry without whitespace is typed as it is.
    if (tokenizer === 'whitespace') return /\s/u.test(w) || w === '';
    const t = tokenize(w, 'words').tokens;
    return !(t.length === 1 && t[0] === w);
  });
}
