/**
 * The lesson on paper: every chapter's figure at the chapter's state, as a static SVG. The page
 * has one live figure, so the chapters are put on it one after another (the same actions a
 * chapter link calls), and each figure, once at rest, is copied with its styles inlined (the
 * export menu's composition, exportImage.ts) before the next. The questions are solved from the
 * model each chapter loaded, as on screen.
 */
import { CHAPTERS } from '../../lesson/chapters';
import { questionById, type Solution } from '../../lesson/questions';
import { figureParts, type FigurePart } from '../../shared/figures';
import type { GatescopeStore } from '../../store/store';
import { partsToString } from '../exportImage';
import { fetchLearnReport } from '../learnReport';
import { applyState } from './lessonShared';
import { translationOf } from '../../selectors/translation';

export interface PrintedChapter {
  /** The chapter's figure at its state as one standalone SVG, or null for a chapter of text. */
  readonly figure: { readonly svg: string; readonly width: number; readonly height: number } | null;
  /** Each of its questions' solution (null where the model cannot answer it), in order. */
  readonly solutions: readonly (Solution | null)[];
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function until(done: () => boolean, timeoutMs: number) {
  const start = performance.now();
  while (!done() && performance.now() - start < timeoutMs) await frame();
}

/**
 * The parts of the open view's figure: those its components registered (as the export menu
 * takes them), or, for the training lab, which registers none, its charts.
 */
function partsOf(panel: HTMLElement): FigurePart[] {
  const registered = figureParts(panel);
  if (registered.length > 0) return registered;
  return [...panel.querySelectorAll<SVGSVGElement>('figure > svg[role="img"]')].map((el) => {
    // The caption's title (its bold part, where a note follows it: the probe's words).
    const caption = el.closest('figure')?.querySelector('figcaption');
    return { el, title: (caption?.querySelector('strong') ?? caption)?.textContent?.trim() ?? '' };
  });
}

/** What changes while a figure is still on its way: how many parts, their sizes and their text. */
function signature(parts: readonly FigurePart[]): string {
  return parts
    .map((p) => {
      const r = p.el.getBoundingClientRect();
      return `${Math.round(r.width)}x${Math.round(r.height)}:${p.el.textContent?.length ?? 0}`;
    })
    .join(',');
}

/**
 * Waits until the figure is at rest: its model landed (nothing dimmed as switching), its parts
 * drawn with a size, no step sequence or change of kind playing, and nothing changed for 300 ms.
 */
async function figureAtRest(panel: HTMLElement, timeoutMs = 8000): Promise<FigurePart[]> {
  const start = performance.now();
  let last = '';
  let since = performance.now();
  for (;;) {
    await frame();
    const parts = partsOf(panel);
    const sig = signature(parts);
    const busy = document.querySelector('main[data-switching]') !== null || panel.querySelector('[data-animating], [data-kind-change="true"], .loading') !== null;
    const drawn = parts.length > 0 && parts.every((p) => p.el.getBoundingClientRect().width > 0);
    if (sig !== last || busy || !drawn) {
      last = sig;
      since = performance.now();
    } else if (performance.now() - since >= 300) return parts;
    if (performance.now() - start > timeoutMs) return drawn ? parts : [];
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const GAP = 14;

/**
 * The parts composed for a page: each with its title (the export menu's composition, one part at
 * a time), laid in rows left to right up to a row's width, so that narrow parts (the heatmaps,
 * the two gradient charts) sit side by side instead of in one tall column.
 */
function composeForPage(parts: readonly FigurePart[], rowWidth = 1000): { svg: string; width: number; height: number } | null {
  // An untitled first part as wide as the ones after it is their axis (the heatmaps' words):
  // each of them gets its own copy, under its title, once they no longer stand in one column.
  const width = (p: FigurePart) => Math.round(p.el.getBoundingClientRect().width);
  const [first, ...rest] = parts;
  const axis = first && first.title === '' && rest.length > 0 && rest.every((p) => width(p) === width(first)) ? first : null;
  const groups: FigurePart[][] = axis
    ? rest.map((p) => [
        { ...axis, title: p.title },
        { ...p, title: '' },
      ])
    : parts.map((p) => [p]);
  const pieces = groups.map((g) => partsToString(g, { background: null }));
  if (pieces.length === 0) return null;
  const W = Math.max(rowWidth, ...pieces.map((p) => p.width));
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  root.appendChild(bg);
  let x = 0;
  let y = 0;
  let rowH = 0;
  let right = 0;
  for (const piece of pieces) {
    if (x > 0 && x + piece.width > W) {
      x = 0;
      y += rowH + GAP;
      rowH = 0;
    }
    const el = document.importNode(new DOMParser().parseFromString(piece.text, 'image/svg+xml').documentElement, true);
    el.setAttribute('x', String(x));
    el.setAttribute('y', String(y));
    // A title longer than its part (a narrow chart's) runs on rather than being cut.
    el.setAttribute('overflow', 'visible');
    root.appendChild(el);
    right = Math.max(right, x + piece.width);
    x += piece.width + GAP;
    rowH = Math.max(rowH, piece.height);
  }
  const w = Math.ceil(right);
  const h = Math.ceil(y + rowH);
  root.setAttribute('width', String(w));
  root.setAttribute('height', String(h));
  root.setAttribute('viewBox', `0 0 ${w} ${h}`);
  return { svg: new XMLSerializer().serializeToString(root), width: w, height: h };
}

/**
 * Puts every chapter on the page in turn and copies its figure. The figures are drawn in the
 * light theme (on paper the background is white, and the swatches' colours are the theme's): a
 * dark reader's page turns light while this runs and back after. `onChapter` says which chapter
 * is being prepared; `cancelled` stops between chapters. The page is left at the last chapter's
 * state (the caller puts it back).
 */
export async function printChapters(store: GatescopeStore, onChapter: (k: number) => void, cancelled: () => boolean): Promise<PrintedChapter[] | null> {
  const theme = store.getState().theme;
  if (theme !== 'light') store.getState().setTheme('light');
  const out: PrintedChapter[] = [];
  try {
    for (const [k, ch] of CHAPTERS.entries()) {
      if (cancelled()) return null;
      onChapter(k);
      const st = ch.state;
      if (!st) {
        out.push({ figure: null, solutions: [] });
        continue;
      }
      await applyState(store, st);
      await until(() => {
        const s = store.getState();
        return s.loading === null && s.opening === null && s.model.id === st.model && s.view === st.view;
      }, 15_000);
      // The lab draws its charts once the worker has measured the first probe.
      if (st.view === 'train') await until(() => store.getState().lab.runs?.some((r) => r.probe) ?? false, 15_000);
      // The translator's figure once its encoder–decoder is in (the view asks for it on mount).
      if (st.view === 'translate') await until(() => translationOf(store.getState()) !== null, 15_000);
      const panel = document.getElementById('view-panel');
      const parts = panel ? await figureAtRest(panel) : [];
      const fig = composeForPage(parts);
      const report = ch.questions.includes('rnnLearns') ? await fetchLearnReport() : null;
      const { model, modelMeta, seq2seqModel } = store.getState();
      const translators =
        st.view === 'translate'
          ? await Promise.all([seq2seqModel(model.cell.kind, false), seq2seqModel(model.cell.kind, true)])
              .then(([plain, attention]) => ({ plain, attention }))
              .catch(() => null)
          : null;
      out.push({
        figure: fig,
        solutions: ch.questions.map((id) => questionById(id).solve({ model, text: st.asks ?? st.text, report, modelReport: modelMeta?.report ?? null, translators })),
      });
    }
    return out;
  } finally {
    if (theme !== 'light') store.getState().setTheme(theme);
  }
}
