import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadLesson } from './components/App';
import { connectBridge } from './embed/bridge';
import { installDebugHook } from './debugHook';
import { createGatescopeStore, settled } from './store/store';
import { CHOICE_KEY, chose, parseChoice, withReader } from './store/readerPrefs';
import { readReader, storage } from './boot/reader';
import { linkQuery, parseUrlParams, stepNotice, withWelcome } from './store/urlParams';
import { CHAPTERS } from './lesson/chapters';
import './styles.css';
import './compact.css';

const parsed = parseUrlParams(window.location.search, window.location.hash);
const { notices } = parsed;
// Where the link names no language or theme, the reader decides: their last choice in the
// pickers, else their browser's language and system theme (store/readerPrefs.ts).
// A lesson link opens on its chapter's model, sentence, step and view, as a link naming them
// would: the views wait for that model (the store's `opening`) instead of first drawing the
// stand-in demo cell's numbers for a moment. (The lesson applies the same state once loaded.)
const lessonState = parsed.options.lesson !== undefined ? CHAPTERS[parsed.options.lesson]?.state : null;
const linked = lessonState ? { ...parsed.options, model: lessonState.model, text: lessonState.text, t: lessonState.t, view: lessonState.view } : parsed.options;
// The reader's language first: the welcome of a bare address depends on it.
const options = withWelcome(withReader(linked, readReader()), window.location.search, window.location.hash);
// Before the first frame, so a dark reader's page is never first drawn light (index.html says light).
document.documentElement.dataset.theme = options.theme;
// A lesson link draws its chapter's text first, then asks for the chapter's model (see the mount
// below): on a phone's slow network the model (216 KB for sentiment-lstm) would otherwise be
// downloading while the text is waiting to be drawn.
// A question's link (#q-…) is the exception: it scrolls to a question below the figure, so it
// waits for the figure's final size, its model, as before.
const lessonLink = options.lesson !== undefined && !options.embed;
const toQuestion = window.location.hash.startsWith('#q-');
let textDrawn = () => {};
const firstLoadAfter = lessonLink && !toQuestion ? new Promise<void>((resolve) => (textDrawn = resolve)) : undefined;
const store = createGatescopeStore({ ...options, firstLoadAfter });
installDebugHook(store);
const late = stepNotice(options.t, store.getState().tokens.length);
const allNotices = late ? [...notices, late] : notices;

// The address bar follows the state (replaceState: no flood of history entries), so a teacher
// can copy it at any moment and the link reopens exactly this.
let pending = 0;
store.subscribe(() => {
  window.clearTimeout(pending);
  pending = window.setTimeout(() => {
    const { query, hash } = linkQuery(store.getState());
    // A long sentence rides in the fragment (#gs=…); otherwise the page's own anchor (#q-…) stays.
    const next = query + (hash || (window.location.hash.startsWith('#gs=') ? '' : window.location.hash));
    if (next !== window.location.search + window.location.hash) window.history.replaceState(null, '', `${window.location.pathname}${next}`);
  }, 150);
});

// The reader's choice of language and theme is kept for their next visit (a link that opened
// with lang= or theme= is not a choice; changing the picker afterwards is).
store.subscribe((s, prev) => {
  if (s.lang === prev.lang && s.theme === prev.theme) return;
  try {
    const saved = storage();
    saved?.setItem(CHOICE_KEY, JSON.stringify(chose(parseChoice(saved.getItem(CHOICE_KEY)), prev, s)));
  } catch {
    /* full or refused: the choice lasts this visit only */
  }
});

// Keyboard shortcuts and, inside a frame, the postMessage API for the host page.
connectBridge(store, { win: window, parent: window.parent !== window ? window.parent : null });

// Offline once loaded (production builds only; the dev server has no sw.js). Relative URL and
// scope, so it works from any sub-path. Its first install fetches and hashes every file of the
// build, and on a 2-core machine that slowed the reader's first ~20 steps after a load to two or
// three times their cost (10–58 ms of work each, against 8–10 ms later; scripts/perf-diagram.ts): so it is
// registered once the page has been left alone (no change in the store) for QUIET_MS, and at the
// latest AT_MOST_MS after the load.
const QUIET_MS = 2000;
const AT_MOST_MS = 30_000;
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.location.protocol.startsWith('http')) {
  window.addEventListener('load', () => {
    const loaded = performance.now();
    let timer = 0;
    const register = () => {
      unsubscribe();
      navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
    };
    const wait = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(register, Math.max(0, Math.min(QUIET_MS, AT_MOST_MS - (performance.now() - loaded))));
    };
    const unsubscribe = store.subscribe(wait);
    wait();
  });
}

const mount = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App store={store} notices={allNotices} />
    </StrictMode>,
  );
/** Once the page's opening model has landed (or failed, or after OPENING_AT_MOST_MS: never forever). */
const OPENING_AT_MOST_MS = 10_000;
function opened(): Promise<void> {
  return new Promise((resolve) => {
    const landed = () => {
      if (settled(store.getState())) done();
    };
    const done = () => {
      unsubscribe();
      window.clearTimeout(timer);
      resolve();
    };
    const unsubscribe = store.subscribe(landed);
    const timer = window.setTimeout(done, OPENING_AT_MOST_MS);
    landed();
  });
}
// The first screen drawn by the build is on show (boot.ts): it stays until the live page can
// replace it with the same picture, once the welcome's model has landed (mounting at once would
// swap the finished figure for a loading one and back). A lesson link waits for its chapter's
// code only (the boot script has it downloading already, lessonPreload.ts): the chapter's text is
// then drawn first, and its model's figure arrives later below it (a phone) or beside it, moving
// nothing already on screen. (Text arriving after the figure pushed the figure down: Lighthouse
// measured a layout shift of 1.07 on a phone, when the chapter's code could come second.)
const waits: Promise<unknown>[] = [];
if (document.documentElement.dataset.prerender === 'show') waits.push(opened());
if (lessonLink)
  waits.push(
    preloadLesson().catch(() => undefined),
    ...(toQuestion ? [opened()] : []),
  );
/** Mounts, then lets the model load start once the page's first content is on screen (its paint presented). */
const mountAndDraw = () => {
  mount();
  try {
    const painted = new PerformanceObserver((list) => {
      if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
      painted.disconnect();
      textDrawn();
    });
    painted.observe({ type: 'paint', buffered: true });
  } catch {
    textDrawn(); // no paint timing in this browser
  }
  // A hidden tab paints nothing: there the download starts at once; and never later than 5 s.
  if (document.visibilityState === 'hidden') textDrawn();
  window.setTimeout(textDrawn, 5000);
};
if (waits.length) void Promise.all(waits).then(mountAndDraw);
else mountAndDraw();
