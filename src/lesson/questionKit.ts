/**
 * What the lesson's questions (questions.ts) are made of: what a question is asked of and what it
 * answers with, and the readings of the engine the questions share (a step's trace, a unit's gate,
 * the gradient flow of a pair of cells). Pure TypeScript: no React, no store, no DOM.
 */
import { createRng, embedToken, predict, run, type Seq2Seq, stackOf, startOf, type LstmTrace, type Model, type StepTrace } from '../engine';
import type { GruTrace } from '../engine/kinds/gru-types';
import { demoModel } from '../models/demo';
import { tokenize } from '../text/tokenize';
import { unitsThatChangedMost } from '../viz/diagramVectors';
import { gradientFlow, withFiller } from '../viz/gradientFlow';
import type { LearnData } from '../viz/learnChart';
import type { FlowKnobs, LessonView } from './chapters';

/**
 * What a question is asked of: the model on screen, its sentence, the measured learnability
 * report, the model file's own report (a character model's units, measured on held-out text),
 * and, for the translator's chapter, the translate view's two encoder–decoders of the model's
 * kind: the plain one (translate-<kind>) and the one with attention (translate-attn-<kind>).
 * Both at once, since one chapter asks of the bottleneck and then of the fix.
 */
export interface QuestionContext {
  readonly model: Model;
  readonly text: string;
  readonly report?: LearnData | null;
  readonly modelReport?: Readonly<Record<string, unknown>> | null;
  readonly translators?: Translators | null;
}

export interface Translators {
  readonly plain: Seq2Seq;
  readonly attention: Seq2Seq;
}

/** Where the figure goes to show the answer. */
export interface Reveal {
  readonly t?: number;
  readonly view?: LessonView;
  readonly units?: readonly number[];
  readonly flow?: Partial<FlowKnobs>;
  /** The training lab's gap (filler words), for the race that shows it. */
  readonly labGap?: number;
  /** The translate view: with attention or not, and its step across encoder and decoder. */
  readonly attention?: boolean;
  /** The sentence the answer is about, when the chapter opened on another (ChapterState.asks). */
  readonly text?: string;
  readonly translateStep?: number;
}

type Vars = Readonly<Record<string, string | number>>;

export interface Solution {
  /** An option's id (a choice) or a number (an estimate). */
  readonly answer: string | number;
  /** Estimates: how far from the answer still counts as right. */
  readonly tolerance?: number;
  /** Filled into the question before it is answered (which unit, which word): never the answer. */
  readonly ask: Vars;
  /** Filled into the explanation after it is answered: the numbers that make the answer. */
  readonly why: Vars;
  readonly reveal: Reveal;
}

type QuestionInput = { readonly type: 'choice'; readonly options: readonly string[] } | { readonly type: 'estimate'; readonly min: number; readonly max: number; readonly step: number };

export interface QuestionDef {
  readonly id: string;
  readonly input: QuestionInput;
  /** Null when the model cannot answer it (a model of another kind, a sentence too short). */
  readonly solve: (ctx: QuestionContext) => Solution | null;
}

/** Numbers as the explanation prints them (3 decimals; the diagram shows the same values). */
export const fmt = (x: number): string => (Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(2) : x.toFixed(3)).replace('-', '−');

export function tokensOf(ctx: QuestionContext): string[] {
  const r = tokenize(ctx.text, ctx.model.tokenizer);
  return r.error ? [] : [...r.tokens];
}

/** The bottom layer's traces of the whole sentence: what the cell diagram shows at each step. */
export function traces(ctx: QuestionContext): { tokens: string[]; traces: StepTrace[] } {
  const tokens = tokensOf(ctx);
  const cell = stackOf(ctx.model)[0]!;
  return {
    tokens,
    traces: run(
      cell,
      tokens.map((t) => embedToken(ctx.model.embedding, t).x),
    ).traces,
  };
}

/** The step of the first `word` in the sentence, or -1. */
const stepOf = (tokens: readonly string[], word: string) => tokens.indexOf(word);

/** The LSTM-family trace at the first `word`, with the unit whose belt moved most there. */
export function lstmAt(ctx: QuestionContext, word: string): { t: number; tr: LstmTrace; k: number } | null {
  const { tokens, traces: trs } = traces(ctx);
  const t = stepOf(tokens, word);
  const tr = trs[t];
  if (!tr || !('f' in tr) || !('cTilde' in tr)) return null;
  return { t, tr: tr as LstmTrace, k: unitsThatChangedMost(tr, 1)[0]! };
}

export function gruAt(ctx: QuestionContext, word: string): { t: number; tr: GruTrace; k: number } | null {
  const { tokens, traces: trs } = traces(ctx);
  const t = stepOf(tokens, word);
  const tr = trs[t];
  // A trace with an update and a reset gate (the GRU's), asked of its shape, not of a kind's name.
  if (!tr || !('z' in tr) || !('r' in tr)) return null;
  return { t, tr: tr as GruTrace, k: unitsThatChangedMost(tr, 1)[0]! };
}

/** P(positive) of a sigmoid or softmax head, per step. */
export function positive(model: Model, trs: readonly StepTrace[]): number[] | null {
  const head = model.head;
  if (!head || head.kind === 'linear') return null;
  const pos = head.labels.indexOf('positive');
  const at = pos >= 0 ? pos : head.labels.length - 1;
  return trs.map((tr) => predict(head, tr.h)[at]!);
}

/**
 * The gradient view's pair (GradientView.tsx): the model studied beside an untrained plain RNN
 * that reads the same x's where it can; measured from the last token, with filler words.
 */
export function flowPair(ctx: QuestionContext, fillers: number, forgetBias: number) {
  const { model } = ctx;
  const partner = demoModel(model.cell.kind === 'rnn' ? 'lstm' : 'rnn');
  const same = partner.cell.inputSize === model.cell.inputSize ? { ...partner, embedding: model.embedding } : partner;
  const [rnn, other] = model.cell.kind === 'rnn' ? [model, same] : [same, model];
  const seq = withFiller(tokensOf(ctx), fillers);
  const left = gradientFlow(rnn, seq, 0);
  const right = gradientFlow(other, seq, forgetBias);
  return left && right ? { rnn: left, other: right } : null;
}

/** The same model with its RNN's recurrent matrix made orthogonal by the engine's own start (kinds/rnn.ts). */
export function orthogonalised(m: Model): Model {
  const cell = structuredClone(m.cell);
  startOf(cell.kind, 'orthogonal').apply(cell, { rng: createRng(1), tMax: 100 });
  return { ...m, cell };
}

export const choice = (...options: string[]): QuestionInput => ({ type: 'choice', options });
export const unit = (k: number) => k + 1;

/** Pearson's r of two equally long series; 0 when either is constant (not NaN). */
export function pearson(xs: readonly number[], ys: ArrayLike<number>): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  let my = 0;
  for (let i = 0; i < n; i++) my += ys[i]! / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) (sxy += (xs[i]! - mx) * (ys[i]! - my)), (sxx += (xs[i]! - mx) ** 2), (syy += (ys[i]! - my) ** 2);
  return sxx > 1e-12 && syy > 1e-12 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** The steps of the longest run of letters in a character model's tokens (the longest word), or null. */
export function longestWord(tokens: readonly string[]): { text: string; steps: number[] } | null {
  let best: number[] = [];
  let run: number[] = [];
  tokens.forEach((c, t) => {
    run = /\p{L}/u.test(c) ? [...run, t] : [];
    if (run.length > best.length) best = run;
  });
  return best.length > 0 ? { text: best.map((t) => tokens[t]).join(''), steps: best } : null;
}
