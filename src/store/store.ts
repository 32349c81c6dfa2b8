/**
 * The app state, a Zustand store built on vanilla `createStore` so tests drive it without React.
 * Slices: model (cell kind, weights), sequence (text, tokens, trace history), playback (step,
 * play/pause), view (which view, language, theme). The components read it with `useStore`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { demoModel } from '../models/demo';
import { readModelFile } from '../models/format';
import { fetchModelFile, parseModelId, type ModelFetcher } from './modelLoader';
import { MAX_MODEL_BYTES, fetchSameOrigin, type FileFetcher, type ModelSource, type OwnModelOrigin } from './ownModel';
import { tokenize } from '../text/tokenize';
import { adoptShared, embedAll, emptyHistory, extendTo, stepsDone, type History } from './history';
import { cheapToRun, stepsPerSlice, traceProgress } from './sentenceTraces';
import { TASK_TOKENIZER, type FlowSettings, type GatescopeState, type Lang, type LoadError, type ModelTaskChoice, type Panel, type Theme, type ViewName } from './types';
import { stackOf, type CellKind } from '../engine';
import type { LabSettings } from '../train/lab';
import { createLabSlice, initialLab, workerPort, type LabPortFactory } from './labSlice';
import { defaultBinaryReader, defaultModelReader, type BinaryModelReader, type ModelReader, type ReadResult } from './modelReader';

export const DEFAULT_TEXT = 'the clouds are in the sky';
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 30;
export const DEFAULT_SPEED = 2;
/** Playback speeds the speed control offers (steps per second); `speed=` takes one of these. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
/** The gradient view's forget-bias knob: its range and step. */
export const FORGET_BIAS = { min: -4, max: 8, step: 0.5 } as const;
export const DEFAULT_FLOW: FlowSettings = { fillers: 0, forgetBias: 0, from: 'last' };
/** Text past this many characters is cut before tokenizing, so a pasted book cannot freeze the page. */
export const MAX_TEXT_CHARS = 5000;

export interface Scheduler {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

export interface StoreOptions {
  text?: string;
  kind?: CellKind;
  /** A trained model to load at start (`sentiment-lstm`); it also sets the cell kind. */
  model?: string;
  /** How model files are fetched (tests pass a fake). */
  fetchModel?: ModelFetcher;
  /** Your own model at start: a relative path on this site (`weights=` in the link). */
  weights?: string;
  /** How `weights` paths are fetched (tests pass a fake). */
  fetchFile?: FileFetcher;
  t?: number;
  /** The layer of a stack to show, 0-based (the link's layer= is 1-based). */
  layer?: number;
  view?: ViewName;
  lang?: Lang;
  theme?: Theme;
  embed?: boolean;
  hidden?: readonly Panel[];
  deck?: 'reveal' | null;
  origins?: readonly string[];
  speed?: number;
  compareKind?: CellKind;
  fillers?: number;
  forgetBias?: number;
  flowFrom?: FlowSettings['from'];
  translateStep?: number;
  scheduler?: Scheduler;
  /** The training lab's settings from the link (the rest from the task's defaults). */
  lab?: Partial<LabSettings>;
  labAutostart?: boolean;
  /** How an own model file's text is read (default: in a worker when large). */
  readModel?: ModelReader;
  /** How a .safetensors or .onnx file is read (default: in a worker when large). */
  readBinary?: BinaryModelReader;
  /** How the lab's worker is made (tests pass a fake). */
  labPort?: LabPortFactory;
}

const realScheduler: Scheduler = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

export type GatescopeStore = StoreApi<GatescopeState>;

/** In a slide, only the chosen view, the tokens and the controls: no title, inputs or table. */
export const EMBED_HIDDEN: readonly Panel[] = ['header', 'input', 'cells', 'info', 'tabs', 'table'];

export function defaultHidden(embed: boolean): readonly Panel[] {
  return embed ? EMBED_HIDDEN : [];
}

export function createGatescopeStore(opts: StoreOptions = {}): GatescopeStore {
  const scheduler = opts.scheduler ?? realScheduler;
  let timer: unknown = null;

  return createStore<GatescopeState>()((set, get) => {
    /** The store's view of a history: every layer's, and the shown layer's as `history`. */
    const withHistory = (h: History, layer: number) => ({ stack: h.stack, history: h.stack[layer]!, frontier: h.frontier });
    /** The layer shown, kept when the new model has it (a one-layer model shows its only one). */
    const layerFor = (model: GatescopeState['model'], layer: number) => Math.max(0, Math.min(layer, stackOf(model).length - 1));

    /** Re-tokenizes and re-embeds for `model`, keeping the step (and layer) where possible. */
    const sequenceFor = (model: GatescopeState['model'], text: string, t: number, wantedLayer: number) => {
      const cut = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
      const { tokens, error } = tokenize(cut, model.tokenizer);
      const embedded = embedAll(model, tokens);
      const wanted = Math.max(0, Math.min(t, tokens.length - 1));
      // At once only what is cheap; the rest of the way to a far step goes in slices (goTo seeks).
      const layers = stackOf(model);
      const tt = cheapToRun(layers, wanted + 1) ? wanted : Math.min(wanted, stepsPerSlice(layers) - 1);
      const h = extendTo(model, embedded, emptyHistory(model), tt);
      const layer = layerFor(model, wantedLayer);
      return {
        text,
        tokens,
        embedded,
        tokenError: text.length > MAX_TEXT_CHARS && !error
          ? { kind: 'tooManyChars' as const, chars: text.length, max: MAX_TEXT_CHARS }
          : error,
        layer,
        ...withHistory(h, layer),
        t: tokens.length === 0 ? 0 : tt,
        seeking: null,
      };
    };

    /** Sets a new sequence, then seeks on to the step asked for when it was not reached at once. */
    const setSequence = (extra: Partial<GatescopeState>, model: GatescopeState['model'], text: string, t: number, layer = get().layer) => {
      stopSeek();
      const seq = sequenceFor(model, text, t, layer);
      set({ ...extra, ...seq });
      if (seq.tokens.length > 0 && Math.min(t, seq.tokens.length - 1) > seq.t) get().goTo(t);
    };

    /** Computes the traces towards `seeking.to`, one slice per timer tick, then moves t there. */
    let seekTimer: unknown = null;
    const stopSeek = () => {
      if (seekTimer !== null) scheduler.clearTimeout(seekTimer);
      seekTimer = null;
    };
    const seekSlice = () => {
      seekTimer = null;
      const s = get();
      if (!s.seeking) return;
      const to = s.seeking.to;
      const layers = stackOf(s.model);
      const from = adoptShared(s, traceProgress(layers, s.embedded).layers, to);
      const h = extendTo(s.model, s.embedded, from, Math.min(to, stepsDone(from) - 1 + stepsPerSlice(layers)));
      if (stepsDone(h) > to) set({ t: to, ...withHistory(h, s.layer), seeking: null });
      else {
        set({ ...withHistory(h, s.layer), seeking: { to, reached: stepsDone(h) - 1 } });
        seekTimer = scheduler.setTimeout(seekSlice, 0);
      }
    };

    const stopTimer = () => {
      if (timer !== null) scheduler.clearTimeout(timer);
      timer = null;
    };

    const tick = () => {
      timer = null;
      const s = get();
      if (!s.playing) return;
      if (s.t >= s.tokens.length - 1) {
        set({ playing: false });
        return;
      }
      s.goTo(s.t + 1);
      if (get().t >= get().tokens.length - 1) set({ playing: false });
      else timer = scheduler.setTimeout(tick, 1000 / get().speed);
    };

    const fetchModel = opts.fetchModel ?? fetchModelFile;
    /** Only the latest request may change the model: a slow earlier load must not win. */
    let latestLoad = 0;

    const fetchFile = opts.fetchFile ?? fetchSameOrigin;
    const readModel = opts.readModel ?? defaultModelReader;
    const readBinary = opts.readBinary ?? defaultBinaryReader;
    /** Own models: the size is checked before reading, the text parsed, the model validated. */
    const loadOwn = async (origin: OwnModelOrigin, open: () => Promise<ModelSource>, read: (src: ModelSource) => Promise<ReadResult> = async (src) => readModel(await src.text())) => {
      const ticket = ++latestLoad;
      const id = origin.name;
      set({ loading: id });
      const fail = (message: string, extra: Partial<LoadError> = {}) => {
        if (ticket === latestLoad) set({ loading: null, loadError: { id, message, ...extra } });
      };
      try {
        const src = await open();
        if (src.size > MAX_MODEL_BYTES) {
          const sizeMb = Math.round((src.size / 1024 / 1024) * 10) / 10;
          fail(`${sizeMb} MB > ${MAX_MODEL_BYTES / 1024 / 1024} MB`, { reason: 'tooBig', sizeMb });
          return;
        }
        const r = await read(src);
        if (!r.ok) {
          fail(r.message, r.notJson ? { reason: 'notJson' } : {});
          return;
        }
        if (ticket !== latestLoad) return;
        get().setModel(r.model, r.meta, origin);
        set({ loading: null, loadError: null });
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
      }
    };

    const requested = opts.model !== undefined ? parseModelId(opts.model) : null;
    /** A link's step, for the first model it loads (a numbers model opens on its preset at that step). */
    let linkStep = opts.model !== undefined || opts.weights !== undefined ? opts.t : undefined;
    /** A link's layer (layer=), for the first model it loads: the demo shown meanwhile has one. */
    let linkLayer = opts.model !== undefined || opts.weights !== undefined ? opts.layer : undefined;
    const kind = requested?.kind ?? opts.kind ?? 'lstm';
    // While a linked model loads, the demo cell reads the text as that model will, so that the
    // link's step (t=) means the same token before and after the load.
    const model = requested ? { ...demoModel(kind), tokenizer: TASK_TOKENIZER[requested.task] } : demoModel(kind);
    if (opts.model !== undefined) queueMicrotask(() => void get().loadModel(opts.model!));
    // After model=, so that when a link has both, your own model (the later load) wins.
    if (opts.weights !== undefined) queueMicrotask(() => void get().loadModelUrl(opts.weights!));
    return {
      kind,
      model,
      modelMeta: null,
      origin: null,
      task: 'demo' as ModelTaskChoice,
      loading: null,
      loadError: null,
      ...sequenceFor(model, opts.text ?? DEFAULT_TEXT, opts.t ?? 0, opts.layer ?? 0),
      playing: false,
      speed: opts.speed ?? DEFAULT_SPEED,
      view: opts.view ?? 'cell',
      lang: opts.lang ?? 'en',
      theme: opts.theme ?? 'light',
      embed: opts.embed ?? false,
      hidden: opts.hidden ?? defaultHidden(opts.embed ?? false),
      deck: opts.deck ?? null,
      origins: opts.origins ?? [],
      diagramUnits: null,
      compareKind: opts.compareKind ?? 'rnn',
      flow: {
        fillers: opts.fillers ?? DEFAULT_FLOW.fillers,
        forgetBias: opts.forgetBias ?? DEFAULT_FLOW.forgetBias,
        from: opts.flowFrom ?? DEFAULT_FLOW.from,
      },
      translateStep: opts.translateStep ?? null,
      translateSteps: 0,

      setCellKind: (k) => {
        const task = get().task;
        if (task !== 'demo') {
          void get().loadModel(`${task}-${k}`);
          return;
        }
        latestLoad++; // a pending trained load must not replace the demo picked after it
        const m = demoModel(k);
        setSequence({ kind: k, task: 'demo', modelMeta: null, origin: null, loading: null, model: m }, m, get().text, get().seeking?.to ?? get().t);
      },
      setTask: (task) => {
        if (task === 'demo') {
          set({ task: 'demo' });
          get().setCellKind(get().kind);
        } else void get().loadModel(`${task}-${get().kind}`);
      },
      loadModel: async (id) => {
        const demo = parseModelId(id);
        if (demo?.task === 'demo') {
          set({ task: 'demo' });
          get().setCellKind(demo.kind);
          return;
        }
        const ticket = ++latestLoad;
        set({ loading: id });
        try {
          const { model, meta } = readModelFile(await fetchModel(id));
          if (ticket !== latestLoad) return;
          get().setModel(model, meta);
          set({ loading: null, loadError: null });
        } catch (e) {
          if (ticket !== latestLoad) return;
          set({ loading: null, loadError: { id, message: e instanceof Error ? e.message : String(e) } });
        }
      },
      setModel: (m, meta = null, origin = null) => {
        const parsed = origin ? null : parseModelId(m.id);
        const task: ModelTaskChoice = parsed?.task ?? (m.trained ? get().task : 'demo');
        // A model that reads numbers cannot read the sentence on screen: open it on its first preset.
        const words = m.tokenizer === 'numbers' && tokenize(get().text, 'numbers').error !== null;
        const text = words && meta?.presets[0] ? meta.presets[0] : get().text;
        const step = text === get().text ? (get().seeking?.to ?? get().t) : (linkStep ?? 0);
        linkStep = undefined;
        const layer = linkLayer ?? get().layer;
        linkLayer = undefined;
        setSequence({ kind: m.cell.kind, model: m, modelMeta: meta, origin, task }, m, text, step, layer);
      },
      loadModelFile: (file) => loadOwn({ from: 'file', name: file.name }, () => Promise.resolve(file)),
      loadModelFiles: async (files) => {
        const weights = files.find((f) => /\.safetensors$/i.test(f.name)) ?? files.find((f) => /\.onnx$/i.test(f.name));
        if (!weights) {
          const json = files.find((f) => /\.json$/i.test(f.name)) ?? files[0];
          if (json) await get().loadModelFile(json);
          return;
        }
        const vocabFile = files.find((f) => f !== weights && /\.(txt|json)$/i.test(f.name));
        const name = vocabFile ? `${weights.name} + ${vocabFile.name}` : weights.name;
        // Same ticket, size check and messages as a JSON file; only the reading differs (in a
        // worker when large).
        await loadOwn({ from: 'file', name }, () => Promise.resolve(weights), async (src) => {
          if (!src.arrayBuffer) return { ok: false, notJson: false, message: `${weights.name}: this source cannot give bytes` };
          const vocab = vocabFile ? { name: vocabFile.name, text: await vocabFile.text() } : null;
          return readBinary({ name: weights.name, bytes: new Uint8Array(await src.arrayBuffer()), vocab });
        });
      },
      loadModelUrl: (path) => loadOwn({ from: 'url', name: path }, () => fetchFile(path)),
      clearLoadError: () => set({ loadError: null }),
      setText: (text) => {
        stopTimer();
        setSequence({ playing: false }, get().model, text, 0);
      },

      goTo: (t) => {
        const s = get();
        if (s.tokens.length === 0 || !Number.isFinite(t)) return;
        const tt = Math.max(0, Math.min(Math.round(t), s.tokens.length - 1));
        stopSeek();
        const layers = stackOf(s.model);
        if (!cheapToRun(layers, tt + 1 - stepsDone(s))) {
          const shared = adoptShared(s, traceProgress(layers, s.embedded).layers, tt);
          if (stepsDone(shared) > tt) {
            set({ t: tt, ...withHistory(shared, s.layer), seeking: null });
            return;
          }
          // Far ahead on a large model: the page keeps answering while the steps are computed.
          set({ seeking: { to: tt, reached: stepsDone(s) - 1 } });
          seekTimer = scheduler.setTimeout(seekSlice, 0);
          return;
        }
        const h = extendTo(s.model, s.embedded, s, tt);
        set({ t: tt, ...withHistory(h, s.layer), seeking: null });
      },
      stepForward: () => get().goTo(get().t + 1),
      stepBack: () => get().goTo(get().t - 1),
      play: () => {
        const s = get();
        if (s.playing || s.tokens.length === 0) return;
        // Pressing play at the end starts over, as a media player does.
        if (s.t >= s.tokens.length - 1) s.goTo(0);
        set({ playing: true });
        stopTimer();
        timer = scheduler.setTimeout(tick, 1000 / get().speed);
      },
      pause: () => {
        stopTimer();
        set({ playing: false });
      },
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (v) => {
        if (!Number.isFinite(v)) return;
        set({ speed: Math.max(MIN_SPEED, Math.min(MAX_SPEED, v)) });
      },
      reset: () => {
        get().pause();
        get().goTo(0);
      },

      setLayer: (l) => {
        const s = get();
        if (!Number.isInteger(l)) return;
        const layer = layerFor(s.model, l);
        set({ layer, history: s.stack[layer]! });
      },
      setView: (view) => set({ view }),
      setHidden: (hidden) => set({ hidden }),
      setDiagramUnits: (diagramUnits) => set({ diagramUnits }),
      setCompareKind: (compareKind) => set({ compareKind }),
      setFlow: (change) => set({ flow: { ...get().flow, ...change } }),
      setTranslateStep: (translateStep) => set({ translateStep }),
      setTranslateSteps: (translateSteps) => set({ translateSteps }),
      setLang: (lang) => set({ lang }),
      setTheme: (theme) => set({ theme }),
      ...createLabSlice(set, get, opts.labPort ?? workerPort, initialLab({ settings: opts.lab, autostart: opts.labAutostart })),
    };
  });
}
