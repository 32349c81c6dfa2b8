/**
 * The lesson's predict-then-reveal questions. Each one is asked of the model the chapter puts on
 * screen and answered by the engine at run time: the step is run, the gate read, the gradient
 * measured, here, from whatever model is given (a unit test swaps in a random one and the answer
 * follows it). Nothing here is typed in: a definition says what to compute; `solve` returns the
 * answer, the numbers the explanation quotes, and the state of the figure that shows it.
 * Pure TypeScript: no React, no store, no DOM.
 */
import { cellStateOf, predict } from '../engine';
import { demoModel } from '../models/demo';
import { COUNTRIES, LANGUAGES } from '../train/data/memory';
import { textFeatures, type Feature } from '../train/units';

/** The features the lesson asks about (the unit search measures more: the stateful model's sentence position, characters since a quote). */
const FEATURES = ['quote', 'wordPos', 'space', 'punct', 'sentenceStart', 'vowel'] as const satisfies readonly Feature[];
import { measuredUnits } from '../viz/paintedText';
import { gradientFlow, withFiller } from '../viz/gradientFlow';
import { scanOf } from '../viz/scanLayout';
import { seriesOf } from '../viz/learnChart';
import { TRANSLATE_QUESTIONS } from './translateQuestions';
import { choice, flowPair, fmt, gruAt, longestWord, lstmAt, orthogonalised, pearson, positive, type QuestionDef, type Solution, tokensOf, traces, unit } from './questionKit';

export type { QuestionDef, Reveal, Solution } from './questionKit';

export const QUESTIONS: readonly QuestionDef[] = [
  {
    // Chapter 1: one cell, one set of weights, yet the state differs: h_{t−1} is an input too.
    id: 'sameWord',
    input: choice('same', 'different'),
    solve: (ctx) => {
      const { tokens, traces: trs } = traces(ctx);
      const a = tokens.indexOf('the');
      const b = tokens.indexOf('the', a + 1);
      if (a < 0 || b < 0) return null;
      const ha = trs[a]!.h;
      const hb = trs[b]!.h;
      const diff = Math.max(...Array.from(ha, (x, k) => Math.abs(x - hb[k]!)));
      return { answer: diff > 1e-9 ? 'different' : 'same', ask: { a: a + 1, b: b + 1 }, why: { diff: fmt(diff), ha: fmt(ha[0]!), hb: fmt(hb[0]!) }, reveal: { t: b } };
    },
  },
  {
    // Chapter 2: a trained plain RNN read across the gap. Whether it can *learn* that is chapter 13.
    id: 'memoryCarries',
    input: choice('yes', 'no'),
    solve: (ctx) => {
      const { tokens, traces: trs } = traces(ctx);
      const head = ctx.model.head;
      const country = tokens.findIndex((t) => (COUNTRIES as readonly string[]).includes(t));
      if (!head || head.kind === 'linear' || country < 0 || trs.length === 0) return null;
      const p = predict(head, trs[trs.length - 1]!.h);
      const best = p.indexOf(Math.max(...p));
      const said = head.labels[best] ?? '';
      const right = LANGUAGES[COUNTRIES.indexOf(tokens[country] as (typeof COUNTRIES)[number])]!;
      return {
        answer: said === right ? 'yes' : 'no',
        ask: { country: tokens[country]!, gap: tokens.length - country - 4 },
        why: { said, p: `${Math.round(p[best]! * 100)}%`, right },
        reveal: { t: trs.length - 1 },
      };
    },
  },
  {
    id: 'beltMoves',
    input: choice('up', 'down'),
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.c[k]! > tr.cPrev[k]! ? 'up' : 'down', ask: { u: unit(k) }, why: { u: unit(k), before: fmt(tr.cPrev[k]!), after: fmt(tr.c[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'forgetUnit',
    input: choice('keep', 'forget'),
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.f[k]! >= 0.5 ? 'keep' : 'forget', ask: { u: unit(k) }, why: { u: unit(k), f: fmt(tr.f[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'forgetCount',
    input: { type: 'estimate', min: 0, max: 24, step: 1 },
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const n = Array.from(at.tr.f).filter((f) => f > 0.5).length;
      const H = at.tr.f.length;
      return { answer: n, tolerance: Math.max(1, Math.round(H / 8)), ask: { H }, why: { n, H, tol: Math.max(1, Math.round(H / 8)) }, reveal: { t: at.t, view: 'heatmap' } };
    },
  },
  {
    id: 'inputOpen',
    input: choice('open', 'closed'),
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.i[k]! >= 0.5 ? 'open' : 'closed', ask: { u: unit(k) }, why: { u: unit(k), i: fmt(tr.i[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'candidateSign',
    input: choice('positive', 'negative'),
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.cTilde[k]! >= 0 ? 'positive' : 'negative', ask: { u: unit(k) }, why: { u: unit(k), g: fmt(tr.cTilde[k]!), i: fmt(tr.i[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'keptOrWritten',
    input: choice('kept', 'written'),
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      const kept = tr.f[k]! * tr.cPrev[k]!;
      const written = tr.i[k]! * tr.cTilde[k]!;
      return {
        answer: Math.abs(kept) >= Math.abs(written) ? 'kept' : 'written',
        ask: { u: unit(k) },
        why: { u: unit(k), f: fmt(tr.f[k]!), cPrev: fmt(tr.cPrev[k]!), kept: fmt(kept), i: fmt(tr.i[k]!), g: fmt(tr.cTilde[k]!), written: fmt(written), c: fmt(tr.c[k]!) },
        reveal: { t, view: 'cell' },
      };
    },
  },
  {
    id: 'cEstimate',
    input: { type: 'estimate', min: -3, max: 3, step: 0.1 },
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.c[k]!, tolerance: 0.3, ask: { u: unit(k) }, why: { u: unit(k), c: fmt(tr.c[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'outputOpen',
    input: choice('open', 'closed'),
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.o[k]! >= 0.5 ? 'open' : 'closed', ask: { u: unit(k) }, why: { u: unit(k), o: fmt(tr.o[k]!), h: fmt(tr.h[k]!), tc: fmt(tr.tanhC[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'hEstimate',
    input: { type: 'estimate', min: -1, max: 1, step: 0.05 },
    solve: (ctx) => {
      const at = lstmAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return {
        answer: tr.h[k]!,
        tolerance: 0.15,
        ask: { u: unit(k), c: fmt(tr.c[k]!), o: fmt(tr.o[k]!) },
        why: { u: unit(k), h: fmt(tr.h[k]!), tc: fmt(tr.tanhC[k]!), o: fmt(tr.o[k]!) },
        reveal: { t, view: 'cell' },
      };
    },
  },
  {
    // z is the share of h_{t−1} kept (PyTorch's convention; colah's figure calls 1 − z that).
    id: 'gruKeeps',
    input: choice('most', 'few'),
    solve: (ctx) => {
      const at = gruAt(ctx, 'not');
      if (!at) return null;
      const n = Array.from(at.tr.z).filter((z) => z > 0.5).length;
      const H = at.tr.z.length;
      return { answer: n * 2 > H ? 'most' : 'few', ask: { H }, why: { n, H }, reveal: { t: at.t, view: 'cell' } };
    },
  },
  {
    id: 'gruReset',
    input: choice('open', 'closed'),
    solve: (ctx) => {
      const at = gruAt(ctx, 'not');
      if (!at) return null;
      const { t, tr, k } = at;
      return { answer: tr.r[k]! >= 0.5 ? 'open' : 'closed', ask: { u: unit(k) }, why: { u: unit(k), r: fmt(tr.r[k]!), z: fmt(tr.z[k]!), n: fmt(tr.n[k]!) }, reveal: { t, view: 'cell' } };
    },
  },
  {
    id: 'rnnBelow',
    input: choice('above', 'below'),
    solve: (ctx) => {
      const fillers = 10;
      const f = flowPair(ctx, fillers, 0);
      if (!f) return null;
      const g = f.rnn.h[0]!;
      return {
        answer: g >= 0.01 ? 'above' : 'below',
        ask: { n: fillers },
        why: { g: g.toExponential(2).replace('-', '−'), n: fillers },
        reveal: { view: 'gradient', flow: { fillers, forgetBias: 0 } },
      };
    },
  },
  {
    id: 'whichCarries',
    input: choice('rnn', 'belt'),
    solve: (ctx) => {
      const fillers = 20;
      const f = flowPair(ctx, fillers, 0);
      if (!f?.other.c) return null;
      const r = f.rnn.h[0]!;
      const c = f.other.c[0]!;
      const e = (x: number) => x.toExponential(2).replace('-', '−');
      return { answer: c > r ? 'belt' : 'rnn', ask: { n: fillers }, why: { rnn: e(r), belt: e(c), n: fillers }, reveal: { view: 'gradient', flow: { fillers, forgetBias: 0 } } };
    },
  },
  {
    // An estimate on a log scale: the slider's value is the power of ten.
    id: 'biasEstimate',
    input: { type: 'estimate', min: -12, max: 0, step: 1 },
    solve: (ctx) => {
      const fillers = 20;
      const bias = 3;
      const at0 = flowPair(ctx, fillers, 0);
      const f = flowPair(ctx, fillers, bias);
      if (!f?.other.c || !at0?.other.c) return null;
      const c = f.other.c[0]!;
      const e = (x: number) => x.toExponential(2).replace('-', '−');
      return {
        answer: Math.log10(Math.max(1e-12, c)),
        tolerance: 1,
        ask: { n: fillers, b: bias, before: e(at0.other.c[0]!) },
        why: { c: e(c), before: e(at0.other.c[0]!), b: bias },
        reveal: { view: 'gradient', flow: { fillers, forgetBias: bias } },
      };
    },
  },
  {
    // The gradient view's RNN from another start: the same weights, U made orthogonal.
    id: 'startGradient',
    input: choice('more', 'less'),
    solve: (ctx) => {
      const fillers = 20;
      const f = flowPair(ctx, fillers, 0);
      if (f?.rnn.kind !== 'rnn') return null;
      const rnnModel = ctx.model.cell.kind === 'rnn' ? ctx.model : demoModel('rnn');
      const same = rnnModel.cell.inputSize === ctx.model.cell.inputSize ? { ...rnnModel, embedding: ctx.model.embedding } : rnnModel;
      const g = gradientFlow(orthogonalised(same), withFiller(tokensOf(ctx), fillers), 0);
      if (!g) return null;
      const before = f.rnn.h[0]!;
      const after = g.h[0]!;
      const e = (x: number) => x.toExponential(2).replace('-', '−');
      return { answer: after > before ? 'more' : 'less', ask: { n: fillers }, why: { before: e(before), after: e(after), n: fillers }, reveal: { view: 'gradient', flow: { fillers, forgetBias: 0 } } };
    },
  },
  {
    id: 'turnsPositive',
    input: choice('t6', 't7', 't8', 't9', 'never'),
    solve: (ctx) => {
      const { tokens, traces: trs } = traces(ctx);
      const p = positive(ctx.model, trs);
      const from = tokens.indexOf('boring');
      if (!p || from < 0 || tokens.length < 10) return null;
      const first = p.findIndex((x, t) => t > from && x > 0.5);
      const answer = first < 0 ? 'never' : `t${first}`;
      const ask = Object.fromEntries([6, 7, 8, 9].map((t) => [`t${t}`, tokens[t]!]));
      return {
        answer,
        ask,
        why: { word: first < 0 ? '—' : tokens[first]!, p: first < 0 ? '' : `${Math.round(p[first]! * 100)}%`, before: `${Math.round(p[from]! * 100)}%` },
        reveal: { t: first < 0 ? tokens.length - 1 : first, view: 'cell' },
      };
    },
  },
  {
    // Chapter 11: the character model's unit most tied to a feature of the text, as the trainer
    // measured it on held-out Austen (the model file's report.units; the painted text's first
    // pick). The feature is the answer; this sentence's own correlation is measured here again.
    id: 'unitFeature',
    input: choice(...FEATURES),
    solve: (ctx) => {
      const u = measuredUnits(ctx.modelReport ?? null, ctx.model.cell.hiddenSize)[0];
      const { tokens, traces: trs } = traces(ctx);
      const word = longestWord(tokens);
      if (!u || !word || !(FEATURES as readonly string[]).includes(u.feature)) return null;
      const values = trs.map((tr) => (u.series === 'c' ? cellStateOf(tr) : tr.h)?.[u.unit] ?? 0);
      const here = pearson(values, textFeatures(tokens)[u.feature as Feature]);
      const last = word.steps[word.steps.length - 1]!;
      const sym = u.series === 'c' ? 'C' : 'h';
      return {
        answer: u.feature,
        ask: { k: unit(u.unit), sym, r: Math.abs(u.r).toFixed(2) },
        why: { k: unit(u.unit), sym, r: u.r.toFixed(2), here: here.toFixed(2), word: word.text, first: fmt(values[word.steps[0]!]!), last: fmt(values[last]!) },
        reveal: { view: 'heatmap', t: last },
      };
    },
  },
  {
    // Read from the measured curve (public/reports/memory-learnability.json): seeds that learned.
    id: 'rnnLearns',
    input: choice('none', 'some', 'all'),
    solve: (ctx) => {
      const gap = 20;
      const point = ctx.report ? seriesOf(ctx.report, 'rnn', 'default')?.points.find((p) => p.gap === gap) : undefined;
      const lstm = ctx.report ? seriesOf(ctx.report, 'lstm')?.points.find((p) => p.gap === gap) : undefined;
      if (!point) return null;
      const answer = point.learned === 0 ? 'none' : point.learned === point.seeds ? 'all' : 'some';
      return { answer, ask: { gap }, why: { learned: point.learned, seeds: point.seeds, gap, lstm: lstm ? `${lstm.learned}/${lstm.seeds}` : '—' }, reveal: { labGap: gap } };
    },
  },
  {
    // Read from the measured curve: which of the RNN's starts learned the gap in the most seeds
    // (ties broken by the median held-out accuracy; a full tie has no one answer).
    id: 'rnnStart',
    input: choice('default', 'orthogonal', 'identity'),
    solve: (ctx) => {
      const gap = 20;
      const report = ctx.report;
      if (!report) return null;
      const rows = (['default', 'orthogonal', 'identity'] as const).map((start) => ({ start, p: seriesOf(report, 'rnn', start)?.points.find((p) => p.gap === gap) }));
      if (rows.some((r) => !r.p)) return null;
      const score = (r: (typeof rows)[number]) => r.p!.learned + r.p!.median / 2;
      const best = Math.max(...rows.map(score));
      const top = rows.filter((r) => score(r) === best);
      if (top.length !== 1) return null;
      const n = (k: number) => `${rows[k]!.p!.learned}/${rows[k]!.p!.seeds}`;
      return { answer: top[0]!.start, ask: { gap }, why: { gap, d: n(0), o: n(1), i: n(2) }, reveal: { labGap: gap } };
    },
  },
  {
    // Chapter 12: minGRU's gates read x_t alone, so its steps combine pairwise (the scan view).
    id: 'scanLevels',
    input: { type: 'estimate', min: 1, max: 12, step: 1 },
    solve: (ctx) => {
      const { tokens, traces: trs } = traces(ctx);
      const s = scanOf(trs);
      if (!s || tokens.length < 2) return null;
      const levels = s.scan.levels.length - 1;
      return { answer: levels, tolerance: 0, ask: { T: tokens.length }, why: { levels, T: tokens.length, diff: s.diff.toExponential(1) }, reveal: { view: 'cell', t: tokens.length - 1 } };
    },
  },
  // The translator's chapter, asked of its two encoder–decoders (translateQuestions.ts).
  ...TRANSLATE_QUESTIONS,
];

export function questionById(id: string): QuestionDef {
  const q = QUESTIONS.find((x) => x.id === id);
  if (!q) throw new Error(`no lesson question ${id}`);
  return q;
}

/** Whether a committed answer is right. */
export function isRight(sol: Solution, given: string | number): boolean {
  if (typeof sol.answer === 'number') return typeof given === 'number' && Math.abs(given - sol.answer) <= (sol.tolerance ?? 0) + 1e-9;
  return given === sol.answer;
}

/** A wrong answer (for the tests, and for "show me the other case"): another option, or an estimate well off. */
export function wrongAnswer(q: QuestionDef, sol: Solution): string | number {
  if (q.input.type === 'choice') return q.input.options.find((o) => o !== sol.answer)!;
  const { min, max } = q.input;
  const a = sol.answer as number;
  return a - min > max - a ? min : max;
}
