/**
 * Generated movie-review sentences (no third-party text). The label follows four rules a
 * student can check by hand:
 *   1. an adjective or noun phrase has a polarity ("good" +, "awful" −, "a masterpiece" +);
 *   2. a negator ("not", "never", "wasn't", "isn't") flips the clause it is in;
 *   3. in a contrast the main clause decides, in either order: "A but B", "A , yet B",
 *      "although A , B", "B , even though A" ("the acting was great but the story was awful" is −);
 *   4. a superlative has its adjective's sign ("the worst pizza i have ever had" −), and a feeling
 *      ("it made me cry") says nothing on its own: the verdict beside it decides.
 * Intensifiers and downtoners ("very", "a bit") change nothing. The words (sentimentWords.ts)
 * include mild and strong adjectives and nouns of films, books, food, products, phones, apps,
 * hotels, places, service and classes. Held-out data uses other seeds, two templates
 * never seen in training, and (subject, adjective) pairs withheld from training. On top of that
 * the split of every sentence is fixed by a hash of its tokens (./split.ts): training only ever
 * contains "train" sentences, held-out only "test" ones, so no held-out sentence is a training
 * sentence. The four preset sentences (the ones the shipped models are checked on) are never
 * trained on either, so getting them right is generalisation, not recall.
 */
import { createRng, type Rng } from '../../engine';
import { drawUntil, roleOf, sequenceKey, type Role } from './split';
import type { Example } from './types';
import { tokenize } from '../../text/tokenize';
import { EVERYDAY } from './everyday';
import { HANDWRITTEN } from './sentimentHand';
import { BASE, DISLIKE, EVER, FEELINGS, INTENSIFIERS, LESSON_NOUNS, LIKE, NEGATIVE_ADJ, NEGATIVE_NOUN, NEGATIVE_VERDICT, NOUNS, POSITIVE_ADJ, POSITIVE_NOUN, POSITIVE_VERDICT } from './sentimentWords';

export const SENTIMENT_LABELS = ['negative', 'positive'] as const;

/** The word lists a draw uses: the whole grammar's, or the first, smaller lesson grammar's (see sentimentExamples). */
interface Words {
  readonly pos: readonly string[];
  readonly neg: readonly string[];
  readonly posNoun: readonly (readonly string[])[];
  readonly negNoun: readonly (readonly string[])[];
  readonly nouns: readonly string[];
  readonly subjects: readonly (readonly string[])[];
  readonly intensifiers: readonly string[];
}
const subjectsOf = (nouns: readonly string[], more: readonly (readonly string[])[]) => [
  ...nouns.map((n) => ['the', n]),
  ['it'],
  ['this', 'movie'],
  ['this', 'film'],
  ['this', 'place'],
  ['this', 'product'],
  ...more,
];
const FULL: Words = {
  pos: POSITIVE_ADJ,
  neg: NEGATIVE_ADJ,
  posNoun: POSITIVE_NOUN,
  negNoun: NEGATIVE_NOUN,
  nouns: NOUNS,
  subjects: subjectsOf(NOUNS, [
    ['this', 'phone'],
    ['this', 'book'],
    ['our', 'room'],
    ['my', 'teacher'],
  ]),
  intensifiers: INTENSIFIERS,
};
/** The lesson grammar: the lists' first words (the grammar before it grew), for the lab's quick in-browser runs. */
const LESSON: Words = {
  pos: POSITIVE_ADJ.slice(0, 24),
  neg: NEGATIVE_ADJ.slice(0, 24),
  posNoun: POSITIVE_NOUN.slice(0, 4),
  negNoun: NEGATIVE_NOUN.slice(0, 4),
  nouns: LESSON_NOUNS,
  subjects: subjectsOf(LESSON_NOUNS, []),
  intensifiers: INTENSIFIERS.slice(0, 6),
};
/** The lists of the draw under way (set by sentimentExamples; draws are synchronous). */
let W: Words = FULL;
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
    const subj = subject ?? pick(rng, W.subjects);
    const positive = rng.next() < 0.5;
    const verb = verbWithNegation(rng, rng.next() < 0.7 ? 'was' : 'is');
    let predicate: string[];
    if (rng.next() < 0.2) {
      predicate = pick(rng, positive ? W.posNoun : W.negNoun).slice();
    } else {
      const adj = pick(rng, positive ? W.pos : W.neg);
      // Training never sees a held-out pair; held-out data may (it also has seen pairs).
      if (split !== 'heldout' && isHeldOutPair(subj, adj)) continue;
      predicate = rng.next() < 0.3 ? [...pick(rng, W.intensifiers).split(' '), adj] : [adj];
    }
    return { tokens: [...subj, ...verb.tokens, ...predicate], positive: positive !== verb.negated };
  }
}

/** "i loved the soundtrack", "i didn't like the food", "i did not dislike it", "we never enjoyed the service". */
function opinion(rng: Rng): Clause {
  const positive = rng.next() < 0.5;
  const verb = pick(rng, positive ? LIKE : DISLIKE);
  const who = rng.next() < 0.8 ? ['i'] : ['we'];
  const obj = pick(rng, W.subjects);
  const neg = pick(rng, ['', '', "didn't", 'did not', 'never'] as const);
  const verbs = neg === '' ? [verb] : neg === 'never' ? ['never', verb] : [...neg.split(' '), BASE[verb]!];
  return { tokens: [...who, ...verbs, ...obj], positive: positive === (neg === '') };
}

/** "a silly and pointless film", "a delicious meal", "not good at all". */
function phrase(rng: Rng): Clause {
  const positive = rng.next() < 0.5;
  const adjs = positive ? W.pos : W.neg;
  const a = pick(rng, adjs);
  if (rng.next() < 0.25) return { tokens: ['not', a, 'at', 'all'], positive: !positive };
  const b = pick(rng, adjs);
  const art = /^[aeiou]/.test(a) ? 'an' : 'a';
  const adjPart = rng.next() < 0.5 || a === b ? [a] : [a, 'and', b];
  return { tokens: [art, ...adjPart, pick(rng, W.nouns)], positive };
}

function expectation(rng: Rng, opener: readonly string[], split: Split): Clause {
  // "i expected it to be boring but it was wonderful": only the second clause counts.
  const first = pick(rng, rng.next() < 0.5 ? W.pos : W.neg);
  const second = clause(rng, split, ['it']);
  return { tokens: [...opener, first, 'but', ...second.tokens], positive: second.positive };
}

/** "the best pizza i have ever had", "by far the worst app in years", "not the best meal …" (a negated superlative flips too). */
function superlative(rng: Rng): Clause {
  const positive = rng.next() < 0.5;
  const negated = rng.next() < 0.2;
  const head = negated ? ['not', 'the'] : pick(rng, [['the'], ['the'], ['by', 'far', 'the'], ['easily', 'the'], ['one', 'of', 'the']]);
  const noun = pick(rng, W.nouns);
  const opener = pick(rng, [[], [], ['it', 'was'], ['this', 'is'], ['honestly'], ['that', 'was']]);
  const tokens = [...opener, ...head, positive ? 'best' : 'worst', ...(head[head.length - 1] === 'of' && !noun.endsWith('s') ? [`${noun}s`] : [noun]), ...pick(rng, EVER)];
  return { tokens, positive: positive !== negated };
}

/** "i love this phone", "i don't like the app", "we do not hate it": present-tense opinions. */
function present(rng: Rng): Clause {
  const positive = rng.next() < 0.5;
  const verb = BASE[pick(rng, positive ? LIKE : DISLIKE)]!;
  const neg = pick(rng, ['', '', '', "don't", 'do not', 'really']);
  const negated = neg === "don't" || neg === 'do not';
  return { tokens: [pick(rng, ['i', 'i', 'we']), ...(neg ? neg.split(' ') : []), verb, ...pick(rng, W.subjects)], positive: positive !== negated };
}

/** A verdict of its own ("highly recommended", "a waste of money"), alone or after a clause that agrees with it. */
function verdict(rng: Rng, split: Split): Clause {
  const positive = rng.next() < 0.5;
  const v = pick(rng, positive ? POSITIVE_VERDICT : NEGATIVE_VERDICT);
  if (rng.next() < 0.4) return { tokens: v, positive };
  for (;;) {
    const c = clause(rng, split);
    if (c.positive === positive) return { tokens: [...c.tokens, pick(rng, [',', 'and', '.']), ...v], positive };
  }
}

/** Any one opinion: a clause, a liking, a phrase, a superlative or a verdict. */
function anyOpinion(rng: Rng, split: Split): Clause {
  const r = rng.next();
  if (r < 0.45) return clause(rng, split);
  if (r < 0.6) return opinion(rng);
  if (r < 0.7) return present(rng);
  if (r < 0.8) return phrase(rng);
  if (r < 0.9) return superlative(rng);
  // A bare verdict: "… , although highly recommended" reads as English, a clause with its own verdict inside a contrast rarely does.
  const positive = rng.next() < 0.5;
  return { tokens: pick(rng, positive ? POSITIVE_VERDICT : NEGATIVE_VERDICT), positive };
}

/**
 * Contrast in both orders; the main clause decides: "A but B", "A , yet B", "although A , B",
 * "even though A , B", "B , although A", "B , even though A". The two clauses differ in polarity
 * (else a model could ignore the order and still be right).
 */
function contrast(rng: Rng, split: Split): Clause {
  const main = anyOpinion(rng, split);
  let other = anyOpinion(rng, split);
  while (other.positive === main.positive) other = anyOpinion(rng, split);
  const form = rng.int(6);
  const m = main.tokens;
  const o = other.tokens;
  const tokens =
    form === 0
      ? [...o, 'but', ...m]
      : form === 1
        ? [...o, ',', 'yet', ...m]
        : form === 2
          ? ['although', ...o, ',', ...m]
          : form === 3
            ? ['even', 'though', ...o, ',', ...m]
            : form === 4
              ? [...m, ',', 'although', ...o]
              : [...m, ',', 'even', 'though', ...o];
  return { tokens, positive: main.positive };
}

/** "it made me cry , a beautiful film": a feeling beside a verdict; the verdict decides, in either order. */
function feeling(rng: Rng, split: Split): Clause {
  const f = pick(rng, FEELINGS);
  const v = rng.next() < 0.5 ? phrase(rng) : anyOpinion(rng, split);
  return rng.next() < 0.6 ? { tokens: [...f, pick(rng, [',', 'but', 'and']), ...v.tokens], positive: v.positive } : { tokens: [...v.tokens, ',', ...f], positive: v.positive };
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
  (rng) => superlative(rng),
  (rng) => present(rng),
  (rng, s) => verdict(rng, s),
  (rng, s) => contrast(rng, s),
  (rng, s) => contrast(rng, s),
  (rng, s) => feeling(rng, s),
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

/** The templates of the lesson grammar: the first seven (clauses, "A but B", expectations, likings, phrases). */
const LESSON_TEMPLATES = 7;

/**
 * `n` distinct sentences of the split, drawn from `seed`. `lesson`: the smaller grammar the lab
 * trains on in the browser (the first word lists and templates, as before the grammar grew), so
 * a student's few-hundred-step run still learns negation and contrast; the shipped models use the whole one.
 */
export function sentimentExamples(n: number, seed: number, split: Split, lesson = false): Example[] {
  const rng = createRng(seed);
  const train = lesson ? TRAIN_TEMPLATES.slice(0, LESSON_TEMPLATES) : TRAIN_TEMPLATES;
  const templates = split === 'heldout' ? [...train, ...HELDOUT_TEMPLATES] : train;
  const seen = new Set<string>();
  const out: Example[] = [];
  W = lesson ? LESSON : FULL;
  try {
    for (let k = 0; k < n; k++) {
      const c = drawUntil(
        () => pick(rng, templates)(rng, split),
        (x) => !seen.has(sequenceKey(x.tokens)) && allowedIn(split, x.tokens),
        `new ${split} sentence`,
      );
      seen.add(sequenceKey(c.tokens));
      out.push({ tokens: c.tokens, label: c.positive ? 1 : 0 });
    }
  } finally {
    W = FULL;
  }
  return out;
}

/** A sentence as the models read it: the app's tokenizer, lowercased. */
export const sentenceTokens = (text: string): string[] => tokenize(text).tokens.map((t) => t.toLowerCase());

/**
 * The hand-written sentences (sentimentHand.ts) of one hash part: 'train' is trained on,
 * 'validation' only picks the kept epoch, 'test' is the held-out everyday set, never trained on.
 */
export const handwrittenExamples = (role: Role): Example[] =>
  HANDWRITTEN.map((h) => ({ tokens: sentenceTokens(h.text), label: h.label })).filter((e) => roleOf(e.tokens) === role && !(role === 'train' && isNeverTrained(sequenceKey(e.tokens))));
