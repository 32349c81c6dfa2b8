/**
 * The guided lesson's chapters, in the order of the source articles (the loop, the long-range
 * problem, the belt, each gate, the variants, why it works, trained cells, the translator's
 * hand-over and attention, training, what came after). A chapter is data: the named state the
 * app is put in (model, sentence, step, view, the unrolled view's comparison row, the gradient
 * view's knobs, the translator with or without attention), which the lesson applies through the
 * store's own actions, and the ids of its questions (questions.ts). No React, no store.
 */
import type { CellKind } from '../engine';

/** The app's views a chapter may open (the store's ViewName, named here so the lesson stays under the store). */
export type LessonView = 'cell' | 'unrolled' | 'heatmap' | 'gradient' | 'train' | 'translate';

export interface FlowKnobs {
  readonly fillers: number;
  readonly forgetBias: number;
}

export interface ChapterState {
  /** A model id as the loader takes it: `demo-lstm`, `sentiment-lstm`, `memory-rnn`. */
  readonly model: string;
  readonly text: string;
  /** The step shown, 0-based. */
  readonly t: number;
  readonly view: LessonView;
  readonly compareKind?: CellKind;
  readonly flow?: FlowKnobs;
  /** Units the cell diagram draws with numbers (0-based); none: the ones that changed most. */
  readonly units?: readonly number[];
  /**
   * The translate view's encoder–decoder with attention (translate-attn-<kind>) rather than the
   * plain one; the kind is the model's. Only read when the view is 'translate'.
   */
  readonly attention?: boolean;
  /** The translate view's step across encoder and decoder; none: its last. */
  readonly translateStep?: number;
  /**
   * The sentence the chapter's questions ask about, when it is not the one the chapter opens on:
   * the translator's figure prints its whole output at every step, so it opens on one clause and
   * asks about two (the answer's reveal puts them on screen).
   */
  readonly asks?: string;
}

interface Chapter {
  /** A stable id: the i18n keys (`ch.<id>.title`, `.body`, `.try`) and the progress use it. */
  readonly id: string;
  /** Null: a chapter of text only (what came after has no figure in the app yet). */
  readonly state: ChapterState | null;
  readonly questions: readonly string[];
}

const NOT_GOOD = 'the movie was not good';
/** One clause, which the plain translator gets right; then two, the second for it to carry through the same vector. */
const ONE_CLAUSE = 'i grew up in france';
const TWO_CLAUSES = `${ONE_CLAUSE} and she lives in japan`;
const FRANCE = 'i grew up in france . every morning i drink a cup of coffee . my mother liked to cook on sundays . later i studied music for many years . i speak fluent';

export const CHAPTERS: readonly Chapter[] = [
  { id: 'loop', state: { model: 'demo-rnn', text: 'the clouds are in the sky', t: 0, view: 'unrolled', compareKind: 'lstm' }, questions: ['sameWord'] },
  { id: 'longRange', state: { model: 'memory-rnn', text: FRANCE, t: 4, view: 'unrolled', compareKind: 'lstm' }, questions: ['memoryCarries'] },
  { id: 'belt', state: { model: 'sentiment-lstm', text: NOT_GOOD, t: 2, view: 'cell' }, questions: ['beltMoves'] },
  { id: 'forget', state: { model: 'sentiment-lstm', text: NOT_GOOD, t: 2, view: 'cell' }, questions: ['forgetUnit', 'forgetCount'] },
  { id: 'input', state: { model: 'sentiment-lstm', text: NOT_GOOD, t: 2, view: 'cell' }, questions: ['inputOpen', 'candidateSign'] },
  { id: 'update', state: { model: 'sentiment-lstm', text: NOT_GOOD, t: 2, view: 'cell' }, questions: ['keptOrWritten', 'cEstimate'] },
  { id: 'output', state: { model: 'sentiment-lstm', text: NOT_GOOD, t: 2, view: 'cell' }, questions: ['outputOpen', 'hEstimate'] },
  { id: 'variants', state: { model: 'sentiment-gru', text: NOT_GOOD, t: 2, view: 'unrolled', compareKind: 'lstm' }, questions: ['gruKeeps', 'gruReset'] },
  {
    id: 'gradient',
    state: { model: 'demo-lstm', text: 'i grew up in france', t: 4, view: 'gradient', flow: { fillers: 0, forgetBias: 0 } },
    questions: ['rnnBelow', 'whichCarries', 'biasEstimate', 'startGradient'],
  },
  { id: 'trained', state: { model: 'sentiment-lstm', text: 'i expected it to be boring but it was wonderful', t: 0, view: 'heatmap' }, questions: ['turnsPositive'] },
  { id: 'charUnit', state: { model: 'charlm-lstm', text: 'it is a truth universally acknowledged', t: 0, view: 'cell' }, questions: ['unitFeature'] },
  {
    // The plain translator's hand-over first (the bottleneck), then the same kind with attention.
    id: 'translator',
    // It opens on the decoder's first step: the hand-over, the encoder's last state, in view.
    state: { model: 'demo-gru', text: ONE_CLAUSE, t: 0, view: 'translate', attention: false, translateStep: ONE_CLAUSE.split(' ').length, asks: TWO_CLAUSES },
    questions: ['plainSecond', 'attnSource'],
  },
  { id: 'train', state: { model: 'demo-lstm', text: FRANCE, t: 0, view: 'train' }, questions: ['rnnLearns', 'rnnStart'] },
  { id: 'today', state: { model: 'memory-mingru', text: 'i grew up in france and so i speak fluent', t: 0, view: 'cell' }, questions: ['scanLevels'] },
];
