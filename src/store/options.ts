/**
 * What `createGatescopeStore` is given: a link's parameters (urlParams.ts fills these) and the
 * seams tests use to fake the network, the clock, workers and file readers. Its own file so that
 * the slices and urlParams.ts can name it without importing store.ts, which imports them.
 */
import type { CellKind } from '../engine';
import type { LabSettings } from '../train/labSettings';
import type { ModelFetcher } from './modelLoader';
import type { BinaryModelReader, ModelReader } from './modelReader';
import type { FileFetcher } from './ownModel';
import type { Scheduler } from './timer';
import type { FlowSettings, LabPortFactory, Lang, Panel, Theme, ViewName } from './types';

export interface StoreOptions {
  text?: string;
  kind?: CellKind;
  /** A trained model to load at start (`sentiment-lstm`); it also sets the cell kind. */
  model?: string;
  /**
   * When to start downloading the start's model (`model`, `weights`): at once by default. A lesson
   * link starts it once the chapter's text is on screen (main.tsx), so the text is not drawn
   * while a large file takes the network.
   */
  firstLoadAfter?: Promise<unknown>;
  /** How model files are fetched (tests pass a fake). */
  fetchModel?: ModelFetcher;
  /** How the translate view's encoder–decoder files are fetched, by kind (tests pass a fake). */
  fetchSeq2Seq?: (kind: CellKind, attention: boolean) => Promise<unknown>;
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
  presenter?: boolean;
  hidden?: readonly Panel[];
  deck?: 'reveal' | null;
  origins?: readonly string[];
  speed?: number;
  compareKind?: CellKind;
  fillers?: number;
  forgetBias?: number;
  flowFrom?: FlowSettings['from'];
  translateStep?: number;
  /** The translate view's model with attention (`attn=1`). */
  translateAttention?: boolean;
  /** The lesson's chapter, 0-based (`lesson=` is 1-based). */
  lesson?: number;
  /** The lesson presented to a class (`present=1`). */
  present?: boolean;
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
