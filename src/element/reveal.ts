/**
 * reveal.js plugin (dist/lib/reveal-gatescope.js): a `<gate-scope>` in a slide steps with the
 * deck. Each of its stops after the first becomes one of the slide's fragments (an empty span),
 * so reveal.js itself does the stepping: → shows the next fragment (the figure goes to the next
 * stop), and past the last one moves on to the next slide; ← goes back; the speaker view, the
 * URL hash and a clicker follow, as for any fragment. The figure's step is read from the slide's
 * fragments on every change, never counted, so it cannot drift from the deck.
 *
 * In `?print-pdf` a live figure cannot print one page per step, so each stop is printed as its
 * own copy of the slide with the element replaced by a static SVG of the figure at that step
 * (the app's own SVG export), and the PDF is never blank.
 *
 * It loads the element (gate-scope.js, beside this file) itself, and uses nothing else of the app.
 * Its default export is the plugin, as reveal.js' own plugins are written.
 */

/** The parts of a `<gate-scope>` element this plugin drives (GateScope.tsx). */
interface GateScopeLike extends HTMLElement {
  step: number;
  readonly steps: number;
  readonly token: string;
  whenDrawn(): Promise<void>;
  toSVG(): string | null;
}

/** The parts of reveal.js' API used here (reveal.js 6). */
interface Deck {
  getRevealElement(): HTMLElement | null;
  getCurrentSlide(): HTMLElement | undefined;
  on(type: string, listener: () => void): void;
}

import { stopsOf } from './stops';

const STOP = 'data-gatescope-stop';

const elementsIn = (root: ParentNode): GateScopeLike[] => [...root.querySelectorAll('gate-scope')] as GateScopeLike[];
const stopsFor = (el: GateScopeLike) => stopsOf(el.dataset.steps, el.steps);

/** Adds one fragment per stop after the first, tied to its element by its index in the deck. */
function addStops(el: GateScopeLike, id: number): void {
  const slide = el.closest('section');
  if (!slide) return;
  slide.querySelectorAll(`[${STOP}="${id}"]`).forEach((f) => f.remove());
  for (let k = 1; k < stopsFor(el).length; k++) {
    const f = document.createElement('span');
    f.className = 'fragment gatescope-stop';
    f.setAttribute(STOP, String(id));
    f.setAttribute('aria-hidden', 'true');
    slide.append(f);
  }
}

/** Sets every figure of the current slide to the stop its fragments have reached. */
function follow(deck: Deck, all: readonly GateScopeLike[]): void {
  const slide = deck.getCurrentSlide();
  if (!slide) return;
  for (const el of elementsIn(slide)) {
    const id = all.indexOf(el);
    const shown = slide.querySelectorAll(`[${STOP}="${id}"].visible`).length;
    const stops = stopsFor(el);
    el.step = stops[Math.min(shown, stops.length - 1)]!;
  }
}

/** A static picture of the figure at its current step, sized as the element was. */
function printed(el: GateScopeLike, svg: string | null): HTMLElement {
  const fig = document.createElement('figure');
  fig.className = 'gatescope-print';
  // Sized as the element: 16:9 across the slide unless its own style says otherwise (a slide not
  // on screen has no layout to measure).
  fig.style.cssText = `margin:0 auto;width:100%;aspect-ratio:16/9;display:flex;flex-direction:column;${el.getAttribute('style') ?? ''}`;
  const img = document.createElement('img');
  img.alt = `Gatescope figure at step t = ${el.step}`;
  img.style.cssText = 'flex:1 1 0;min-height:0;width:100%;object-fit:contain;margin:0;border:0;box-shadow:none';
  if (svg) img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const cap = document.createElement('figcaption');
  cap.style.cssText = 'font-size:18px;line-height:1.4';
  cap.textContent = `t = ${el.step} of ${el.steps - 1}: “${el.token}”`;
  fig.append(img, cap);
  return fig;
}

/** Each slide with figures becomes one slide per stop, the figures replaced by their pictures. */
async function printStops(all: readonly GateScopeLike[]): Promise<void> {
  const slides = [...new Set(all.map((el) => el.closest('section')).filter((s): s is HTMLElement => s !== null))];
  for (const slide of slides) {
    const els = elementsIn(slide);
    const pages = Math.max(...els.map((el) => stopsFor(el).length));
    const pictures: HTMLElement[][] = [];
    for (let page = 0; page < pages; page++) {
      for (const el of els) {
        const stops = stopsFor(el);
        el.step = stops[Math.min(page, stops.length - 1)]!;
      }
      await Promise.all(els.map((el) => el.whenDrawn()));
      pictures.push(els.map((el) => printed(el, el.toSVG())));
    }
    let after: HTMLElement = slide;
    for (let page = 1; page < pages; page++) {
      const copy = slide.cloneNode(true) as HTMLElement;
      // Replaced before the copy joins the page, so the copied elements never start a figure.
      elementsIn(copy).forEach((c, k) => c.replaceWith(pictures[page]![k]!));
      after.after(copy);
      after = copy;
    }
    els.forEach((el, k) => el.replaceWith(pictures[0]![k]!));
  }
}

/** How long the deck waits for a figure to draw before it starts anyway (a missing model). */
const WAIT_MS = 20_000;

export default function revealGatescope() {
  return {
    id: 'gatescope',
    async init(deck: Deck): Promise<void> {
      await import(/* @vite-ignore */ new URL(/* @vite-ignore */ './gate-scope.js', import.meta.url).href);
      const root = deck.getRevealElement() ?? document;
      const all = elementsIn(root);
      const timeout = new Promise<void>((r) => setTimeout(r, WAIT_MS));
      await Promise.race([Promise.all(all.map((el) => el.whenDrawn())), timeout]);
      if (/print-pdf/i.test(window.location.search)) {
        await printStops(all);
        return;
      }
      all.forEach(addStops);
      for (const type of ['ready', 'slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(type, () => follow(deck, all));
    },
  };
}
