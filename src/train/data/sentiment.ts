/**
 * Generated movie-review sentences (no third-party text). The label follows three rules a
 * student can check by hand:
 *   1. an adjective or noun phrase has a polarity ("good" +, "awful" −, "a masterpiece" +);
 *   2. a negator ("not", "never", "wasn't", "isn't") flips the clause it is in;
 *   3. in "A but B", clause B decides ("the acting was great but the story was awful" is −).
 * Intensifiers ("very", "really") change nothing. Held-out data uses other seeds, two templates
 * never seen in training, and (subject, adjective) pairs withheld from training. On top of that
 * the split of every sentence is fixed by a hash of its tokens (./split.ts): training only ever
 * contains "train" sentences, held-out only "test" ones, so no held-out sentence is a training
 * sentence. The four preset sentences (the ones the shipped models are checked on) are never
 * trained on either, so getting them right is generalisation, not recall.
 */
import { createRng, type Rng } from '../../engine';
import { drawUntil, roleOf, sequenceKey } from './split';
import type { Example } from './types';
import { tokenize } from '../../text/tokenize';
import { EVERYDAY } from './everyday';

export const SENTIMENT_LABELS = ['negative', 'positive'] as const;

const POSITIVE_ADJ = [
  'good',
  'great',
  'wonderful',
  'excellent',
  'brilliant',
  'fun',
  'beautiful',
  'amazing',
  'enjoyable',
  'charming',
  'superb',
  'moving',
  'delicious',
  'tasty',
  'fresh',
  'friendly',
  'lovely',
  'perfect',
  'funny',
  'clever',
  'fantastic',
  'nice',
  'helpful',
  'gripping',
];
const NEGATIVE_ADJ = [
  'bad',
  'awful',
  'boring',
  'terrible',
  'dull',
  'poor',
  'horrible',
  'weak',
  'predictable',
  'bland',
  'painful',
  'messy',
  'pointless',
  'silly',
  'rude',
  'stale',
  'greasy',
  'overpriced',
  'disappointing',
  'mediocre',
  'cold',
  'tasteless',
  'slow',
  'unfunny',
];
const POSITIVE_NOUN = [
  ['a', 'masterpiece'],
  ['a', 'delight'],
  ['a', 'joy'],
  ['a', 'gem'],
];
const NEGATIVE_NOUN = [
  ['a', 'disaster'],
  ['a', 'mess'],
  ['a', 'waste'],
  ['a', 'failure'],
];
/** Films, food and service: what students write opinions about. */
const NOUNS = [
  'movie',
  'film',
  'story',
  'acting',
  'plot',
  'music',
  'ending',
  'cast',
  'soundtrack',
  'show',
  'book',
  'food',
  'meal',
  'pizza',
  'coffee',
  'soup',
  'dessert',
  'service',
  'staff',
  'waiter',
  'restaurant',
  'hotel',
  'product',
];
const SUBJECTS = [...NOUNS.map((n) => ['the', n]), ['it'], ['this', 'movie'], ['this', 'film'], ['this', 'place'], ['this', 'product']];
const LIKE = ['loved', 'liked', 'enjoyed', 'adored'];
const DISLIKE = ['hated', 'disliked', 'detested'];
/** "i didn't like", "i did not like", "i never liked": the verb's base form after do-support. */
const BASE: Record<string, string> = { loved: 'love', liked: 'like', enjoyed: 'enjoy', adored: 'adore', hated: 'hate', disliked: 'dislike', detested: 'detest' };
const INTENSIFIERS = ['very', 'really', 'so', 'truly', 'quite', 'extremely'];
/** Each negation pattern replaces or follows the verb; '' is no negation. */
const NEGATIONS = ['', '', 'not', 'never', "n't"] as const;

/** 'validation': for keep-best only (the validation hash split, training templates and pairs). */
type Split = 'train' | 'validation' | 'heldout';

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

/** (subject, adjective) pairs kept out of training so held-out accuracy tests combination. */
function isHeldOutPair(subject: readonly string[], adj: string): boolean {
  const key = `${subject.join(' ')}|${adj}`;
  let h = 7;
  for (let k = 0; k < key.length; k++) h = (h * 31 + key.charCodeAt(k)) >>> 0;
  return h % 6 === 0;
}

interface Clause {
  tokens: string[];
  positive: boolean;
}

function verbWithNegation(rng: Rng, verb: 'was' | 'is'): { tokens: string[]; negated: boolean } {
  const neg = pick(rng, NEGATIONS);
  if (neg === '') return { tokens: [verb], negated: false };
  if (neg === "n't") return { tokens: [verb === 'was' ? "wasn't" : "isn't"], negated: true };
  return { tokens: [verb, neg], negated: true };
}

/** "the acting was not very good", "it is a masterpiece", "the plot wasn't a mess" … */
function clause(rng: Rng, split: Split, subject?: readonly string[]): Clause {
  for (;;) {
    const subj = subject ?? pick(rng, SUBJECTS);
    const positive = rng.next() < 0.5;
    const verb = verbWithNegation(rng, rng.next() < 0.7 ? 'was' : 'is');
    let predicate: string[];
    if (rng.next() < 0.2) {
      predicate = pick(rng, positive ? POSITIVE_NOUN : NEGATIVE_NOUN).slice();
    } else {
      const adj = pick(rng, positive ? POSITIVE_ADJ : NEGATIVE_ADJ);
      // Training never sees a held-out pair; held-out data may (it also has seen pairs).
      if (split !== 'heldout' && isHeldOutPair(subj, adj)) continue;
      predicate = rng.next() < 0.3 ? [pick(rng, INTENSIFIERS), adj] : [adj];
    }
    return { tokens: [...subj, ...verb.tokens, ...predicate], positive: positive !== verb.negated };
  }
}

/** "i loved the soundtrack", "i didn't like the food", "i did not dislike it", "we never enjoyed the service". */
function opinion(rng: Rng): Clause {
  const positive = rng.next() < 0.5;
  const verb = pick(rng, positive ? LIKE : DISLIKE);
  const who = rng.next() < 0.8 ? ['i'] : ['we'];
  const obj = pick(rng, SUBJECTS);
  const neg = pick(rng, ['', '', "didn't", 'did not', 'never'] as const);
  const verbs = neg === '' ? [verb] : neg === 'never' ? ['never', verb] : [...neg.split(' '), BASE[verb]!];
  return { tokens: [...who, ...verbs, ...obj], positive: positive === (neg === '') };
}

/** "a silly and pointless film", "a delicious meal", "not good at all". */
function phrase(rng: Rng): Clause {
  const positive = rng.next() < 0.5;
  const adjs = positive ? POSITIVE_ADJ : NEGATIVE_ADJ;
  const a = pick(rng, adjs);
  if (rng.next() < 0.25) return { tokens: ['not', a, 'at', 'all'], positive: !positive };
  const b = pick(rng, adjs);
  const art = /^[aeiou]/.test(a) ? 'an' : 'a';
  const adjPart = rng.next() < 0.5 || a === b ? [a] : [a, 'and', b];
  return { tokens: [art, ...adjPart, pick(rng, NOUNS)], positive };
}

function expectation(rng: Rng, opener: readonly string[], split: Split): Clause {
  // "i expected it to be boring but it was wonderful": only the second clause counts.
  const first = pick(rng, rng.next() < 0.5 ? POSITIVE_ADJ : NEGATIVE_ADJ);
  const second = clause(rng, split, ['it']);
  return { tokens: [...opener, first, 'but', ...second.tokens], positive: second.positive };
}

const TRAIN_TEMPLATES: ReadonlyArray<(rng: Rng, split: Split) => Clause> = [
  (rng, s) => clause(rng, s),
  (rng, s) => clause(rng, s),
  (rng, s) => {
    const a = clause(rng, s);
    const b = clause(rng, s);
    return { tokens: [...a.tokens, 'but', ...b.tokens], positive: b.positive };
  },
  (rng, s) => expectation(rng, ['i', 'expected', 'it', 'to', 'be'], s),
  (rng) => opinion(rng),
  (rng) => phrase(rng),
  (rng, s) => {
    // "the trailer was great but i hated the film": contrast across template kinds.
    const a = clause(rng, s);
    const b = opinion(rng);
    return { tokens: [...a.tokens, 'but', ...b.tokens], positive: b.positive };
  },
];

/** Only in held-out data: a template the model never trained on. */
const HELDOUT_TEMPLATES: ReadonlyArray<(rng: Rng, split: Split) => Clause> = [
  (rng, s) => expectation(rng, ['i', 'thought', 'it', 'would', 'be'], s),
  (rng, s) => {
    const a = clause(rng, s);
    const b = clause(rng, s);
    return { tokens: [...a.tokens, ',', 'but', ...b.tokens], positive: b.positive };
  },
];

/** The sentences the shipped models must get right (and the app's quick picks). */
export const SENTIMENT_PRESETS: ReadonlyArray<{ text: string; label: number }> = [
  { text: 'the movie was good', label: 1 },
  { text: 'the movie was not good', label: 0 },
  { text: 'i expected it to be boring but it was wonderful', label: 1 },
  { text: 'the acting was great but the story was awful', label: 0 },
];

/**
 * Never in training data, whatever their hash says: the presets and the everyday check sentences.
 * Built on first use: tokenizing every everyday sentence at module load cost the app's first
 * load ≈ 25 ms, for a set only training and tests read.
 */
let neverTrained: ReadonlySet<string> | null = null;
function isNeverTrained(key: string): boolean {
  neverTrained ??= new Set([...SENTIMENT_PRESETS.map((p) => sequenceKey(p.text.split(' '))), ...EVERYDAY.map((e) => sequenceKey(tokenize(e.text).tokens.map((t) => t.toLowerCase())))]);
  return neverTrained.has(key);
}

/** Whether a sentence may be in the given split: its hash role, and the presets kept out of training. */
function allowedIn(split: Split, tokens: readonly string[]): boolean {
  if (split === 'train') return roleOf(tokens) === 'train' && !isNeverTrained(sequenceKey(tokens));
  if (split === 'validation') return roleOf(tokens) === 'validation';
  return roleOf(tokens) === 'test';
}

/** `n` distinct sentences of the split, drawn from `seed`. */
export function sentimentExamples(n: number, seed: number, split: Split): Example[] {
  const rng = createRng(seed);
  const templates = split === 'heldout' ? [...TRAIN_TEMPLATES, ...HELDOUT_TEMPLATES] : TRAIN_TEMPLATES;
  const seen = new Set<string>();
  const out: Example[] = [];
  for (let k = 0; k < n; k++) {
    const c = drawUntil(
      () => pick(rng, templates)(rng, split),
      (x) => !seen.has(sequenceKey(x.tokens)) && allowedIn(split, x.tokens),
      `new ${split} sentence`,
    );
    seen.add(sequenceKey(c.tokens));
    out.push({ tokens: c.tokens, label: c.positive ? 1 : 0 });
  }
  return out;
}
