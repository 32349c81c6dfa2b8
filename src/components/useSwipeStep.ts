import { useEffect, type RefObject } from 'react';
import { useGatescopeStore } from './StoreContext';

/** A swipe moves at least this far sideways (px), and mostly sideways, to count as one. */
const SWIPE_MIN_PX = 40;
const MOSTLY_SIDEWAYS = 1.5;

/** Where a finger starts on something of its own (a slider, a box that scrolls sideways), the move is that thing's. */
function ownsHorizontalMoves(target: EventTarget | null, root: HTMLElement): boolean {
  for (let el = target instanceof Element ? target : null; el && el !== root; el = el.parentElement) {
    if (el.matches('input, select, textarea, [role="slider"]')) return true;
    if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1) {
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
  }
  return false;
}

/**
 * A finger swiped across the figure steps the sentence, as a page is turned: towards the left,
 * the next token; towards the right, the one before. Touch only (a mouse drag selects text or
 * pans a chart), and the figure is `touch-action: pan-y` on a phone (styles), so the page still
 * scrolls up and down under the finger while sideways moves come here.
 */
export function useSwipeStep(ref: RefObject<HTMLElement | null>, enabled: boolean) {
  const store = useGatescopeStore();
  useEffect(() => {
    const el = ref.current;
    if (!el || !enabled) return;
    let start: { id: number; x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch' || !e.isPrimary || ownsHorizontalMoves(e.target, el)) return;
      start = { id: e.pointerId, x: e.clientX, y: e.clientY };
    };
    const up = (e: PointerEvent) => {
      if (!start || e.pointerId !== start.id) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      start = null;
      if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < MOSTLY_SIDEWAYS * Math.abs(dy)) return;
      const s = store.getState();
      if (dx < 0) s.stepForward();
      else s.stepBack();
    };
    const cancel = () => {
      start = null;
    };
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', cancel);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', cancel);
    };
  }, [ref, enabled, store]);
}
