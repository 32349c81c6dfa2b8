/**
 * The store's clock. Playback ticks and the slices of a far seek are timeouts on a `Scheduler`,
 * so tests pass a fake one (src/testing/manualScheduler.ts) and fire each tick when they choose.
 */
export interface Scheduler {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

export const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** One pending timeout that can be cancelled: the play tick, or the next slice of a seek. */
export interface Timer {
  start: (fn: () => void, ms: number) => void;
  stop: () => void;
}

export function createTimer(scheduler: Scheduler): Timer {
  let id: unknown = null;
  return {
    start: (fn, ms) => {
      id = scheduler.setTimeout(() => {
        // Fired, so nothing is left to cancel (stop then does not clear a stale id).
        id = null;
        fn();
      }, ms);
    },
    stop: () => {
      if (id !== null) scheduler.clearTimeout(id);
      id = null;
    },
  };
}
