/**
 * "What to look for" captions, measured on the trained model rather than written in advance:
 *  - sentiment: which hidden units move most at "not" in "the movie was not good", and
 *    P(positive) before and after it;
 *  - memory: the unit whose value separates the countries best right after the country and
 *    still at the end of a long gap, plus the held-out accuracy per gap.
 * Returns the numbers and an English and a Chinese sentence built from them.
 */
import { cellStateOf, createRng, embedToken, kindOf, predict, runStack, stackOf, type Model, type StepTrace, type Vec } from '../engine';
import { tokenize } from '../text/tokenize';
import { COUNTRIES, filler } from './data/memory';

interface Insight {
  readonly numbers: Record<string, unknown>;
  readonly caption: { readonly en: string; readonly zh: string };
}

/** The top layer's traces (the one the head reads; of one layer, the only one) and the predictions. */
function traceOf(m: Model, text: string): { tokens: readonly string[]; traces: StepTrace[]; p: number[][] } {
  const tokens = tokenize(text, m.tokenizer).tokens;
  const { layers } = runStack(
    stackOf(m),
    tokens.map((t) => embedToken(m.embedding, t).x),
  );
  const traces = layers[layers.length - 1]!;
  return { tokens, traces, p: traces.map((tr) => predict(m.head!, tr.h)) };
}

/** How a caption names the layer of a stack it measured: "layer 2's " (nothing for one layer). */
const layerOf = (m: Model) => (stackOf(m).length > 1 ? { en: `layer ${stackOf(m).length}’s `, zh: `第 ${stackOf(m).length} 层的` } : { en: '', zh: '' });

const pct = (x: number) => `${Math.round(x * 100)}%`;
const f2 = (x: number) => x.toFixed(2);

/** The sentences a sentiment caption measures: the negated one, its negation word, the plain one, and the word after. */
interface NegationProbe {
  readonly negated: string;
  readonly not: string;
  readonly plain: string;
  readonly after: string;
}
const ENGLISH_PROBE: NegationProbe = { negated: 'the movie was not good', not: 'not', plain: 'the movie was good', after: 'good' };
/** The Chinese models' pair: the first step of 不 in 这部电影不好看, and the same sentence without it. */
export const CHINESE_PROBE: NegationProbe = { negated: '这部电影不好看', not: '不', plain: '这部电影好看', after: '好看' };

export function sentimentInsight(m: Model, probe: NegationProbe = ENGLISH_PROBE): Insight {
  const { tokens, traces, p } = traceOf(m, probe.negated);
  const t = tokens.indexOf(probe.not);
  const before = traces[t - 1]!.h;
  const after = traces[t]!.h;
  const moves = Array.from(after, (v, k) => ({ unit: k, from: before[k]!, to: v })).sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from));
  const top = moves.slice(0, 2);
  const pGood = traceOf(m, probe.plain).p.at(-1)![1]!;
  const pNotGood = p.at(-1)![1]!;
  const units = top.map((u) => `h[${u.unit}] ${f2(u.from)} → ${f2(u.to)}`).join(', ');
  const { negated, not, after: word } = probe;
  return {
    numbers: { notStep: t, topUnits: top, pPositiveGood: pGood, pPositiveNotGood: pNotGood },
    caption: {
      en: `Step to “${not}” in “${negated}”: ${layerOf(m).en}${units} move most. Then “${word}” gives P(positive) = ${pct(pNotGood)}, against ${pct(pGood)} without “${not}”.`,
      zh: `在 “${negated}” 中走到 “${not}”：变化最大的是${layerOf(m).zh} ${units}。随后 “${word}” 给出 P(正面) = ${pct(pNotGood)}；没有 “${not}” 时是 ${pct(pGood)}。`,
    },
  };
}

/** Spread (max − min) of each unit's value across the six countries. */
function spread(hs: readonly Vec[]): number[] {
  return Array.from(hs[0]!, (_, k) => Math.max(...hs.map((h) => h[k]!)) - Math.min(...hs.map((h) => h[k]!)));
}

export function memoryInsight(m: Model, accByGap: Readonly<Record<string, number>>): Insight {
  const gap = 30;
  const fill = filler(createRng(77), gap);
  const runs = COUNTRIES.map((c) => traceOf(m, ['i', 'grew', 'up', 'in', c, '.', ...fill, '.', 'i', 'speak', 'fluent'].join(' ')));
  // For cells with a cell state, the memory is in C; look there, else in h.
  const state = (tr: StepTrace): Vec => cellStateOf(tr) ?? tr.h;
  const atCountry = spread(runs.map((r) => state(r.traces[4]!)));
  const atEnd = spread(runs.map((r) => state(r.traces[5 + gap]!)));
  let best = 0;
  atEnd.forEach((v, k) => {
    if (Math.min(v, atCountry[k]!) > Math.min(atEnd[best]!, atCountry[best]!)) best = k;
  });
  const vecName = kindOf(m.cell.kind).hasCellState ? 'C' : 'h';
  const g = (k: string) => pct(accByGap[k] ?? NaN);
  return {
    numbers: { unit: best, vector: vecName, spreadAtCountry: atCountry[best], spreadAfterGap: atEnd[best], gap },
    caption: {
      en: `Held-out accuracy: ${g('5')} at a 5-word gap, ${g('20')} at 20, ${g('40')} at 40, ${g('80')} at 80. Watch ${vecName}[${best}]: across the six countries it spans ${f2(atCountry[best]!)} at the country and ${f2(atEnd[best]!)} after ${gap} filler words.`,
      zh: `留出数据准确率：间隔 5 词 ${g('5')}，20 词 ${g('20')}，40 词 ${g('40')}，80 词 ${g('80')}。请看 ${vecName}[${best}]：六个国家下它在国家一步的取值范围是 ${f2(atCountry[best]!)}，经过 ${gap} 个填充词后是 ${f2(atEnd[best]!)}。`,
    },
  };
}
