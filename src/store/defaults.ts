/**
 * Every default of the app's state, in one place: the store starts from these, and a link
 * (urlParams.ts) leaves out a parameter whose value equals its default, so links stay short.
 * A default written anywhere else would let the two drift apart, and a link would then change
 * what it opens.
 */
import { BASELINE_KIND, type CellKind, DEFAULT_KIND } from '../engine';
import { LAB_DEFAULTS } from '../train/labSettings';
import type { FlowSettings, Lang, Panel, Theme, ViewName } from './types';

interface Defaults {
  readonly text: string;
  /** The cell of the demo model when a link names neither a cell nor a model. */
  readonly kind: CellKind;
  readonly t: number;
  readonly layer: number;
  /** Steps per second. */
  readonly speed: number;
  readonly view: ViewName;
  readonly lang: Lang;
  readonly theme: Theme;
  readonly embed: boolean;
  /** Larger text and fewer units drawn with numbers, for the back of a big room (`presenter=1`). */
  readonly presenter: boolean;
  readonly deck: 'reveal' | null;
  readonly origins: readonly string[];
  /** The unrolled view's comparison row: a plain RNN, as in colah's essay. */
  readonly compareKind: CellKind;
  readonly flow: FlowSettings;
  /** None: the translate view shows its last step. */
  readonly translateStep: null;
  /** The translate view's plain encoder–decoder, the bottleneck first (`attn=1`: with attention). */
  readonly translateAttention: boolean;
  /** The lab's task when the link names none (its other settings are that task's defaults). */
  readonly labTask: typeof LAB_DEFAULTS.task;
}

export const DEFAULTS: Defaults = {
  text: 'the clouds are in the sky',
  kind: DEFAULT_KIND,
  t: 0,
  layer: 0,
  speed: 2,
  view: 'cell',
  lang: 'en',
  theme: 'light',
  embed: false,
  presenter: false,
  deck: null,
  origins: [],
  compareKind: BASELINE_KIND,
  flow: { fillers: 0, forgetBias: 0, from: 'last' },
  translateStep: null,
  translateAttention: false,
  labTask: LAB_DEFAULTS.task,
};

/** In a slide, only the chosen view, the tokens and the controls: no title, inputs or table. */
const EMBED_HIDDEN: readonly Panel[] = ['header', 'input', 'cells', 'info', 'tabs', 'table'];

/** The hidden panels follow embed mode unless `hide=` says otherwise. */
export function defaultHidden(embed: boolean): readonly Panel[] {
  return embed ? EMBED_HIDDEN : [];
}

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 30;
/** Playback speeds the speed control offers (steps per second); `speed=` takes one of these. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
/** The gradient view's forget-bias knob: its range and step. */
export const FORGET_BIAS = { min: -4, max: 8, step: 0.5 } as const;
/** Text past this many characters is cut before tokenizing, so a pasted book cannot freeze the page. */
export const MAX_TEXT_CHARS = 5000;
