/**
 * Connects a store to its host page: keyboard shortcuts inside the frame, the postMessage API,
 * and handing the arrow key to a reveal.js deck at either end of the sentence.
 */
import { translateStepsOf } from '../selectors/translation';
import { frameSizingFigure } from '../shared/figures';
import { kindOf, type GatescopeStore } from '../store/store';
import { keyAction, translateMove, type KeyInput } from './keys';
import { originAllowed, parseCommand, publicPart, revealMessage, type GatescopeEvent } from './protocol';

interface BridgeEnv {
  readonly win: Window;
  /** The embedding page, or null when not in a frame. */
  readonly parent: Window | null;
}

function describeTarget(el: Element | null): KeyInput['target'] {
  if (!el || el === el.ownerDocument.body) return undefined;
  return {
    tag: el.tagName,
    type: el.getAttribute('type'),
    role: el.getAttribute('role'),
    editable: (el as HTMLElement).isContentEditable,
  };
}

export function connectBridge(store: GatescopeStore, env: BridgeEnv): () => void {
  const { win, parent } = env;
  const self = win.location.origin;

  const post = (e: GatescopeEvent) => {
    if (!parent) return;
    const allowed = store.getState().origins;
    for (const o of new Set([self, ...allowed])) parent.postMessage({ gatescope: 1, ...e }, o);
    // Anyone else embedding us learns only numbers.
    if (allowed.length === 0) parent.postMessage({ gatescope: 1, ...publicPart(e) }, '*');
  };

  const onKey = (e: KeyboardEvent) => {
    // A widget that used the key itself (moving focus along a strip or the chain) said so.
    if (e.defaultPrevented) return;
    const action = keyAction({ key: e.key, altKey: e.altKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, target: describeTarget(win.document.activeElement) });
    if (!action) return;
    const s = store.getState();
    const last = s.tokens.length - 1;
    // In the training lab Space starts or pauses training and → trains one batch; in a deck the
    // arrows stay the presenter's (next or previous slide).
    if (s.view === 'train' && (action === 'toggle' || action === 'forward' || action === 'back')) {
      e.preventDefault();
      if (action === 'toggle') s.labToggle();
      else if (s.deck === 'reveal' && parent) parent.postMessage(revealMessage(action === 'forward' ? 'next' : 'prev'), '*');
      else if (action === 'forward') s.labStep();
      return;
    }
    // The translate view steps across its encoder and decoder, not the page's sentence.
    if (s.view === 'translate') {
      const steps = translateStepsOf(s);
      const at = Math.min(s.translateStep ?? steps - 1, steps - 1);
      const to = translateMove(action, at, steps, s.deck === 'reveal' && parent !== null);
      if (to === null) return;
      e.preventDefault();
      if (to === 'next' || to === 'prev') parent!.postMessage(revealMessage(to), '*');
      else s.setTranslateStep(to);
      return;
    }
    if (s.deck === 'reveal' && parent && ((action === 'forward' && s.t >= last) || (action === 'back' && s.t <= 0))) {
      // Past the sentence's end: the presenter meant the next slide.
      parent.postMessage(revealMessage(action === 'forward' ? 'next' : 'prev'), '*');
      e.preventDefault();
      return;
    }
    e.preventDefault();
    if (action === 'back') s.stepBack();
    else if (action === 'forward') s.stepForward();
    else if (action === 'toggle') s.togglePlay();
    else if (action === 'first') s.goTo(0);
    else s.goTo(last);
  };

  const onMessage = (e: MessageEvent) => {
    if (!originAllowed(e.origin, self, store.getState().origins)) return;
    const c = parseCommand(e.data);
    if (!c) return;
    const s = store.getState();
    if (c.command === 'goTo') s.view === 'translate' ? s.setTranslateStep(c.t) : s.goTo(c.t);
    // In the training lab, play and pause start and pause training.
    else if (c.command === 'play') s.view === 'train' ? s.labStart() : s.play();
    else if (c.command === 'pause') s.view === 'train' ? s.labPause() : s.pause();
    else if (c.command === 'setText') s.setText(c.text);
    else if (c.command === 'setLayer') s.setLayer(c.layer - 1);
    else s.setCellKind(c.cell);
  };

  let lastT = -1;
  let lastSteps = -1;
  const unsubscribe = store.subscribe((s) => {
    if (s.t === lastT && s.tokens.length === lastSteps) return;
    lastT = s.t;
    lastSteps = s.tokens.length;
    post({ event: 'step', t: s.t, steps: s.tokens.length, token: s.tokens[s.t] ?? '' });
  });

  // The height the host should give the frame to show the view at its natural size for the
  // frame's current width (in a frame the view fits whatever room it gets, so the page's own
  // height only says how big the frame already is): the controls, plus the figure at its aspect
  // ratio (the cell diagram) or the view's full content (the other views scroll inside).
  const preferredHeight = (): number => {
    const doc = win.document;
    const panel = doc.getElementById('view-panel');
    const app = doc.querySelector<HTMLElement>('.app');
    if (!panel || !app || !store.getState().embed) return Math.ceil(doc.documentElement.scrollHeight);
    const chrome = app.getBoundingClientRect().height - panel.clientHeight;
    const svg = frameSizingFigure(panel);
    const vb = svg?.viewBox.baseVal;
    const content = vb && vb.width > 0 ? (panel.clientWidth * vb.height) / vb.width : panel.scrollHeight;
    return Math.ceil(chrome + content);
  };
  let lastHeight = 0;
  let pending = false;
  const reportHeight = () => {
    if (pending) return;
    pending = true;
    win.requestAnimationFrame(() => {
      pending = false;
      const h = preferredHeight();
      if (h !== lastHeight) post({ event: 'height', height: (lastHeight = h) });
    });
  };
  // Only a frame has a host to tell: measuring forces a layout, which on the page itself (no
  // parent) cost half a second of the first load for nothing.
  const resize = parent && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(reportHeight) : null;
  resize?.observe(win.document.body);
  // A new view, sentence or cell changes the content without resizing the frame (a new cell
  // is always a new model: the kind is the model's).
  const unsubscribeHeight = store.subscribe((s, prev) => {
    if (parent && (s.view !== prev.view || s.tokens !== prev.tokens || s.model !== prev.model)) reportHeight();
  });

  win.addEventListener('keydown', onKey);
  win.addEventListener('message', onMessage);
  const s = store.getState();
  lastT = s.t;
  lastSteps = s.tokens.length;
  post({ event: 'ready', t: s.t, steps: s.tokens.length, cell: kindOf(s), text: s.text });

  return () => {
    win.removeEventListener('keydown', onKey);
    win.removeEventListener('message', onMessage);
    unsubscribe();
    unsubscribeHeight();
    resize?.disconnect();
  };
}
