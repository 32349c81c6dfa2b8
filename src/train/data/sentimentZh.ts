/**
 * Generated Chinese opinions (written here, MIT; no third-party text), read one character at a
 * time as the app splits Chinese. The label follows rules a student can check by hand:
 *   1. an adjective has a polarity (好吃 +, 难吃 −), whatever the degree word (很, 非常, 特别,
 *      太…了, 有点, 挺…的): degree words never change it;
 *   2. a negation (不, 不太, 不是很, 一点也不, 并不, 没那么, 没有想象中那么) flips it, for strong
 *      and mild adjectives of both signs (不贵 +, 不好吃 −), so 不 alone says nothing;
 *   3. in contrast the main clause decides: 虽然 A，但是 B is B, and B，虽然 A is B too;
 *   4. 没/没有 and 别 work on verbs: 没让我失望 +, 让我失望 −, 别错过 +, 别买 −.
 * Every marker (不, 没, 别, 虽然, 最, 又…又, each degree word, each ending) goes with either
 * polarity about equally often, so no single character gives the label away: a bag of characters
 * must fail on exactly the sentences whose meaning is in the order (不好 against 好, which clause
 * follows 但是). The split of every sentence is the project's hash rule on its characters
 * (./split.ts), so held-out sentences are never training sentences.
 */
import { createRng, type Rng } from '../../engine';
import { tokenize } from '../../text/tokenize';
import { drawUntil, roleOf, sequenceKey, type Role } from './split';
import type { Example } from './types';
import { ZH_HANDWRITTEN } from './sentimentZhHand';
import { GENERAL_NEG, GENERAL_POS, OPENERS, TOPICS, type Topic } from './sentimentZhLexicon';

/** Degree words: [before, after]; none changes the polarity. */
const DEGREES: ReadonlyArray<readonly [string, string]> = [
  ['很', ''],
  ['非常', ''],
  ['特别', ''],
  ['真', ''],
  ['太', '了'],
  ['挺', '的'],
  ['超级', ''],
  ['比较', ''],
  ['十分', ''],
  ['有点', ''],
  ['真的很', ''],
  ['', ''],
];
/** Negations of every strength; each flips the adjective it governs. */
const NEGATIONS = ['不', '不太', '不是很', '不怎么', '一点也不', '一点都不', '并不', '没那么', '没有想象中那么', '不算'];
const ENDINGS = ['', '', '。', '！', '。', '啊', '呀。'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(xs.length)]!;

interface Clause {
  readonly text: string;
  readonly positive: boolean;
}

function adjective(rng: Rng, topic: Topic, positive: boolean): string {
  const own = positive ? topic.pos : topic.neg;
  return rng.next() < 0.8 ? pick(rng, own) : pick(rng, positive ? GENERAL_POS : GENERAL_NEG);
}

/** An adjective a negation can go before: not one that is itself negated (不新鲜, 没意思). */
function negatable(rng: Rng, topic: Topic, positive: boolean): string {
  for (;;) {
    const a = adjective(rng, topic, positive);
    if (!/^[不没]/u.test(a)) return a;
  }
}

/** 这部电影很好看 / 房间有点小 / 结局一点也不感人 / 早餐没有想象中那么贵. */
function stateClause(rng: Rng, topic: Topic, adjPositive = rng.next() < 0.5, also = ''): Clause {
  const subject = `${pick(rng, topic.subjects)}${also}`;
  if (rng.next() < 0.45) {
    const neg = pick(rng, NEGATIONS);
    return { text: `${subject}${neg}${negatable(rng, topic, adjPositive)}`, positive: !adjPositive };
  }
  const [before, after] = pick(rng, DEGREES);
  return { text: `${subject}${before}${adjective(rng, topic, adjPositive)}${after}`, positive: adjPositive };
}

/** Something that happened (我看哭了 +, 吃完拉肚子了 −), sometimes after a neutral scene. */
function eventClause(rng: Rng, topic: Topic, positive = rng.next() < 0.5, scene = true): Clause {
  const event = pick(rng, positive ? topic.posEvents : topic.negEvents);
  return { text: scene && rng.next() < 0.4 ? `${pick(rng, topic.scenes)}，${event}` : event, positive };
}

/** Two clauses of one sign: 菜很好吃，服务也很热情 / 房间很小，而且一晚上都没睡好. */
function together(rng: Rng, topic: Topic): Clause {
  const first = rng.next() < 0.7 ? stateClause(rng, topic) : eventClause(rng, topic);
  const next = () => (rng.next() < 0.6 ? stateClause(rng, topic, rng.next() < 0.5, '也') : eventClause(rng, topic, first.positive));
  let second = next();
  // A negated state flips its adjective, so draw until the second clause means the same sign.
  while (second.positive !== first.positive) second = next();
  return { text: `${first.text}，${second.text.includes('也') ? '' : pick(rng, ['', '而且', '还有'])}${second.text}`, positive: first.positive };
}

/** A neutral scene, then an opinion: 昨天看了这部电影，我觉得结局很感人. */
function sceneThenOpinion(rng: Rng, topic: Topic): Clause {
  const c = stateClause(rng, topic);
  return { text: `${pick(rng, topic.scenes)}，${pick(rng, OPENERS)}${c.text}`, positive: c.positive };
}

/** 没/没有 on verbs, both ways: 没让我失望 +, 让我失望 −, 没有什么问题 +, 没让我满意 −. */
function verbClause(rng: Rng, topic: Topic): Clause {
  const s = pick(rng, topic.subjects);
  const not = pick(rng, ['没', '没有', '并没有']);
  const forms: Clause[] = [
    { text: `${s}${not}让我失望`, positive: true },
    { text: `${s}让我很失望`, positive: false },
    { text: `${s}${not}让我满意`, positive: false },
    { text: `${s}让我非常满意`, positive: true },
    { text: `${s}没什么问题`, positive: true },
    { text: `${s}问题很多`, positive: false },
    { text: `${s}${not}什么亮点`, positive: false },
    { text: `${s}${not}什么缺点`, positive: true },
  ];
  return pick(rng, forms);
}

/** 我很喜欢这本书 / 我不讨厌这个老师 / 我一点也不喜欢房间. */
function opinion(rng: Rng, topic: Topic): Clause {
  const like = rng.next() < 0.5;
  const negated = rng.next() < 0.45;
  const degree = negated ? pick(rng, ['不', '不太', '一点也不', '并不']) : pick(rng, ['', '很', '非常', '特别', '真的']);
  const who = pick(rng, ['我', '我们', '孩子们', '我妈妈']);
  return { text: `${who}${degree}${like ? '喜欢' : '讨厌'}${pick(rng, topic.subjects)}`, positive: like !== negated };
}

/** 别 in both senses, and recommending or not. */
function advice(rng: Rng, topic: Topic): Clause {
  const forms: Clause[] = [
    { text: pick(rng, topic.dont), positive: false },
    { text: pick(rng, topic.doNotMiss), positive: true },
    { text: `${pick(rng, ['强烈', '非常', ''])}推荐${pick(rng, topic.subjects)}`, positive: true },
    { text: `不推荐${pick(rng, topic.subjects)}`, positive: false },
    { text: `${pick(rng, topic.subjects)}${pick(rng, ['很', '真', ''])}值得`, positive: true },
    { text: `${pick(rng, topic.subjects)}${pick(rng, ['不', '一点也不', '并不'])}值得`, positive: false },
    { text: pick(rng, ['下次还会再来', '我还会再来', '以后还会再买']), positive: true },
    { text: pick(rng, ['下次不会再来了', '再也不来了', '以后再也不买了']), positive: false },
  ];
  return pick(rng, forms);
}

/** 这是我吃过最好吃的菜 / 这是我住过最吵的酒店 / 这是我最不喜欢的电影. */
function superlative(rng: Rng, topic: Topic): Clause {
  const positive = rng.next() < 0.5;
  if (rng.next() < 0.25) return { text: `这是我最${positive ? '' : '不'}喜欢的${topic.noun}`, positive };
  const adj = adjective(rng, topic, positive);
  const start = pick(rng, ['这是我', '这是我这辈子', '这大概是我']);
  return { text: `${start}${topic.verb}过最${adj}的${topic.noun}`, positive };
}

/** 又便宜又好吃 / 又贵又难吃 / 又不贵又好吃 / 又不新鲜又咸. */
function bothAnd(rng: Rng, topic: Topic): Clause {
  const positive = rng.next() < 0.5;
  const part = (): string => {
    // Some of the time the part is a negated opposite: 不贵 beside 好吃, 不新鲜 beside 咸.
    if (rng.next() < 0.3) return `不${negatable(rng, topic, !positive)}`;
    return adjective(rng, topic, positive);
  };
  let a = part();
  let b = part();
  for (let k = 0; a === b && k < 5; k++) b = part();
  if (a === b) a = `${pick(rng, ['很', '特别'])}${a}`;
  return { text: `${pick(rng, topic.subjects)}${pick(rng, ['又', '既'])}${a}又${b}`, positive };
}

/** One clause for a contrast: usually a state, sometimes a verb form. */
function anyClause(rng: Rng, topic: Topic): Clause {
  const r = rng.next();
  return r < 0.6 ? stateClause(rng, topic) : r < 0.8 ? eventClause(rng, topic, rng.next() < 0.5, false) : verbClause(rng, topic);
}

/** Contrast, both orders of clause and both orders of sign; the main clause decides. */
function contrast(rng: Rng, topic: Topic): Clause {
  const a = anyClause(rng, topic);
  // Mostly opposite signs (as people use 虽然…但是), sometimes the same.
  let b = anyClause(rng, topic);
  for (let k = 0; k < 20 && rng.next() < 0.8 && b.positive === a.positive; k++) b = anyClause(rng, topic);
  const form = rng.int(4);
  if (form === 0) return { text: `虽然${a.text}，但是${b.text}`, positive: b.positive };
  if (form === 1) return { text: `虽然${a.text}，但${b.text}`, positive: b.positive };
  if (form === 2) return { text: `${a.text}，${pick(rng, ['但是', '不过', '可是'])}${b.text}`, positive: b.positive };
  // The main clause first: 很好吃，虽然有点贵 is still positive.
  return { text: `${b.text}，虽然${a.text}`, positive: b.positive };
}

const TEMPLATES: ReadonlyArray<readonly [number, (rng: Rng, t: Topic) => Clause]> = [
  [3, (rng, t) => withOpener(rng, stateClause(rng, t))],
  [2, (rng, t) => eventClause(rng, t)],
  [1, together],
  [1, sceneThenOpinion],
  [1, verbClause],
  [1, opinion],
  [1, advice],
  [1, superlative],
  [1, bothAnd],
  [3, contrast],
];
function withOpener(rng: Rng, c: Clause): Clause {
  return { text: `${pick(rng, OPENERS)}${c.text}`, positive: c.positive };
}

const TOTAL_WEIGHT = TEMPLATES.reduce((s, [w]) => s + w, 0);

function sentence(rng: Rng): Clause {
  const topic = pick(rng, TOPICS);
  let r = rng.next() * TOTAL_WEIGHT;
  const [, make] = TEMPLATES.find(([w]) => (r -= w) < 0) ?? TEMPLATES[0]!;
  const c = make(rng, topic);
  const end = c.text.endsWith('了') ? pick(rng, ['', '。', '！']) : pick(rng, ENDINGS);
  return { text: `${c.text}${end}`, positive: c.positive };
}

/** The characters the app steps through for a Chinese sentence. */
export const zhChars = (text: string): readonly string[] => tokenize(text, 'chars').tokens;

/** The sentences offered with the Chinese models (the first is the one the page opens on). */
export const SENTIMENT_ZH_PRESETS: ReadonlyArray<{ readonly text: string; readonly label: 0 | 1 }> = [
  { text: '这部电影不好看', label: 0 },
  { text: '这部电影很好看', label: 1 },
  { text: '虽然有点贵，但是很好吃', label: 1 },
  { text: '服务很热情，可是菜太难吃了', label: 0 },
];

/**
 * Whether a generated sentence may be in `role`: its hash role (split.ts), and not one of `never`
 * (the presets, and the hand-written sentences, which are split by their own hash: a generated
 * sentence that happens to equal a held-out hand-written one must not be trained on).
 */
function zhAllowed(role: Role, tokens: readonly string[], never: ReadonlySet<string>): boolean {
  return roleOf(tokens) === role && !never.has(sequenceKey(tokens));
}

/** The sentences no generated set may contain, as character keys. */
const zhNeverGenerated = (): ReadonlySet<string> => new Set([...SENTIMENT_ZH_PRESETS, ...ZH_HANDWRITTEN].map((p) => sequenceKey(zhChars(p.text))));

/** `n` distinct generated sentences of `role`, drawn from `seed`. */
export function sentimentZhExamples(n: number, seed: number, role: Role): Example[] {
  const rng = createRng(seed);
  const never = zhNeverGenerated();
  const seen = new Set<string>();
  const out: Example[] = [];
  for (let k = 0; k < n; k++) {
    const c = drawUntil(
      () => {
        const s = sentence(rng);
        return { tokens: zhChars(s.text), positive: s.positive };
      },
      (x) => !seen.has(sequenceKey(x.tokens)) && zhAllowed(role, x.tokens, never),
      `new ${role} Chinese sentence`,
    );
    seen.add(sequenceKey(c.tokens));
    out.push({ tokens: c.tokens, label: c.positive ? 1 : 0 });
  }
  return out;
}
