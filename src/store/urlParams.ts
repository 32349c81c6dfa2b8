/**
 * One typed table of URL parameters drives both reading a deep link and writing the address bar
 * (the idea of TensorFlow Playground's state.ts). Each entry says how to parse its value, how to
 * read it from the state, and its default; a default is never written, so links stay short.
 * A bad value is dropped on its own with a notice; the rest of the link still applies.
 */
import { CELL_KINDS, MAX_LAYERS, type CellKind } from '../engine';
import { LAB_LIMITS, LAB_TASKS, LAB_TASK_DEFAULTS, labStartOf, labStarts, type LabSettings, type LabStart } from '../train/labSettings';
import { parseModelId } from './modelLoader';
import { kindOf } from './modelSlice';
import { safeModelPath } from './ownModel';
import { DEFAULTS, FORGET_BIAS, MAX_TEXT_CHARS, SPEEDS, defaultHidden } from './defaults';
import type { StoreOptions } from './options';
import { flag, isOrigin, listOf, numberIn, oneOf, spec, type Parsed, type Refusal } from './paramParsers';
import { MAX_TOKENS } from '../text/tokenize';
import { linkParams, packFragment } from './linkFragment';
import { LANGS, THEMES } from '../shared/prefs';
import { MODEL_TASKS, PANELS, type GatescopeState, type Panel, type ViewName } from './types';

/** How many chapters the lesson has (src/lesson/chapters.ts checks its list against it). */
export const LESSON_CHAPTERS = 14;

export const VIEWS: readonly ViewName[] = ['cell', 'unrolled', 'heatmap', 'gradient', 'train', 'translate'];

export interface UrlNotice {
  readonly param: string;
  readonly value: string;
  readonly reason: Refusal;
  /** What the parameter accepts, as text, where that is a short list or a range. */
  readonly allowed?: string;
}

/** What a model id looks like, said in a refusal of `model=`. */
const MODEL_ID_FORM = `<task>-<cell>, e.g. sentiment-lstm; tasks ${MODEL_TASKS.filter((t) => t !== 'demo').join(', ')}, demo; cells ${CELL_KINDS.join(', ')}`;

const URL_PARAMS = [
  spec({
    key: 'text',
    option: 'text',
    parse: (raw) => (raw.length > MAX_TEXT_CHARS ? { ok: false, reason: 'tooLong', allowed: `up to ${MAX_TEXT_CHARS} characters` } : { ok: true, value: raw }),
    write: (s) => (s.text === DEFAULTS.text ? null : s.text),
  }),
  spec({
    key: 'cell',
    option: 'kind',
    parse: oneOf<CellKind>(CELL_KINDS),
    write: (s) => (kindOf(s) === DEFAULTS.kind ? null : kindOf(s)),
  }),
  spec({
    // model=sentiment-lstm: a trained model, loaded when the page opens; it also sets the cell.
    key: 'model',
    option: 'model',
    parse: (raw) => (parseModelId(raw) ? { ok: true, value: raw } : { ok: false, reason: 'unknown', allowed: MODEL_ID_FORM }),
    write: (s) => (s.task === 'demo' || s.origin ? null : s.model.id),
  }),
  spec({
    // weights=models/examples/tiny-pytorch-lstm.json: your own model file, on this site only.
    key: 'weights',
    option: 'weights',
    parse: (raw) => (safeModelPath(raw) !== null ? { ok: true, value: raw } : { ok: false, reason: 'badPath' }),
    write: (s) => (s.origin?.from === 'url' ? s.origin.name : null),
  }),
  spec({
    key: 't',
    option: 't',
    parse: (raw) => {
      if (!/^\d{1,6}$/.test(raw)) return { ok: false, reason: 'notANumber', allowed: 'a step number: 0, 1, 2, …' };
      return { ok: true, value: Number(raw) };
    },
    write: (s) => (s.t === DEFAULTS.t ? null : String(s.t)),
  }),
  spec({
    // layer=2: the second layer of a stacked model, counted from the bottom as people say it.
    key: 'layer',
    option: 'layer',
    parse: (raw) => {
      const r = numberIn(1, MAX_LAYERS, 1)(raw);
      return r.ok ? { ok: true, value: r.value - 1 } : r;
    },
    write: (s) => (s.layer === DEFAULTS.layer ? null : String(s.layer + 1)),
  }),
  spec({ key: 'view', option: 'view', parse: oneOf(VIEWS), write: (s) => (s.view === DEFAULTS.view ? null : s.view) }),
  spec({ key: 'lang', option: 'lang', parse: oneOf(LANGS), write: (s) => (s.lang === DEFAULTS.lang ? null : s.lang) }),
  spec({ key: 'theme', option: 'theme', parse: oneOf(THEMES), write: (s) => (s.theme === DEFAULTS.theme ? null : s.theme) }),
  spec({
    key: 'embed',
    option: 'embed',
    parse: flag,
    write: (s) => (s.embed ? '1' : null),
  }),
  spec({
    // presenter=1: for the back of a big room, in a slide or on the page.
    key: 'presenter',
    option: 'presenter',
    parse: flag,
    write: (s) => (s.presenter === DEFAULTS.presenter ? null : s.presenter ? '1' : '0'),
  }),
  spec({
    key: 'hide',
    option: 'hidden',
    parse: (raw) => listOf((n) => (PANELS as readonly string[]).includes(n), PANELS)(raw) as Parsed<Panel[]>,
    write: (s) => {
      const d = defaultHidden(s.embed);
      const same = d.length === s.hidden.length && d.every((p) => s.hidden.includes(p));
      return same ? null : s.hidden.join(',') || '';
    },
  }),
  spec({
    key: 'deck',
    option: 'deck',
    parse: (raw) => (raw === 'reveal' ? { ok: true, value: 'reveal' as const } : { ok: false, reason: 'unknown' }),
    write: (s) => s.deck,
  }),
  spec({
    key: 'origins',
    option: 'origins',
    parse: listOf(isOrigin),
    write: (s) => (s.origins.length ? s.origins.join(',') : null),
  }),
  spec({
    key: 'speed',
    option: 'speed',
    // One of the speeds the control offers; a speed set otherwise (a host, a script) is not linked.
    parse: (raw) => {
      const r = numberIn(0, 1000, 0.25)(raw);
      return r.ok && !(SPEEDS as readonly number[]).includes(r.value) ? { ok: false, reason: 'notAllowed', allowed: SPEEDS.join(', ') } : r.ok ? r : { ...r, allowed: SPEEDS.join(', ') };
    },
    write: (s) => (s.speed === DEFAULTS.speed || !(SPEEDS as readonly number[]).includes(s.speed) ? null : String(s.speed)),
  }),
  spec({
    // compare=gru: the unrolled view's comparison row (RNN by default, as in colah's essay).
    key: 'compare',
    option: 'compareKind',
    parse: oneOf<CellKind>(CELL_KINDS),
    write: (s) => (s.compareKind === DEFAULTS.compareKind ? null : s.compareKind),
  }),
  spec({
    key: 'fillers',
    option: 'fillers',
    parse: numberIn(0, MAX_TOKENS, 1),
    write: (s) => (s.flow.fillers === DEFAULTS.flow.fillers ? null : String(s.flow.fillers)),
  }),
  spec({
    key: 'bias',
    option: 'forgetBias',
    parse: numberIn(FORGET_BIAS.min, FORGET_BIAS.max, FORGET_BIAS.step),
    write: (s) => (s.flow.forgetBias === DEFAULTS.flow.forgetBias ? null : String(s.flow.forgetBias)),
  }),
  spec({
    key: 'from',
    option: 'flowFrom',
    parse: oneOf(['last', 'current'] as const),
    write: (s) => (s.flow.from === DEFAULTS.flow.from ? null : s.flow.from),
  }),
  spec({
    // tstep=12: the translate view's step, 0-based across both sides (encoder steps first).
    key: 'tstep',
    option: 'translateStep',
    parse: numberIn(0, 4 * MAX_TOKENS, 1),
    write: (s) => (s.translateStep === DEFAULTS.translateStep ? null : String(s.translateStep)),
  }),
  spec({
    // attn=1: the translate view's encoder–decoder with attention (translate-attn-<kind>).
    key: 'attn',
    option: 'translateAttention',
    parse: flag,
    write: (s) => (s.translateAttention === DEFAULTS.translateAttention ? null : s.translateAttention ? '1' : '0'),
  }),
  spec({
    // lesson=3: the guided lesson at its third chapter (1-based, as the chapter list numbers them).
    key: 'lesson',
    option: 'lesson',
    parse: (raw) => {
      const r = numberIn(1, LESSON_CHAPTERS, 1)(raw);
      return r.ok ? { ok: true, value: r.value - 1 } : r;
    },
    write: (s) => (s.lesson === null ? null : String(s.lesson + 1)),
  }),
  spec({
    // present=1: the lesson presented to a class (written only while the lesson is open).
    key: 'present',
    option: 'present',
    parse: flag,
    write: (s) => (s.present && s.lesson !== null ? '1' : null),
  }),
  ...labParams(),
] as const;

/**
 * The training lab's settings: `lab=memory|sentiment` (the task), `kinds=rnn,lstm`, `gap`,
 * `hidden`, `lr`, `batch`, `seed`, `keep` (the keep-gate bias), `starts=orthogonal,keep` (each
 * run's start, in the order of `kinds`; checked against the kinds by labProblems) and `autostart=1`. A setting
 * equal to its task's default is not written. They all go into one StoreOptions field, `lab`.
 */
function labParams() {
  type Num = 'gap' | 'hidden' | 'batch' | 'seed' | 'keepBias';
  const defaults = (s: GatescopeState) => LAB_TASK_DEFAULTS[s.lab.settings.task];
  const into = <K extends keyof LabSettings>(key: K, r: Parsed<LabSettings[K]>): Parsed<Partial<LabSettings>> => (r.ok ? { ok: true, value: { [key]: r.value } as Partial<LabSettings> } : r);
  const num = (param: string, key: Num) =>
    spec({
      key: param,
      option: 'lab',
      merge: true,
      parse: (raw) => into(key, numberIn(LAB_LIMITS[key].min, LAB_LIMITS[key].max, LAB_LIMITS[key].step)(raw)),
      write: (s) => (s.lab.settings[key] === defaults(s)[key] ? null : String(s.lab.settings[key])),
    });
  return [
    spec({
      key: 'lab',
      option: 'lab',
      merge: true,
      parse: (raw) => into('task', oneOf(LAB_TASKS)(raw)),
      write: (s) => (s.lab.settings.task === DEFAULTS.labTask ? null : s.lab.settings.task),
    }),
    spec({
      key: 'kinds',
      option: 'lab',
      merge: true,
      parse: (raw) => {
        const ks = raw.split(',');
        const ok = ks.length === 2 && ks.every((k) => (CELL_KINDS as readonly string[]).includes(k)) && ks[0] !== ks[1];
        return ok ? { ok: true, value: { kinds: ks as unknown as LabSettings['kinds'] } } : { ok: false, reason: 'notAllowed', allowed: `two different of ${CELL_KINDS.join(', ')}` };
      },
      write: (s) => (s.lab.settings.kinds.join(',') === defaults(s).kinds.join(',') ? null : s.lab.settings.kinds.join(',')),
    }),
    spec({
      key: 'starts',
      option: 'lab',
      merge: true,
      parse: (raw) => {
        const all = [...new Set(CELL_KINDS.flatMap(labStarts))];
        const ss = raw.split(',');
        const ok = ss.length === 2 && ss.every((x) => (all as string[]).includes(x));
        return ok ? { ok: true, value: { starts: ss as unknown as readonly [LabStart, LabStart] } } : { ok: false, reason: 'notAllowed', allowed: `two of ${all.join(', ')}` };
      },
      write: (s) => {
        const st = [labStartOf(s.lab.settings, 0), labStartOf(s.lab.settings, 1)];
        const first = s.lab.settings.kinds.map((k) => labStarts(k)[0]);
        return st.join(',') === first.join(',') ? null : st.join(',');
      },
    }),
    num('gap', 'gap'),
    num('hidden', 'hidden'),
    spec({
      key: 'lr',
      option: 'lab',
      merge: true,
      parse: (raw) => {
        if (!/^\d{1,2}(\.\d{1,6})?$/.test(raw)) return { ok: false, reason: 'badNumber' };
        const v = Number(raw);
        const { min, max } = LAB_LIMITS.lr;
        return v < min || v > max ? { ok: false, reason: 'notAllowed', allowed: `${min}…${max}` } : { ok: true, value: { lr: v } };
      },
      write: (s) => (s.lab.settings.lr === defaults(s).lr ? null : String(s.lab.settings.lr)),
    }),
    num('batch', 'batch'),
    num('seed', 'seed'),
    num('keep', 'keepBias'),
    spec({
      key: 'autostart',
      option: 'labAutostart',
      parse: (raw) => (raw === '1' ? { ok: true, value: true } : raw === '0' ? { ok: true, value: false } : { ok: false, reason: 'unknown' }),
      write: (s) => (s.lab.autostart ? '1' : null),
    }),
  ];
}

/** A link's settings: its query's, and those its fragment carries (a long sentence, linkFragment.ts). */
export function parseUrlParams(search: string, hash = ''): { options: StoreOptions; notices: UrlNotice[] } {
  const { params: q, damaged } = linkParams(search, hash);
  const options: StoreOptions = {};
  const notices: UrlNotice[] = damaged === null ? [] : [{ param: '#', value: damaged, reason: 'damaged' }];
  for (const p of URL_PARAMS) {
    const raw = q.get(p.key);
    if (raw === null) continue;
    const r = p.parse(raw);
    if (r.ok) {
      const o = options as Record<string, unknown>;
      // Several parameters fill one object option (the lab's settings), each its own field.
      o[p.option] = 'merge' in p && p.merge ? { ...(o[p.option] as object | undefined), ...(r.value as object) } : r.value;
      if (r.dropped) notices.push({ param: p.key, value: r.dropped.length > 40 ? `${r.dropped.slice(0, 40)}…` : r.dropped, reason: 'unknown', ...(r.allowed ? { allowed: r.allowed } : {}) });
    } else notices.push({ param: p.key, value: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw, reason: r.reason, ...(r.allowed ? { allowed: r.allowed } : {}) });
  }
  return { options, notices };
}

/**
 * What a bare address opens: a trained model on a sentence where something happens (the
 * sentiment LSTM at "not" in "the movie was not good": its hidden state flips there). A reader
 * whose page is in Chinese gets the Chinese sentiment LSTM at 不 in 这部电影不好看, the same moment
 * in their language. A link that names a sentence, a model, a cell or a file opens exactly that
 * instead; the other parameters (language, theme, view, embed…) apply to the welcome as well.
 */
export const WELCOME = { model: 'sentiment-lstm', text: 'the movie was not good', t: 3 } as const;
export const WELCOME_ZH = { model: 'sentiment-zh-lstm', text: '这部电影不好看', t: 4 } as const;

/** `options.lang` is the page's language (the link's, else the reader's: readerPrefs.ts withReader). */
export function withWelcome(options: StoreOptions, search: string, hash = ''): StoreOptions {
  // Named even when the value was refused (a bad weights= gets its notice, not the welcome).
  const q = linkParams(search, hash).params;
  // A lesson chapter sets its own model and sentence: the welcome would only load one to drop it.
  const named = ['text', 'model', 'weights', 'cell', 't', 'lesson'].some((k) => q.has(k));
  const w = options.lang === 'zh' ? WELCOME_ZH : WELCOME;
  return named ? options : { ...options, model: w.model, text: w.text, t: w.t };
}

/** A step past the sentence's end is reported once the sentence is known. */
export function stepNotice(requested: number | undefined, tokenCount: number): UrlNotice | null {
  if (requested === undefined || tokenCount === 0 || requested < tokenCount) return null;
  return { param: 't', value: String(requested), reason: 'outOfRange' };
}

/**
 * The longest query a link carries, in characters as encoded. Static hosts refuse long request
 * lines (nginx's default buffer is 8 KB, Apache's 8,190 bytes; a 5,000-character Chinese text
 * encodes to 45,000): above 4,000 the sentence and its step move to the fragment.
 */
const MAX_LINK_QUERY = 4000;

/** The parameters, in the table's order, with the value each writes (null: the default, left out). */
function entriesOf(s: GatescopeState): Array<[string, string]> {
  return URL_PARAMS.flatMap((p) => {
    const v = p.write(s);
    return v === null ? [] : [[p.key, v] as [string, string]];
  });
}

const search = (entries: Array<[string, string]>) => {
  const str = new URLSearchParams(entries).toString();
  return str ? `?${str}` : '';
};

/**
 * The link's query and fragment. A short state is all query (`?text=…&t=3`), readable and
 * editable by hand; when the sentence makes the query longer than MAX_LINK_QUERY, the sentence
 * and its step go in the fragment, compressed (`?cell=gru#gs=…`), so every link reopens the
 * reader's own sentence and any host still serves it.
 */
export function linkQuery(s: GatescopeState): { query: string; hash: string } {
  const all = entriesOf(s);
  const full = search(all);
  if (full.length <= MAX_LINK_QUERY) return { query: full, hash: '' };
  const long = (k: string) => k === 'text' || k === 't';
  return { query: search(all.filter(([k]) => !long(k))), hash: packFragment(new URLSearchParams(all.filter(([k]) => long(k)))) };
}

/** The link's query and fragment, as one string to put after the path. */
export function writeUrlParams(s: GatescopeState): string {
  const { query, hash } = linkQuery(s);
  return query + hash;
}
