import type { StoreApi } from 'zustand/vanilla';
import { type CellKind, type CellState, type EmbeddedToken, type KindGroup, kindOf, type Model, type Seq2Seq, type StepTrace } from '../engine';
import type { ModelMeta } from '../models/format';
import type { TokenizeError } from '../text/tokenize';
import type { ModelSource, OwnModelOrigin } from './ownModel';
import type { LabPoint, LabProbe, LabSettings } from '../train/labSettings';
import type { LabCommand, LabEvent } from '../train/labProtocol';

/** What the model picker offers: the untrained demo, or a trained task (one model per cell kind). */
export const MODEL_TASKS = ['demo', 'sentiment', 'sentiment-zh', 'memory', 'charlm', 'charlm-zh', 'wave', 'series'] as const;
export type ModelTaskChoice = (typeof MODEL_TASKS)[number];
/**
 * Which kinds each task has a trained model of, by group: every task has the classic cells';
 * today's recurrences are trained on sentiment (English and Chinese), long-range memory, the
 * Austen character model and the real series.
 * A test checks public/models holds exactly these.
 */
const TASK_GROUPS: Record<Exclude<ModelTaskChoice, 'demo'>, readonly KindGroup[]> = {
  sentiment: ['classic', 'today'],
  'sentiment-zh': ['classic', 'today'],
  memory: ['classic', 'today'],
  charlm: ['classic', 'today'],
  'charlm-zh': ['classic'],
  wave: ['classic'],
  series: ['classic', 'today'],
};

/** The translation view's encoder–decoders (public/models/translate) are trained for the classic cells. */
export const hasTranslation = (kind: CellKind): boolean => kindOf(kind).group === 'classic';

/** Whether `task` has a model of `kind` (the demo has every kind, untrained). */
export const hasModel = (task: ModelTaskChoice, kind: CellKind): boolean => task === 'demo' || TASK_GROUPS[task].includes(kindOf(kind).group);

/** How each task's models read text (a character model: one token per character, spaces included). */
export const TASK_TOKENIZER: Record<ModelTaskChoice, Model['tokenizer']> = {
  demo: 'words',
  sentiment: 'words',
  'sentiment-zh': 'chars',
  memory: 'words',
  charlm: 'chars',
  'charlm-zh': 'chars',
  wave: 'numbers',
  series: 'numbers',
};

export interface LoadError {
  readonly id: string;
  readonly message: string;
  /** Problems the page explains in the user's language (the rest show the parser's message). */
  readonly reason?: 'tooBig' | 'notJson';
  readonly sizeMb?: number;
}

export type ViewName = 'cell' | 'unrolled' | 'heatmap' | 'gradient' | 'train' | 'translate';
export type { Lang, Theme } from '../shared/prefs';
import type { Lang, Theme } from '../shared/prefs';

export interface ModelSlice {
  /** The cell kind shown is the model's bottom cell's: read it with `kindOf` (modelSlice.ts). */
  model: Model;
  /** Caption, presets, report of a loaded model file; null for the demo models. */
  modelMeta: ModelMeta | null;
  /** The task picked; a trained task loads `<task>-<kind>`. */
  task: ModelTaskChoice;
  /** The id being fetched, or null. The current model stays on screen meanwhile. */
  loading: string | null;
  /** The last failed load; cleared by the next successful one. */
  loadError: LoadError | null;
  /**
   * The model the page opens on (a link's model= or weights=, or the welcome's trained model)
   * while it loads, else null. The views and the prediction wait for it instead of drawing the
   * stand-in demo cell for a moment: that would be a whole render and layout of the figure, thrown
   * away, on every first load (and a flash of numbers that are not the model's).
   */
  opening: string | null;
  /** Same task, another cell: loads `<task>-<kind>` (or the demo cell). */
  setCellKind: (kind: CellKind) => void;
  setTask: (task: ModelTaskChoice) => void;
  /** Fetches a model by id (`sentiment-lstm`); resolves when it is shown or has failed. */
  loadModel: (id: string) => Promise<void>;
  /** Where a model the user brought came from; null for the demo and shipped models. */
  origin: OwnModelOrigin | null;
  /** Reads, checks and shows a model file the user picked; on failure the current model stays. */
  loadModelFile: (file: ModelSource & { readonly name: string }) => Promise<void>;
  /** Files picked together: a model JSON, or a .safetensors state_dict with its vocabulary file. */
  loadModelFiles: (files: ReadonlyArray<ModelSource & { readonly name: string }>) => Promise<void>;
  /** The same for a same-origin relative path (the `weights=` link parameter). */
  loadModelUrl: (path: string) => Promise<void>;
  /** Shows a model (trained, or the user's own); the cell kind follows the model's. */
  setModel: (model: Model, meta?: ModelMeta | null, origin?: OwnModelOrigin | null) => void;
  clearLoadError: () => void;
  /**
   * The unrolled view's comparison model: the same task's trained model of the other kind
   * (sentiment-rnn beside sentiment-lstm), through the same loader as the model on screen.
   * Null when none is wanted; without `model` or `error` while it loads.
   */
  partner: Partner | null;
  /** Asks for the comparison model `id` (null: none); only the latest request lands. */
  requestPartner: (id: string | null) => void;
  /**
   * The translate view's encoder–decoder of the chosen kind (`translate-<kind>`), fetched by the
   * store like every other model; its steps are derived from it and the text (selectors/translation.ts).
   */
  seq2seq: Seq2SeqLoad | null;
  /** Asks for the encoder–decoder of `kind`, with attention or not (null: none wanted); only the latest request lands. */
  requestSeq2Seq: (kind: CellKind | null, attention?: boolean) => void;
  /** The encoder–decoder of `kind` itself, read once per page and shared with the view (the lesson asks questions of both at once). */
  seq2seqModel: (kind: CellKind, attention: boolean) => Promise<Seq2Seq>;
}

interface Seq2SeqLoad {
  readonly kind: CellKind;
  /** translate-attn-<kind> rather than translate-<kind>. */
  readonly attention: boolean;
  readonly model?: Seq2Seq;
  readonly presets?: readonly string[];
  readonly error?: string;
}

interface Partner {
  readonly id: string;
  readonly model?: Model;
  readonly error?: string;
}

export interface SequenceSlice {
  text: string;
  /**
   * How many times the reader has edited the sentence in its box since the page loaded: what
   * the lesson checks before putting a chapter's sentence over one the reader typed.
   */
  textEdits: number;
  /** The reader's own edit of the sentence (the sentence box): setText, counted in `textEdits`. */
  editText: (text: string) => void;
  tokens: readonly string[];
  /** What the model saw for each token (x_t, unknown words). Derived from tokens and model. */
  embedded: readonly EmbeddedToken[];
  tokenError: TokenizeError | null;
  /** stack[l][t]: layer l's trace of step t; it grows as the student steps (a push). */
  stack: readonly (readonly StepTrace[])[];
  /** The shown layer's traces, stack[layer] (the only layer of a one-layer model). */
  history: readonly StepTrace[];
  /** Every layer's state after the last step computed (the start states when none is). */
  frontier: readonly CellState[];
  /** The layer of a stack the views show: 0 is the bottom, which reads x_t (`layer=` is 1-based). */
  layer: number;
  /** Shows another layer of the stack (clamped to the model's layers). */
  setLayer: (layer: number) => void;
  setText: (text: string) => void;
}

export interface PlaybackSlice {
  /** The step shown: 0-based index into tokens (x_0 … x_{T-1}). */
  t: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  /**
   * A step asked for whose traces are still being computed, in slices (a large model jumping
   * far ahead): `t` moves to `to` when `reached` gets there. Null when nothing is pending.
   */
  seeking: { readonly to: number; readonly reached: number } | null;
  stepForward: () => void;
  stepBack: () => void;
  goTo: (t: number) => void;
  play: () => void;
  pause: () => void;
  togglePlay: () => void;
  setSpeed: (stepsPerSecond: number) => void;
  reset: () => void;
}

/** Parts of the page a teacher can hide (`hide=` in the URL); embed mode hides the chrome by default. */
export const PANELS = ['header', 'input', 'cells', 'tokens', 'controls', 'info', 'tabs', 'table'] as const;
export type Panel = (typeof PANELS)[number];

/** The gradient-flow view's knobs (`fillers=`, `bias=`, `from=` in the URL). */
export interface FlowSettings {
  /** Filler words appended to the sentence, to lengthen the gap. */
  readonly fillers: number;
  /** Added to the forget gate's input bias of the studied cell (LSTM family). */
  readonly forgetBias: number;
  /** Measure back from the sentence's last token, or from the current step. */
  readonly from: 'last' | 'current';
}

export interface ViewSlice {
  view: ViewName;
  lang: Lang;
  theme: Theme;
  embed: boolean;
  /** Presenter mode (`presenter=1`): larger text, fewer numbered units, for a big room. */
  presenter: boolean;
  hidden: readonly Panel[];
  /** Pass the arrow key to a parent slide deck at either end of the sentence. */
  deck: 'reveal' | null;
  /** Origins (besides our own) whose postMessage commands we accept and to which we post details. */
  origins: readonly string[];
  /** Units the cell diagram shows when the hidden size exceeds its rows (picked by hand), or
   *  null for the ones that changed most; the values table shows the same ones. */
  diagramUnits: readonly number[] | null;
  /** The kind in the unrolled view's comparison row (above the store's cell). */
  compareKind: CellKind;
  setCompareKind: (kind: CellKind) => void;
  flow: FlowSettings;
  setFlow: (change: Partial<FlowSettings>) => void;
  /** The translate view's step across encoder and decoder (`tstep=`), or null for its last one. */
  translateStep: number | null;
  setTranslateStep: (step: number | null) => void;
  /** Whether the translate view reads the encoder–decoder with attention (`attn=1`). */
  translateAttention: boolean;
  setTranslateAttention: (on: boolean) => void;
  setDiagramUnits: (units: readonly number[] | null) => void;
  /**
   * The guided lesson's chapter, 0-based (`lesson=` in a link is 1-based), or null when the
   * lesson is closed. The lesson is a layout over the same store: a chapter only calls actions.
   */
  lesson: number | null;
  setLesson: (chapter: number | null) => void;
  /** `textEdits` when the lesson was opened (0 for a link's lesson: opened with the page). */
  lessonOpenedAt: number;
  /**
   * The lesson presented to a class (`present=1`): projector-size type, each question shown
   * before its answer, which a key reveals. Means something only while the lesson is open.
   */
  present: boolean;
  setPresent: (present: boolean) => void;
  setHidden: (hidden: readonly Panel[]) => void;
  setView: (view: ViewName) => void;
  setLang: (lang: Lang) => void;
  setTheme: (theme: Theme) => void;
}

/** The lab's slice (labSlice.ts). */
/** What the slice needs of a Worker (a real one, or a test's fake). */
export interface LabPort {
  postMessage(c: LabCommand): void;
  onmessage: ((e: { data: LabEvent }) => void) | null;
  terminate(): void;
}
export type LabPortFactory = () => LabPort;

export interface LabRunState {
  readonly kind: CellKind;
  readonly seen: number;
  readonly divergedAt: number | null;
  readonly points: readonly LabPoint[];
  readonly probe: LabProbe | null;
}

export interface LabState {
  /** What the form shows; the runs restart whenever a valid change is made. */
  readonly settings: LabSettings;
  /** Start training as soon as the lab opens (`autostart=1`). */
  readonly autostart: boolean;
  /** off: no runs yet; ready: reset, nothing trained; stopped: by itself (see `stopped`). */
  readonly status: 'off' | 'ready' | 'running' | 'paused' | 'stopped';
  readonly runs: readonly [LabRunState, LabRunState] | null;
  readonly labels: readonly string[];
  /** What the held-out measure is, and its baseline (chance accuracy, or the error of next = current). */
  readonly metric: 'accuracy' | 'mse';
  readonly baseline: number | null;
  readonly heldout: number;
  /** Sequences per second per run. */
  readonly rate: number;
  readonly stopped: 'limit' | 'diverged' | null;
  readonly error: string | null;
}

export interface LabSlice {
  lab: LabState;
  /**
   * After "Use this model": the other run's weights at that moment, the unrolled view's
   * comparison row while the lab's model is on screen (an RNN beside the LSTM it trained with).
   */
  labPartner: Model | null;
  /** Changes settings; a task change takes that task's defaults (the two kinds stay). */
  setLabSettings: (change: Partial<LabSettings>) => void;
  /** Starts the worker and the runs, when the Train view opens. */
  labOpen: () => void;
  labStart: () => void;
  labPause: () => void;
  labToggle: () => void;
  labStep: () => void;
  labReset: () => void;
  /** The run's current weights as a model file (what Download saves). */
  labSnapshot: (run: 0 | 1) => Promise<{ file: Record<string, unknown>; seen: number }>;
  /** The run's current weights become the app's model, on the probe sentence, in the cell view. */
  labUse: (run: 0 | 1) => Promise<void>;
}

export type GatescopeState = ModelSlice & SequenceSlice & PlaybackSlice & ViewSlice & LabSlice;

/** What each slice is given to change and read the whole state (zustand's slices pattern). */
export type SetState = StoreApi<GatescopeState>['setState'];
export type GetState = StoreApi<GatescopeState>['getState'];
