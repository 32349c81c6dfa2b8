import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { connectBridge } from './embed/bridge';
import { installDebugHook } from './debugHook';
import { createGatescopeStore } from './store/store';
import { parseUrlParams, stepNotice, withWelcome, writeUrlParams } from './store/urlParams';
import './styles.css';

const parsed = parseUrlParams(window.location.search);
const { notices } = parsed;
const options = withWelcome(parsed.options, window.location.search);
const store = createGatescopeStore(options);
installDebugHook(store);
const late = stepNotice(options.t, store.getState().tokens.length);
const allNotices = late ? [...notices, late] : notices;

// The address bar follows the state (replaceState: no flood of history entries), so a teacher
// can copy it at any moment and the link reopens exactly this.
let pending = 0;
store.subscribe(() => {
  window.clearTimeout(pending);
  pending = window.setTimeout(() => {
    const q = writeUrlParams(store.getState());
    if (q !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${q}${window.location.hash}`);
  }, 150);
});

// Keyboard shortcuts and, inside a frame, the postMessage API for the host page.
connectBridge(store, { win: window, parent: window.parent !== window ? window.parent : null });

// Offline once loaded (production builds only; the dev server has no sw.js). Relative URL and
// scope, so it works from any sub-path.
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.location.protocol.startsWith('http')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
  });
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} notices={allNotices} />
  </StrictMode>,
);
