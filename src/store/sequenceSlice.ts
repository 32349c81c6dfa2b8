/**
 * The sequence slice: the text, its tokens, what the model saw of each, and the trace history
 * of every layer (`stack[l][t]`; `history` is the shown layer's). The step `t` and `seeking`
 * start here too, since a new text and its step are one change (see sequencer.ts).
 */
import type { Model } from '../engine';
import type { SequenceState, Sequencer } from './sequencer';
import type { Timer } from './timer';
import type { GetState, SequenceSlice, SetState } from './types';

interface SequenceStart {
  readonly model: Model;
  readonly text: string;
  readonly t: number;
  readonly layer: number;
}

export function createSequenceSlice(set: SetState, get: GetState, seq: Sequencer, playTimer: Timer, start: SequenceStart): SequenceSlice & SequenceState {
  return {
    ...seq.sequenceFor(start.model, start.text, start.t, start.layer),
    setText: (text) => {
      // A new sentence stops playback and opens on its first step, in one change; the translate
      // view's on its last (here, not in the view, so that a step set with the sentence stays).
      playTimer.stop();
      seq.setSequence({ playing: false, ...(text !== get().text ? { translateStep: null } : {}) }, get().model, text, 0);
    },
    textEdits: 0,
    editText: (text) => {
      get().setText(text);
      set({ textEdits: get().textEdits + 1 });
    },
    setLayer: (l) => {
      const s = get();
      if (!Number.isInteger(l)) return;
      const layer = seq.layerFor(s.model, l);
      set({ layer, history: s.stack[layer]! });
    },
  };
}
