/**
 * The app state, a Zustand store built on vanilla `createStore` so tests drive it without React.
 * It is the sum of its slices, each in its own file (zustand's slices pattern): model (cell kind,
 * weights, loading: modelSlice.ts), sequence (text, tokens, trace history: sequenceSlice.ts),
 * playback (step, play/pause, speed: playbackSlice.ts), view (which view, language, theme,
 * embed, panels: viewSlice.ts) and the training lab (labSlice.ts). What several slices share,
 * the trace machinery and the clock, is made here once and handed to them. Defaults are in
 * defaults.ts, read by the store and by the links alike. The components read it with `useStore`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULTS } from './defaults';
import { createLabSlice, initialLab, workerPort } from './labSlice';
import { createModelSlice } from './modelSlice';
import type { StoreOptions } from './options';
import { createPlaybackSlice } from './playbackSlice';
import { createSequenceSlice } from './sequenceSlice';
import { createSequencer } from './sequencer';
import { createTimer, realScheduler } from './timer';
import type { GatescopeState } from './types';
import { createViewSlice } from './viewSlice';

// One door into the store for the components: they need not know which slice file holds these.
export { FORGET_BIAS, MAX_TEXT_CHARS, SPEEDS } from './defaults';
export { chosenKind, chosenStacked, chosenStateful, chosenTask, kindOf, settled, switching } from './modelSlice';
export type { Scheduler } from './timer';

export type GatescopeStore = StoreApi<GatescopeState>;

export function createGatescopeStore(opts: StoreOptions = {}): GatescopeStore {
  return createStore<GatescopeState>()((set, get) => {
    const scheduler = opts.scheduler ?? realScheduler;
    const seq = createSequencer(set, get, scheduler);
    // The play tick: playback starts and stops it; a new text stops it too.
    const playTimer = createTimer(scheduler);
    const model = createModelSlice(set, get, opts, seq);
    return {
      ...model,
      ...createSequenceSlice(set, get, seq, playTimer, { model: model.model, text: opts.text ?? DEFAULTS.text, t: opts.t ?? DEFAULTS.t, layer: opts.layer ?? DEFAULTS.layer }),
      ...createPlaybackSlice(set, get, seq, playTimer, opts.speed ?? DEFAULTS.speed),
      ...createViewSlice(set, get, opts),
      ...createLabSlice(set, get, opts.labPort ?? workerPort, initialLab({ settings: opts.lab, autostart: opts.labAutostart })),
    };
  });
}
