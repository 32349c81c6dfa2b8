/**
 * `<gate-scope>`: the app's figure as a custom element, for a plain page, a Markdown course site,
 * a notebook's HTML output or a slide. Each element has its own store (so several on a page are
 * independent) and renders the app's own slide layout (components/App's Layout, embed mode) in a
 * shadow root with the app's styles; nothing of the host page's styles gets in, nothing of ours
 * gets out. Models are fetched from the site the module came from (or the `base` attribute).
 */
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { Layout } from '../components/App';
import { StoreContext, useGatescope, useT } from '../components/StoreContext';
import { partsToString, type Figure } from '../components/exportImage';
import { HandoutActions } from '../components/handout/HandoutActions';
import { handoutText } from '../components/handout/handoutText';
import { shareLink } from '../embed/snippet';
import { translator } from '../i18n';
import { figureParts } from '../shared/figures';
import { DEFAULTS } from '../store/defaults';
import { modelFetcherAt } from '../store/modelLoader';
import { createGatescopeStore, kindOf, type GatescopeStore } from '../store/store';
import type { GatescopeState } from '../store/types';
import { stepNotice } from '../store/urlParams';
import { ATTRIBUTES, readAttributes, type AttributeProblem, type ElementSettings } from './attributes';
import { shadowSheets } from './styles';

/** What a `step` event carries: the step (0-based), how many there are, and the step's token. */
interface StepDetail {
  readonly step: number;
  readonly steps: number;
  readonly token: string;
}

function Problems({ problems }: { problems: readonly AttributeProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="gs-problems" role="alert">
      <ul>
        {problems.map((p) => (
          <li key={p.attribute}>{t('element.badAttribute', { attribute: p.attribute, value: p.value, allowed: p.allowed })}</li>
        ))}
      </ul>
    </div>
  );
}

/** What the handout buttons of `controls="full"` need of the element. */
interface Handouts {
  readonly figure: (opaque: boolean) => Figure | null;
  readonly link: () => string;
}

/** The export buttons under the figure, as the app's export menu has them (controls="full" only). */
function HandoutBar({ handouts }: { handouts: Handouts }) {
  const t = useT();
  const empty = useGatescope((s) => s.tokens.length === 0);
  return (
    <div className="gs-handout" role="group" aria-label={t('export.menu')}>
      <HandoutActions figure={handouts.figure} link={handouts.link} disabled={empty} />
    </div>
  );
}

/** The wrapper carries the theme and the language, as the app's <html> does for the page. */
function Element({ problems, handouts }: { problems: readonly AttributeProblem[]; handouts: Handouts | null }) {
  const theme = useGatescope((s) => s.theme);
  const lang = useGatescope((s) => s.lang);
  return (
    <div className="gs-frame" data-theme={theme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <Problems problems={problems} />
      <div className="gs-body">
        <Layout notices={[]} />
      </div>
      {handouts && <HandoutBar handouts={handouts} />}
    </div>
  );
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The folder the models live under: the `base` attribute, else the site this module came from. */
function baseOf(attr: string | null): string {
  if (attr) return new URL(attr.endsWith('/') ? attr : `${attr}/`, document.baseURI).href;
  return new URL(/* @vite-ignore */ '../', import.meta.url).href;
}

export class GateScopeElement extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  readonly #wrapper: HTMLDivElement;
  #store: GatescopeStore | null = null;
  #root: Root | null = null;
  #settings: ElementSettings | null = null;
  #pending = false;
  /** The applying of attribute changes in order (a model load is awaited before the step). */
  #applied: Promise<void> = Promise.resolve();

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = shadowSheets();
    this.#wrapper = document.createElement('div');
    this.#wrapper.className = 'gs-root';
    shadow.append(this.#wrapper);
  }

  connectedCallback(): void {
    if (this.#store) return;
    const settings = readAttributes((n) => this.getAttribute(n));
    this.#settings = settings;
    const fetchModel = modelFetcherAt(baseOf(this.getAttribute('base')));
    const store = createGatescopeStore({ ...settings.options, fetchModel, fetchSeq2Seq: (kind) => fetchModel(`translate/translate-${kind}`) });
    this.#store = store;
    store.subscribe((s, prev) => {
      if (s.t !== prev.t || s.tokens !== prev.tokens) this.#announce(s);
      if (s.tokens.length !== prev.tokens.length) this.#render();
    });
    this.#root = createRoot(this.#wrapper);
    this.#render();
    if (settings.autoplay) void this.whenDrawn().then(() => store.getState().play());
  }

  disconnectedCallback(): void {
    // A hidden slide or a removed element does not play on unseen (it stays as it was otherwise).
    this.#store?.getState().pause();
  }

  attributeChangedCallback(_name: string, old: string | null, value: string | null): void {
    if (!this.#store || old === value || this.#pending) return;
    // Several attributes set in one go are applied together, once.
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#applied = this.#applied.then(() => this.#apply());
    });
  }

  /** The step shown, 0-based. Setting it goes there (past the end: the last step). */
  get step(): number {
    return this.#store?.getState().t ?? 0;
  }

  set step(t: number) {
    const s = this.#store?.getState();
    if (s && Number.isInteger(t) && t >= 0) s.goTo(Math.min(t, Math.max(0, s.tokens.length - 1)));
  }

  /** How many steps the sentence has (its tokens). */
  get steps(): number {
    return this.#store?.getState().tokens.length ?? 0;
  }

  /** The token of the step shown. */
  get token(): string {
    const s = this.#store?.getState();
    return s?.tokens[s.t] ?? '';
  }

  next(): void {
    this.#store?.getState().stepForward();
  }

  prev(): void {
    this.#store?.getState().stepBack();
  }

  reset(): void {
    this.#store?.getState().reset();
  }

  play(): void {
    this.#store?.getState().play();
  }

  pause(): void {
    this.#store?.getState().pause();
  }

  /**
   * Resolves once the figure shows the current state: the model loaded, the step computed, the
   * figure drawn and its step's animation over (what a print or an export needs).
   */
  async whenDrawn(): Promise<void> {
    await this.#applied;
    const store = this.#store;
    if (!store) return;
    const began = performance.now();
    for (;;) {
      const s = store.getState();
      const busy = s.opening !== null || s.loading !== null || s.seeking !== null;
      // The step's animation, and a new kind's highlighted new parts (a second or so after a kind switch).
      const animating = this.shadowRoot?.querySelector('[data-animating], [data-kind-change]') != null;
      const drawn = this.#figure() !== null;
      if ((!busy && !animating && drawn) || performance.now() - began > 10_000) break;
      await nextFrame();
    }
    await nextFrame();
  }

  /**
   * The figure as it is now, as a standalone SVG (colours inlined): the app's export, used for
   * printing a deck, where a live element cannot be printed step by step.
   */
  toSVG(): string | null {
    return this.#composed()?.text ?? null;
  }

  /**
   * The figure, once drawn, as a PNG of `scale` device pixels per CSS pixel (2: for print). The
   * image code is loaded at the first call, not with the element.
   */
  async toPNG(scale = 2): Promise<Blob> {
    if (!(Number.isFinite(scale) && scale > 0 && scale <= 8)) throw new RangeError(`toPNG(scale): scale must be in (0, 8], not ${scale}`);
    await this.whenDrawn();
    const fig = this.#composed();
    if (!fig) throw new Error('<gate-scope> has no figure to export');
    const { figurePng } = await import('../components/handout/handout');
    return figurePng(fig, scale);
  }

  /** A one-page A4 PDF handout of the figure as it is now: the sentence, the step, the model and the cell's equations. */
  async toPDF(): Promise<Blob> {
    await this.whenDrawn();
    const fig = this.#composed();
    const s = this.#store?.getState();
    if (!fig || !s) throw new Error('<gate-scope> has no figure to export');
    const { handoutPdf } = await import('../components/handout/handout');
    return handoutPdf(fig, handoutText(s, translator(s.lang), this.#link()));
  }

  /** The figure's parts composed into one (the app's export), on the element's panel colour. */
  #composed(): Figure | null {
    const panel = this.shadowRoot?.querySelector('.view-panel');
    // What the slide layout hides (the belt equation under a slide's cell) is not in the picture.
    const parts = panel ? figureParts(panel).filter((p) => getComputedStyle(p.el).display !== 'none') : [];
    if (parts.length === 0) return null;
    const background =
      getComputedStyle(this.#wrapper.firstElementChild ?? this.#wrapper)
        .getPropertyValue('--panel')
        .trim() || '#ffffff';
    return partsToString(parts, { background });
  }

  /** The app (the site the element's models come from) at this element's state, for a handout's foot. */
  #link(): string {
    const s = this.#store?.getState();
    return s ? shareLink({ ...s, embed: false, hidden: [] }, baseOf(this.getAttribute('base'))) : '';
  }

  readonly #handouts: Handouts = { figure: () => this.#composed(), link: () => this.#link() };

  #figure(): Element | null {
    const panel = this.shadowRoot?.querySelector('.view-panel');
    return panel ? (figureParts(panel)[0]?.el ?? null) : null;
  }

  #announce(s: GatescopeState): void {
    const detail: StepDetail = { step: s.t, steps: s.tokens.length, token: s.tokens[s.t] ?? '' };
    this.dispatchEvent(new CustomEvent<StepDetail>('step', { detail, bubbles: true, composed: true }));
  }

  #problems(): AttributeProblem[] {
    const s = this.#store?.getState();
    const settings = this.#settings;
    if (!s || !settings) return [];
    // A step past the sentence's end shows the last step, and says so (once the sentence is known).
    const late = s.opening === null ? stepNotice(settings.options.t, s.tokens.length) : null;
    const past = late ? [{ attribute: 't', value: late.value, allowed: `0…${s.tokens.length - 1}` }] : [];
    return [...settings.problems, ...past];
  }

  #render(): void {
    const store = this.#store;
    if (!store || !this.#root) return;
    this.#root.render(
      <StrictMode>
        <StoreContext.Provider value={store}>
          <Element problems={this.#problems()} handouts={this.#settings?.controls === 'full' ? this.#handouts : null} />
        </StoreContext.Provider>
      </StrictMode>,
    );
  }

  /** Brings the store to the attributes, changing only what changed (a model is loaded once). */
  async #apply(): Promise<void> {
    const store = this.#store;
    const prev = this.#settings;
    if (!store || !prev) return;
    const next = readAttributes((n) => this.getAttribute(n));
    this.#settings = next;
    const o = next.options;
    const p = prev.options;
    let s = store.getState();
    if (o.model && o.model !== p.model) await s.loadModel(o.model);
    else if (!o.model && (o.kind !== p.kind || p.model)) s.setCellKind(o.kind ?? DEFAULTS.kind);
    else if (o.model && o.kind && o.kind !== kindOf(s)) s.setCellKind(o.kind);
    s = store.getState();
    const text = o.text ?? DEFAULTS.text;
    const newText = text !== s.text;
    if (newText) s.setText(text);
    if (newText || o.t !== p.t || o.model !== p.model) store.getState().goTo(o.t ?? DEFAULTS.t);
    s = store.getState();
    if ((o.view ?? DEFAULTS.view) !== s.view) s.setView(o.view ?? DEFAULTS.view);
    if ((o.lang ?? DEFAULTS.lang) !== s.lang) s.setLang(o.lang ?? DEFAULTS.lang);
    if ((o.theme ?? DEFAULTS.theme) !== s.theme) s.setTheme(o.theme ?? DEFAULTS.theme);
    if (o.hidden && !sameList(o.hidden, s.hidden)) s.setHidden(o.hidden);
    if (next.autoplay !== prev.autoplay) (next.autoplay ? s.play : s.pause)();
    this.#render();
  }
}
