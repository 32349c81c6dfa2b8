import type { Scheduler } from '../store/store';

/** A fake clock for tests of the store's timers: they fire only when the test says so. */
export function manualScheduler(): Scheduler & { fire: () => boolean; pending: () => number } {
  const queue: Array<{ id: number; fn: () => void }> = [];
  let next = 1;
  return {
    pending: () => queue.length,
    setTimeout: (fn) => {
      queue.push({ id: next, fn });
      return next++;
    },
    clearTimeout: (id) => {
      const k = queue.findIndex((q) => q.id === id);
      if (k >= 0) queue.splice(k, 1);
    },
    fire: () => {
      const q = queue.shift();
      q?.fn();
      return q !== undefined;
    },
  };
}
