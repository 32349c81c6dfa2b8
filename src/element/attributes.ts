/**
 * A `<gate-scope>` element's attributes, read into the store's options. The attributes that a
 * link also has are read by the app's one table of link parameters (store/urlParams.ts), so an
 * attribute takes exactly what the same link parameter takes; only the element's own two,
 * `controls` and `autoplay`, are read here. The element's `kind` is the link's `cell`.
 */
import type { StoreOptions } from '../store/options';
import type { Panel } from '../store/types';
import { parseUrlParams } from '../store/urlParams';

/** The attributes that mirror a link parameter, in the order a page usually writes them. */
const LINKED = ['model', 'kind', 'text', 't', 'view', 'lang', 'theme', 'hide'] as const;
/** The link parameter each of those is read as, where its name differs. */
const PARAM_OF: Readonly<Record<string, string>> = { kind: 'cell' };

const CONTROLS = ['none', 'step', 'full'] as const;
type ControlsChoice = (typeof CONTROLS)[number];

/** Every attribute the element watches (`base`: where the models are, see GateScope.tsx). */
export const ATTRIBUTES = [...LINKED, 'controls', 'autoplay', 'base'] as const;

/**
 * What each `controls` choice shows beside the figure: `none` the figure alone, `step` the
 * tokens and the step buttons (a slide's default), `full` also the sentence, the cell and model
 * pickers, the view tabs and the values table. `hide=` hides more on top.
 */
const HIDDEN_BY_CONTROLS: Readonly<Record<ControlsChoice, readonly Panel[]>> = {
  none: ['header', 'input', 'cells', 'tokens', 'controls', 'info', 'tabs', 'table'],
  step: ['header', 'input', 'cells', 'info', 'tabs', 'table'],
  full: ['header'],
};

export interface AttributeProblem {
  readonly attribute: string;
  readonly value: string;
  /** What the attribute takes, as text ("none, step, full"). */
  readonly allowed: string;
}

export interface ElementSettings {
  /** The store's options: the linked attributes, in embed mode, with the panels to hide. */
  readonly options: StoreOptions;
  readonly controls: ControlsChoice;
  readonly autoplay: boolean;
  readonly problems: readonly AttributeProblem[];
}

const attributeOf = (param: string): string => Object.keys(PARAM_OF).find((a) => PARAM_OF[a] === param) ?? param;

/** A boolean attribute: present (empty, or true/1) is on; false/0 is off. */
function onOff(raw: string | null): boolean | null {
  if (raw === null || raw === 'false' || raw === '0') return false;
  // `autoplay="autoplay"` is how XHTML and some templating tools write a boolean attribute.
  return raw === '' || raw === 'true' || raw === '1' || raw === 'autoplay' ? true : null;
}

export function readAttributes(get: (name: string) => string | null): ElementSettings {
  const q = new URLSearchParams();
  for (const a of LINKED) {
    const v = get(a);
    if (v !== null) q.set(PARAM_OF[a] ?? a, v);
  }
  const { options, notices } = parseUrlParams(q.toString());
  const problems: AttributeProblem[] = notices.map((n) => ({ attribute: attributeOf(n.param), value: n.value, allowed: n.allowed ?? '' }));

  const rawControls = get('controls');
  let controls: ControlsChoice = 'step';
  if (rawControls !== null) {
    if ((CONTROLS as readonly string[]).includes(rawControls)) controls = rawControls as ControlsChoice;
    else problems.push({ attribute: 'controls', value: rawControls, allowed: CONTROLS.join(', ') });
  }
  const autoplay = onOff(get('autoplay'));
  if (autoplay === null) problems.push({ attribute: 'autoplay', value: get('autoplay') ?? '', allowed: 'present or absent; true, false, 1, 0' });

  const hidden = [...new Set([...HIDDEN_BY_CONTROLS[controls], ...(options.hidden ?? [])])];
  return { options: { ...options, embed: true, hidden }, controls, autoplay: autoplay ?? false, problems };
}
