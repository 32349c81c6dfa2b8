/**
 * The trace machinery the model, sequence and playback slices share: turning a text into tokens
 * and a first stretch of traces for a model, and seeking far ahead in slices (`seeking`), so a
 * large model never holds the page. A new model, a new text and a far step all come through here.
 */
import { stackOf, type Model } from '../engine';
import { tokenize } from '../text/tokenize';
import { MAX_TEXT_CHARS } from './defaults';
import { adoptShared, embedAll, emptyHistory, extendTo, stepsDone, type History } from './history';
import { cheapToRun, stepsPerSlice, traceProgress } from './sentenceTraces';
import { createTimer, type Scheduler } from './timer';
import type { GatescopeState, GetState, SetState } from './types';

/** The part of the state a text and a model decide together (the step included: it is clamped to the tokens). */
export type SequenceState = Pick<GatescopeState, 'text' | 'tokens' | 'embedded' | 'tokenError' | 'layer' | 'stack' | 'history' | 'frontier' | 't' | 'seeking'>;

export interface Sequencer {
  /** The store's view of a history: every layer's, and the shown layer's as `history`. */
  withHistory: (h: History, layer: number) => Pick<GatescopeState, 'stack' | 'history' | 'frontier'>;
  /** The layer shown, kept when the new model has it (a one-layer model shows its only one). */
  layerFor: (model: Model, layer: number) => number;
  /** Re-tokenizes and re-embeds for `model`, keeping the step (and layer) where possible. */
  sequenceFor: (model: Model, text: string, t: number, wantedLayer: number) => SequenceState;
  /** Sets a new sequence, then seeks on to the step asked for when it was not reached at once. */
  setSequence: (extra: Partial<GatescopeState>, model: Model, text: string, t: number, layer?: number) => void;
  /** Marks `to` as sought and computes its traces one slice per timer tick; t moves there at the end. */
  startSeek: (to: number, reached: number) => void;
  stopSeek: () => void;
}

export function createSequencer(set: SetState, get: GetState, scheduler: Scheduler): Sequencer {
  const seekTimer = createTimer(scheduler);

  const withHistory: Sequencer['withHistory'] = (h, layer) => ({ stack: h.stack, history: h.stack[layer]!, frontier: h.frontier });
  const layerFor: Sequencer['layerFor'] = (model, layer) => Math.max(0, Math.min(layer, stackOf(model).length - 1));

  const sequenceFor: Sequencer['sequenceFor'] = (model, text, t, wantedLayer) => {
    const cut = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
    const { tokens, error } = tokenize(cut, model.tokenizer);
    const embedded = embedAll(model, tokens);
    const wanted = Math.max(0, Math.min(t, tokens.length - 1));
    // At once only what is cheap; the rest of the way to a far step goes in slices (goTo seeks).
    const layers = stackOf(model);
    const tt = cheapToRun(layers, wanted + 1) ? wanted : Math.min(wanted, stepsPerSlice(layers) - 1);
    const h = extendTo(model, embedded, emptyHistory(model), tt);
    const layer = layerFor(model, wantedLayer);
    return {
      text,
      tokens,
      embedded,
      tokenError: text.length > MAX_TEXT_CHARS && !error ? { kind: 'tooManyChars' as const, chars: text.length, max: MAX_TEXT_CHARS } : error,
      layer,
      ...withHistory(h, layer),
      t: tokens.length === 0 ? 0 : tt,
      seeking: null,
    };
  };

  const seekSlice = () => {
    const s = get();
    if (!s.seeking) return;
    const to = s.seeking.to;
    const layers = stackOf(s.model);
    const from = adoptShared(s, traceProgress(layers, s.embedded).layers, to);
    const h = extendTo(s.model, s.embedded, from, Math.min(to, stepsDone(from) - 1 + stepsPerSlice(layers)));
    if (stepsDone(h) > to) set({ t: to, ...withHistory(h, s.layer), seeking: null });
    else {
      set({ ...withHistory(h, s.layer), seeking: { to, reached: stepsDone(h) - 1 } });
      seekTimer.start(seekSlice, 0);
    }
  };

  return {
    withHistory,
    layerFor,
    sequenceFor,
    setSequence: (extra, model, text, t, layer = get().layer) => {
      seekTimer.stop();
      const seq = sequenceFor(model, text, t, layer);
      set({ ...extra, ...seq });
      if (seq.tokens.length > 0 && Math.min(t, seq.tokens.length - 1) > seq.t) get().goTo(t);
    },
    startSeek: (to, reached) => {
      set({ seeking: { to, reached } });
      seekTimer.start(seekSlice, 0);
    },
    stopSeek: seekTimer.stop,
  };
}
