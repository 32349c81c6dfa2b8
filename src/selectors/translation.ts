/**
 * The translate view's numbers, derived from the store's state in one place: the encoder–decoder
 * the store fetched for the kind on screen (`seq2seq`), run over the page's sentence. The view,
 * the keyboard and a deck's bridge read the same result, so the number of steps is never a copy
 * that a component pushes into the store.
 */
import { translate, type Seq2Seq, type Translation } from '../engine';
import { kindOf } from '../store/store';
import type { GatescopeState } from '../store/types';
import { tokenize } from '../text/tokenize';

export interface TranslationShown {
  readonly model: Seq2Seq;
  readonly presets: readonly string[];
  readonly source: readonly string[];
  readonly result: Translation;
  /** Encoder steps, then decoder steps: what the slider and the arrow keys move across. */
  readonly total: number;
}

type Inputs = Pick<GatescopeState, 'seq2seq' | 'text' | 'model' | 'translateAttention'>;

// One entry: the view and the bridge ask for the same (model, text) again and again; a new
// sentence or kind replaces it. The engine run is a few milliseconds for the shipped models.
let last: { model: Seq2Seq; text: string; shown: TranslationShown } | null = null;

/** The translation on screen, or null while its model loads (or failed: see `seq2seq.error`). */
export function translationOf(s: Inputs): TranslationShown | null {
  const load = s.seq2seq;
  if (!load?.model || load.kind !== kindOf(s) || load.attention !== s.translateAttention) return null;
  const model = load.model;
  if (last && last.model === model && last.text === s.text) return last.shown;
  const result = translate(model, tokenize(s.text, model.encoder.tokenizer).tokens);
  // What the encoder read: the words, and the end mark after them for a model that reads one.
  const source = result.source;
  const shown = { model, presets: load.presets ?? [], source, result, total: source.length + result.decoder.length };
  last = { model, text: s.text, shown };
  return shown;
}

/** The number of steps the translate view moves across (0 until its model is loaded). */
export const translateStepsOf = (s: Inputs): number => translationOf(s)?.total ?? 0;
