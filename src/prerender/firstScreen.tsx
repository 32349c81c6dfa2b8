/**
 * The first screen, rendered at build time (vite.config.ts, prerender): the page a reader with
 * no link parameters and no saved choice opens on (the welcome sentence, English, light), drawn
 * by the same components, store and engine as the live page, as static HTML in index.html. A
 * phone on a slow network then shows the figure with the real numbers before any of the app's
 * JavaScript has arrived; the app replaces it with the live page, identical, once it has loaded
 * that model (main.tsx). The boot script (boot.ts) shows it only to readers it is true for.
 */
import { renderToString } from 'react-dom/server';
import { App } from '../components/App';
import type { ModelFetcher } from '../store/modelLoader';
import { createGatescopeStore, settled } from '../store/store';
import { answerWithoutScreen } from '../components/useMediaQuery';
import { firstScreenOptions } from './firstScreenOptions';

/** The first screen's HTML; `fetchModel` reads the shipped model files (from disk, at build time). */
export async function renderFirstScreen(fetchModel: ModelFetcher): Promise<string> {
  const store = createGatescopeStore({ ...firstScreenOptions(), fetchModel });
  // The welcome's model loads as the live page's does (queued at creation); wait for it to land.
  await new Promise<void>((resolve, reject) => {
    const settle = () => {
      const s = store.getState();
      if (s.loadError) reject(new Error(`prerender: ${s.loadError.id}: ${s.loadError.message}`));
      else if (settled(s)) resolve();
    };
    store.subscribe(settle);
    queueMicrotask(settle);
  });
  // On a server React reads a store's *initial* state (zustand's getServerSnapshot): here the
  // state to draw is the one now, with the model landed.
  const now = { ...store, getInitialState: store.getState };
  // Twice: the two-column page and the one-column page (phones, tablets upright) order their
  // parts differently (App, WIDE_QUERY); the page's stylesheet shows the one that fits the screen.
  const draw = (wide: boolean) => {
    answerWithoutScreen(wide);
    try {
      return renderToString(<App store={now} notices={[]} />);
    } finally {
      answerWithoutScreen(null);
    }
  };
  return `<div class="prerender-wide">${draw(true)}</div><div class="prerender-narrow">${draw(false)}</div>`;
}
