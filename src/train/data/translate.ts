/**
 * English → Chinese sentence pairs for the encoder–decoder (`translate-<kind>`), written here
 * from a small grammar, so every pair is ours to ship and the held-out set is *new combinations*
 * of known words, never a sentence trained on.
 *
 *   clause   = subject + predicate                e.g. "she went to paris yesterday" → 她昨天去了巴黎
 *   sentence = clause | clause "and" clause       → the two translations joined by "，"
 *
 * Predicates reorder words where Chinese does ("went to X yesterday" → 昨天去了X, "grew up in X"
 * → 在X长大), so the decoder cannot copy word by word. Splits by a hash of the English tokens
 * (./split.ts). The Chinese is one token per character, as the app's tokenizer splits CJK text.
 */
import { createRng, type Rng } from '../../engine';
import { drawUntil, roleOf, type Role } from './split';

export interface Pair {
  /** English words, lowercase, as the app's word tokenizer gives them. */
  readonly src: readonly string[];
  /** Chinese characters, one token each. */
  readonly tgt: readonly string[];
}

const SUBJECTS: ReadonlyArray<readonly [string, string, boolean]> = [
  // English, Chinese, third person singular (the verb takes -s)
  ['i', '我', false],
  ['you', '你', false],
  ['he', '他', true],
  ['she', '她', true],
  ['we', '我们', false],
  ['they', '他们', false],
];

const PLACES: ReadonlyArray<readonly [string, string]> = [
  ['france', '法国'],
  ['china', '中国'],
  ['japan', '日本'],
  ['england', '英国'],
  ['germany', '德国'],
  ['italy', '意大利'],
  ['spain', '西班牙'],
  ['beijing', '北京'],
  ['shanghai', '上海'],
  ['paris', '巴黎'],
  ['london', '伦敦'],
  ['tokyo', '东京'],
];
const LANGUAGES: ReadonlyArray<readonly [string, string]> = [
  ['french', '法语'],
  ['chinese', '中文'],
  ['japanese', '日语'],
  ['english', '英语'],
  ['german', '德语'],
  ['italian', '意大利语'],
  ['spanish', '西班牙语'],
];
const FOODS: ReadonlyArray<readonly [string, string]> = [
  ['tea', '茶'],
  ['coffee', '咖啡'],
  ['rice', '米饭'],
  ['noodles', '面条'],
  ['apples', '苹果'],
  ['fish', '鱼'],
  ['dumplings', '饺子'],
  ['chocolate', '巧克力'],
];

type Objects = ReadonlyArray<readonly [string, string]>;
interface Predicate {
  readonly objects: Objects;
  /** The English after the subject; `s` is "s" or "es" for he/she, else "". */
  readonly en: (obj: string, third: boolean) => string;
  /** The Chinese after the subject. */
  readonly zh: (obj: string) => string;
}

const s = (third: boolean, base: string, thirdForm: string) => (third ? thirdForm : base);
const PREDICATES: readonly Predicate[] = [
  { objects: PLACES, en: (o) => `grew up in ${o}`, zh: (o) => `在${o}长大` },
  { objects: PLACES, en: (o, t) => `${s(t, 'live', 'lives')} in ${o}`, zh: (o) => `住在${o}` },
  { objects: PLACES, en: (o) => `went to ${o} yesterday`, zh: (o) => `昨天去了${o}` },
  { objects: PLACES, en: (o, t) => `${s(t, 'want', 'wants')} to go to ${o}`, zh: (o) => `想去${o}` },
  { objects: LANGUAGES, en: (o, t) => `${s(t, 'speak', 'speaks')} fluent ${o}`, zh: (o) => `说流利的${o}` },
  { objects: LANGUAGES, en: (o) => `can speak ${o}`, zh: (o) => `会说${o}` },
  { objects: FOODS, en: (o, t) => `${s(t, 'like', 'likes')} ${o}`, zh: (o) => `喜欢${o}` },
  { objects: FOODS, en: (o, t) => `${s(t, 'do', 'does')} not like ${o}`, zh: (o) => `不喜欢${o}` },
];

interface Clause {
  readonly en: string;
  readonly zh: string;
}

/** Every clause of the grammar, in a fixed order (6 subjects × 78 predicates with objects). */
export const CLAUSES: readonly Clause[] = SUBJECTS.flatMap(([se, sz, third]) => PREDICATES.flatMap((p) => p.objects.map(([oe, oz]) => ({ en: `${se} ${p.en(oe, third)}`, zh: `${sz}${p.zh(oz)}` }))));

/** The Chinese for "and" between two clauses. */
export const JOIN_ZH = '，';

/**
 * The grammar's own translation of `src`, clause by clause (the clauses joined by "and"), or null
 * when a clause is not one of the grammar's: what a translator's output is checked against.
 */
export function referenceOf(src: readonly string[]): { en: string; zh: string }[] | null {
  const parts = src.join(' ').split(' and ');
  const out = parts.map((en) => CLAUSES.find((c) => c.en === en));
  return out.every((c) => c !== undefined) ? (out as Clause[]) : null;
}

/** The Chinese of a place the grammar names (“japan” → 日本), or undefined. */
export const placeZh = (word: string): string | undefined => PLACES.find(([en]) => en === word)?.[1];

export function pairOf(clauses: readonly Clause[]): Pair {
  return {
    src: clauses
      .map((c) => c.en)
      .join(' and ')
      .split(' '),
    tgt: Array.from(clauses.map((c) => c.zh).join(JOIN_ZH)),
  };
}

export const roleOfPair = (p: Pair): Role => roleOf(p.src);

/** Every one-clause pair of `role` (the whole grammar's worth: 468 clauses split by hash). */
export function singleClausePairs(role: Role): Pair[] {
  return CLAUSES.map((c) => pairOf([c])).filter((p) => roleOfPair(p) === role);
}

function drawPair(rng: Rng, twoClauseShare: number): Pair {
  const one = () => CLAUSES[rng.int(CLAUSES.length)]!;
  return pairOf(rng.next() < twoClauseShare ? [one(), one()] : [one()]);
}

/**
 * `count` pairs of `role`, a share `twoClauseShare` of them two clauses long (drawn with
 * replacement, so a short sentence can repeat; a sentence is in one split only, by its hash).
 */
export function translationPairs(role: Role, count: number, seed: number, twoClauseShare = 0.5): Pair[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () =>
    drawUntil(
      () => drawPair(rng, twoClauseShare),
      (p) => roleOfPair(p) === role,
      `${role} translation pair`,
    ),
  );
}

/**
 * `count` distinct pairs of exactly `clauses` clauses: the held-out sentences longer than any
 * trained on (training has one or two), to show where the fixed-size context gives out.
 */
export function longPairs(role: Role, count: number, seed: number, clauses: number): Pair[] {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const out: Pair[] = [];
  while (out.length < count) {
    const p = drawUntil(
      () => pairOf(Array.from({ length: clauses }, () => CLAUSES[rng.int(CLAUSES.length)]!)),
      (q) => roleOfPair(q) === role,
      `${role} ${clauses}-clause pair`,
    );
    const k = p.src.join(' ');
    if (!seen.has(k)) seen.add(k), out.push(p);
  }
  return out;
}

/** Every English word and every Chinese character the grammar uses, in first-seen order. */
export function grammarVocab(): { src: string[]; tgt: string[] } {
  const src = new Set<string>();
  const tgt = new Set<string>();
  for (const c of CLAUSES) {
    for (const w of c.en.split(' ')) src.add(w);
    for (const ch of c.zh) tgt.add(ch);
  }
  src.add('and');
  tgt.add(JOIN_ZH);
  return { src: [...src], tgt: [...tgt] };
}
