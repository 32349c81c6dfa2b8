/**
 * Where the lesson reaches into the page rather than the store: its progress saved in
 * localStorage, which focused element keeps the keys to itself, and scrolling the figure that
 * reveals an answer into view. Lesson.tsx's component uses these; they hold no React state.
 */
import { CHAPTERS } from '../../lesson/chapters';
import { LESSON_KEY, parseProgress, type Progress } from '../../lesson/progress';
import { figureParts } from '../../shared/figures';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function loadProgress(): Progress {
  return parseProgress(storage()?.getItem(LESSON_KEY) ?? null, CHAPTERS.length);
}

export function saveProgress(p: Progress) {
  try {
    storage()?.setItem(LESSON_KEY, JSON.stringify(p));
  } catch {
    /* full or refused: progress lasts this visit only */
  }
}

export const isField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || ['radio', 'slider', 'tab', 'application', 'grid'].includes(el.getAttribute('role') ?? ''));

/** Where typing goes: no key of the lesson's is taken from there. */
export const typesText = (el: Element) =>
  (el instanceof HTMLElement && el.isContentEditable) ||
  /^(TEXTAREA|SELECT)$/.test(el.tagName) ||
  (el instanceof HTMLInputElement && !['radio', 'checkbox', 'range', 'button', 'submit', 'reset'].includes(el.type)) ||
  ['textbox', 'combobox', 'spinbutton'].includes(el.getAttribute('role') ?? '');

export const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * After a reveal: the figure that shows the answer on screen. On a phone it is above the question
 * (text, figure, question), so it is scrolled to; beside the question (a wide screen) it is left
 * where it is. Waits up to a second for the revealed view's figure to be drawn (a view's code may
 * still be loading), then takes the view's panel.
 */
export async function showRevealingFigure() {
  const figure = async (): Promise<Element | null> => {
    const start = performance.now();
    let el: Element | null = null;
    while (performance.now() - start < 1000) {
      await frame();
      const panel = document.getElementById('view-panel');
      if (!panel) return null;
      const part = figureParts(panel)[0]?.el;
      // The part a view says a reader should see first (a character model's painted text, above
      // its heatmaps), or the part with its heading and caption (the chart's title, the diagram's hint).
      el = panel.querySelector('[data-figure-lead]') ?? part?.closest('figure') ?? part ?? panel;
      if (part && part.getBoundingClientRect().height > 0) break;
    }
    return el;
  };
  const inView = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.top <= window.innerHeight * 0.6;
  };
  const el = await figure();
  if (!el || inView(el)) return;
  const still = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  // The revealed view may still be settling (a chart redrawn for more words): once more, at once.
  await new Promise((resolve) => setTimeout(resolve, still ? 300 : 900));
  const again = await figure();
  if (again && !inView(again)) again.scrollIntoView({ block: 'start' });
}
