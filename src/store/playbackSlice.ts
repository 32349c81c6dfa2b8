/**
 * The playback slice: moving the step (one at a time, or a jump, which on a large model seeks
 * in slices), and playing at a speed. The step itself, `t`, starts with the sequence.
 */
import { stackOf } from '../engine';
import { MAX_SPEED, MIN_SPEED } from './defaults';
import { adoptShared, extendTo, stepsDone } from './history';
import { cheapToRun, traceProgress } from './sentenceTraces';
import type { Sequencer } from './sequencer';
import type { Timer } from './timer';
import type { GetState, PlaybackSlice, SetState } from './types';

export function createPlaybackSlice(set: SetState, get: GetState, seq: Sequencer, playTimer: Timer, speed: number): Omit<PlaybackSlice, 't' | 'seeking'> {
  const tick = () => {
    const s = get();
    if (!s.playing) return;
    if (s.t >= s.tokens.length - 1) {
      set({ playing: false });
      return;
    }
    s.goTo(s.t + 1);
    if (get().t >= get().tokens.length - 1) set({ playing: false });
    else playTimer.start(tick, 1000 / get().speed);
  };

  return {
    playing: false,
    speed,
    goTo: (t) => {
      const s = get();
      if (s.tokens.length === 0 || !Number.isFinite(t)) return;
      const tt = Math.max(0, Math.min(Math.round(t), s.tokens.length - 1));
      seq.stopSeek();
      const layers = stackOf(s.model);
      if (!cheapToRun(layers, tt + 1 - stepsDone(s))) {
        const shared = adoptShared(s, traceProgress(layers, s.embedded).layers, tt);
        if (stepsDone(shared) > tt) {
          set({ t: tt, ...seq.withHistory(shared, s.layer), seeking: null });
          return;
        }
        // Far ahead on a large model: the page keeps answering while the steps are computed.
        seq.startSeek(tt, stepsDone(s) - 1);
        return;
      }
      const h = extendTo(s.model, s.embedded, s, tt);
      set({ t: tt, ...seq.withHistory(h, s.layer), seeking: null });
    },
    stepForward: () => get().goTo(get().t + 1),
    stepBack: () => get().goTo(get().t - 1),
    play: () => {
      const s = get();
      if (s.playing || s.tokens.length === 0) return;
      // Pressing play at the end starts over, as a media player does.
      if (s.t >= s.tokens.length - 1) s.goTo(0);
      set({ playing: true });
      playTimer.stop();
      playTimer.start(tick, 1000 / get().speed);
    },
    pause: () => {
      playTimer.stop();
      set({ playing: false });
    },
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    setSpeed: (v) => {
      if (!Number.isFinite(v)) return;
      set({ speed: Math.max(MIN_SPEED, Math.min(MAX_SPEED, v)) });
    },
    reset: () => {
      get().pause();
      get().goTo(0);
    },
  };
}
