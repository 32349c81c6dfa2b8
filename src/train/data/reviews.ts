/**
 * Real review text for the sentiment models: the Amazon fine-food reviews of R's modeldata
 * (small_fine_foods; scripts/data/fine-foods.R writes them). Its own split is kept: its 1,000
 * test reviews are the held-out set, never trained on; of its 4,000 training reviews, those
 * whose tokens hash to a non-training role (./split.ts) are the validation set. The label is
 * the dataset's: "great" (a 5-star review) is positive, "other" (1 to 4 stars) negative, so a
 * mildly positive 4-star review counts as negative: a noisier task than the templates'.
 * Reviews are read with the app's tokenizer, lowercased, and cut to their first words.
 */
import { tokenize } from '../../text/tokenize';
import { roleOf } from './split';
import type { Example } from './types';

/** Words of a review the model reads (the app shows at most 200 tokens; the first 100 carry the verdict often enough). */
export const REVIEW_MAX_TOKENS = 100;

export interface ReviewSplits {
  readonly train: Example[];
  readonly validation: Example[];
  readonly test: Example[];
}

function reviewTokens(text: string): string[] {
  const clean = text.replace(/<br\s*\/?>/giu, ' ');
  return tokenize(clean)
    .tokens.slice(0, REVIEW_MAX_TOKENS)
    .map((t) => t.toLowerCase());
}

/** Parses data/fine-foods.tsv ("split<TAB>score<TAB>review"). */
export function reviewsFromTsv(tsv: string): ReviewSplits {
  const out: ReviewSplits = { train: [], validation: [], test: [] };
  for (const line of tsv.split('\n')) {
    const [split, score, ...rest] = line.split('\t');
    if (!split || !score) continue;
    if (score !== 'great' && score !== 'other') throw new Error(`fine-foods.tsv: unknown score "${score}"`);
    const tokens = reviewTokens(rest.join(' '));
    if (tokens.length === 0) continue;
    const e: Example = { tokens, label: score === 'great' ? 1 : 0 };
    if (split === 'test') out.test.push(e);
    else if (split === 'train') (roleOf(tokens) === 'train' ? out.train : out.validation).push(e);
    else throw new Error(`fine-foods.tsv: unknown split "${split}"`);
  }
  return out;
}

/** The most frequent words of the training reviews (seen at least `minCount` times), at most `max`. */
export function frequentWords(examples: readonly Example[], max: number, minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const w of e.tokens) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([w]) => w);
}
