/**
 * Scores on a set of sentences written after the models were final (a "fresh" set), overall and
 * by category: the share each scorer gets right, and which sentences it got wrong. One definition
 * for every model and baseline, so the figures beside each other are counted the same way.
 */

interface FreshSentence<C extends string> {
  readonly category: C;
  readonly label: 0 | 1;
  readonly text: string;
}

interface FreshScore<C extends string> {
  readonly all: number;
  readonly byCategory: Record<C, number>;
}

/** `right[i]`: whether sentence i was classified right. A category with no sentence is an error, not a NaN. */
export function freshScore<C extends string>(sentences: ReadonlyArray<FreshSentence<C>>, categories: readonly C[], right: readonly boolean[]): FreshScore<C> {
  if (right.length !== sentences.length) throw new Error(`freshScore: ${right.length} verdicts for ${sentences.length} sentences`);
  const share = (idx: number[]) => idx.filter((i) => right[i]).length / idx.length;
  const byCategory = {} as Record<C, number>;
  for (const c of categories) {
    const idx = sentences.flatMap((s, i) => (s.category === c ? [i] : []));
    if (idx.length === 0) throw new Error(`freshScore: no sentence in category "${c}"`);
    byCategory[c] = share(idx);
  }
  return { all: share(sentences.map((_, i) => i)), byCategory };
}

/** Right or wrong for each sentence from P(positive): positive when p ≥ 0.5, as the app shows it. */
export const verdicts = (sentences: ReadonlyArray<{ readonly label: 0 | 1 }>, pPositive: readonly number[]): boolean[] => sentences.map((s, i) => (pPositive[i]! >= 0.5 ? 1 : 0) === s.label);
