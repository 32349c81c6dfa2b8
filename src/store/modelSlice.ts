/**
 * The model slice: the cell and its weights (a demo, a trained model, the lab's, or your own
 * file), the task picked, and loading. Loads may overlap; only the latest one may change the
 * model, so a slow earlier fetch never replaces what the reader picked after it.
 */
import type { CellKind, Seq2Seq } from '../engine';
import { demoModel } from '../models/demo';
import { tokenize } from '../text/tokenize';
import { DEFAULTS } from './defaults';
import { readSeq2SeqFile } from '../models/seq2seqFile';
import { createModelCache, fetchModelFile, fetchSeq2SeqFile, LoadTicket, parseModelId } from './modelLoader';
import { defaultBinaryReader, defaultModelReader, type ReadResult } from './modelReader';
import type { StoreOptions } from './options';
import { MAX_MODEL_BYTES, fetchSameOrigin, megabytes, type ModelSource, type OwnModelOrigin } from './ownModel';
import type { Sequencer } from './sequencer';
import { hasModel, TASK_TOKENIZER, type GatescopeState, type GetState, type LoadError, type ModelSlice, type ModelTaskChoice, type SetState } from './types';

/** A Chinese character: what the Chinese sentiment model reads. */
const HAN = /\p{Script=Han}/u;

/**
 * The cell kind on screen: the model's (of a stack, its bottom cell's). Derived, not stored, so
 * it cannot disagree with the weights. While a trained model loads, the one on screen, and so
 * its kind, stays until the new one is shown; the demo of each kind is demoModel(kind).
 */
export const kindOf = (s: Pick<GatescopeState, 'model'>): CellKind => s.model.cell.kind;

/**
 * What the reader picked, which the pickers show at once: the shipped model being fetched
 * (`loading`), else the model on screen. The figure keeps the model on screen, dimmed and
 * labelled as loading, until the new one lands (`switching`): a radio that waits for the file
 * looks like an ignored click.
 */
export const chosenKind = (s: Pick<GatescopeState, 'model' | 'loading'>): CellKind => (s.loading !== null ? parseModelId(s.loading)?.kind : undefined) ?? kindOf(s);
export const chosenTask = (s: Pick<GatescopeState, 'task' | 'loading'>): ModelTaskChoice => (s.loading !== null ? parseModelId(s.loading)?.task : undefined) ?? s.task;
/** Whether the model picked (loading, else on screen) is a stack of layers. */
export const chosenStacked = (s: Pick<GatescopeState, 'stack' | 'loading'>): boolean => {
  const coming = s.loading !== null ? parseModelId(s.loading) : null;
  return coming ? coming.layers > 1 : s.stack.length > 1;
};
/** Whether the model picked (loading, else on screen) is the character model trained statefully. */
export const chosenStateful = (s: Pick<GatescopeState, 'model' | 'loading'>): boolean => {
  const coming = s.loading !== null ? parseModelId(s.loading) : null;
  return coming ? coming.stateful === true : parseModelId(s.model.id)?.stateful === true;
};
/** A model other than the one on screen is being loaded (after the page's first model). */
export const switching = (s: Pick<GatescopeState, 'loading' | 'opening'>): boolean => s.loading !== null && s.opening === null;
/** No model is on its way: the page's first one has landed and no other is loading (or a load failed). */
export const settled = (s: Pick<GatescopeState, 'loading' | 'opening' | 'loadError'>): boolean => (s.opening === null && s.loading === null) || s.loadError !== null;

export function createModelSlice(set: SetState, get: GetState, opts: StoreOptions, seq: Sequencer): ModelSlice {
  const shipped = createModelCache(opts.fetchModel ?? fetchModelFile);
  /** The model on screen and the comparison row each land only their latest load. */
  const mainLoad = new LoadTicket();
  const partnerLoad = new LoadTicket();
  const seq2seqLoad = new LoadTicket();
  /** One read per kind for the page's life (the files are static); a failed one is forgotten. */
  const fetchSeq2Seq = opts.fetchSeq2Seq ?? fetchSeq2SeqFile;
  const seq2seqFiles = new Map<string, Promise<{ model: Seq2Seq; presets: readonly string[] }>>();
  const seq2seqFile = (kind: CellKind, attention: boolean) => {
    const key = `${kind}|${attention}`;
    let p = seq2seqFiles.get(key);
    if (!p) {
      p = fetchSeq2Seq(kind, attention).then((json) => {
        const { model, meta } = readSeq2SeqFile(json);
        return { model, presets: meta.presets };
      });
      p.catch(() => seq2seqFiles.delete(key));
      seq2seqFiles.set(key, p);
    }
    return p;
  };

  const fetchFile = opts.fetchFile ?? fetchSameOrigin;
  const readModel = opts.readModel ?? defaultModelReader;
  const readBinary = opts.readBinary ?? defaultBinaryReader;
  /** Own models: the size is checked before reading, the text parsed, the model validated. */
  const loadOwn = async (origin: OwnModelOrigin, open: () => Promise<ModelSource>, read: (src: ModelSource) => Promise<ReadResult> = async (src) => readModel(await src.text())) => {
    const current = mainLoad.take();
    const id = origin.name;
    set({ loading: id });
    const fail = (message: string, extra: Partial<LoadError> = {}) => {
      if (current()) set({ loading: null, opening: null, loadError: { id, message, ...extra } });
    };
    try {
      const src = await open();
      if (src.size > MAX_MODEL_BYTES) {
        const sizeMb = megabytes(src.size);
        fail(`${sizeMb} MB > ${megabytes(MAX_MODEL_BYTES)} MB`, { reason: 'tooBig', sizeMb });
        return;
      }
      const r = await read(src);
      if (!r.ok) {
        fail(r.message, r.notJson ? { reason: 'notJson' } : {});
        return;
      }
      if (!current()) return;
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
  const kind = requested?.kind ?? opts.kind ?? DEFAULTS.kind;
  // While a linked model loads, the demo cell reads the text as that model will, so that the
  // link's step (t=) means the same token before and after the load.
  const model = requested ? { ...demoModel(kind), tokenizer: TASK_TOKENIZER[requested.task] } : demoModel(kind);
  const start = (opts.firstLoadAfter ?? Promise.resolve()).catch(() => undefined);
  if (opts.model !== undefined) void start.then(() => get().loadModel(opts.model!));
  // After model=, so that when a link has both, your own model (the later load) wins.
  if (opts.weights !== undefined) void start.then(() => get().loadModelUrl(opts.weights!));

  return {
    model,
    modelMeta: null,
    origin: null,
    task: 'demo' as ModelTaskChoice,
    loading: null,
    loadError: null,
    opening: opts.model ?? opts.weights ?? null,
    setCellKind: (k) => {
      // The task picked, even while its model is still on its way (Memory, then GRU: memory-gru).
      const task = chosenTask(get());
      // A task without a model of this kind (today's kinds have no time-series model): its untrained demo.
      if (task !== 'demo' && hasModel(task, k)) {
        void get().loadModel(`${task}-${k}`);
        return;
      }
      mainLoad.cancel(); // a pending trained load must not replace the demo picked after it
      const m = demoModel(k);
      seq.setSequence({ task: 'demo', modelMeta: null, origin: null, loading: null, opening: null, model: m }, m, get().text, get().seeking?.to ?? get().t);
    },
    setTask: (task) => {
      if (task === 'demo') {
        const k = chosenKind(get());
        set({ task: 'demo', loading: null }); // the demo is at hand: a trained load in flight is dropped
        get().setCellKind(k);
      } else void get().loadModel(`${task}-${chosenKind(get())}`);
    },
    loadModel: async (id) => {
      const demo = parseModelId(id);
      if (demo?.task === 'demo') {
        set({ task: 'demo', loading: null });
        get().setCellKind(demo.kind);
        return;
      }
      const current = mainLoad.take();
      set({ loading: id });
      try {
        const { model, meta } = await shipped(id);
        if (!current()) return;
        get().setModel(model, meta);
        set({ loading: null, loadError: null });
      } catch (e) {
        if (!current()) return;
        set({ loading: null, opening: null, loadError: { id, message: e instanceof Error ? e.message : String(e) } });
      }
    },
    setModel: (m, meta = null, origin = null) => {
      const parsed = origin ? null : parseModelId(m.id);
      const task: ModelTaskChoice = parsed?.task ?? (m.trained ? get().task : 'demo');
      // A model that reads numbers cannot read the sentence on screen: open it on its first preset.
      const words = m.tokenizer === 'numbers' && tokenize(get().text, 'numbers').error !== null;
      // A model of a real series opens on that series (its first preset), unless another kind's
      // model of the same series is showing it already.
      const series = meta?.series !== undefined && get().model.task !== m.task;
      // Nor can the Chinese sentiment model read a sentence without a Chinese character.
      const notChinese = task === 'sentiment-zh' && !HAN.test(get().text);
      const text = (words || series || notChinese) && meta?.presets[0] ? meta.presets[0] : get().text;
      const step = text === get().text ? (get().seeking?.to ?? get().t) : (linkStep ?? 0);
      linkStep = undefined;
      const layer = linkLayer ?? get().layer;
      linkLayer = undefined;
      seq.setSequence({ model: m, modelMeta: meta, origin, task, opening: null }, m, text, step, layer);
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
      await loadOwn(
        { from: 'file', name },
        () => Promise.resolve(weights),
        async (src) => {
          if (!src.arrayBuffer) return { ok: false, notJson: false, message: `${weights.name}: this source cannot give bytes` };
          const vocab = vocabFile ? { name: vocabFile.name, text: await vocabFile.text() } : null;
          return readBinary({ name: weights.name, bytes: new Uint8Array(await src.arrayBuffer()), vocab });
        },
      );
    },
    loadModelUrl: (path) => loadOwn({ from: 'url', name: path }, () => fetchFile(path)),
    clearLoadError: () => set({ loadError: null }),
    partner: null,
    requestPartner: (id) => {
      const now = get().partner;
      // The same request again is a no-op, unless it failed (then it is a retry).
      if (id === (now?.id ?? null) && !now?.error) return;
      if (id === null) {
        partnerLoad.cancel();
        set({ partner: null });
        return;
      }
      const current = partnerLoad.take();
      set({ partner: { id } });
      shipped(id).then(
        ({ model }) => current() && set({ partner: { id, model } }),
        (e: unknown) => current() && set({ partner: { id, error: e instanceof Error ? e.message : String(e) } }),
      );
    },
    seq2seq: null,
    seq2seqModel: (kind, attention) => seq2seqFile(kind, attention).then((r) => r.model),
    requestSeq2Seq: (kind, attention = false) => {
      const now = get().seq2seq;
      if (kind === (now?.kind ?? null) && (kind === null || now?.attention === attention) && !now?.error) return;
      if (kind === null) {
        seq2seqLoad.cancel();
        set({ seq2seq: null });
        return;
      }
      const current = seq2seqLoad.take();
      set({ seq2seq: { kind, attention } });
      seq2seqFile(kind, attention).then(
        (r) => current() && set({ seq2seq: { kind, attention, ...r } }),
        (e: unknown) => current() && set({ seq2seq: { kind, attention, error: e instanceof Error ? e.message : String(e) } }),
      );
    },
  };
}
