/**
 * What a handout says beside its figure, read from the state at the moment it is made: the
 * sentence, the step (the status line's own words), the model and the cell's equations at this
 * step with one unit's numbers (the unit the diagram draws first: the reader's pick, else the one
 * that changed most; numbered from 1, as the page numbers units), in the page's language.
 */
import { stackOf } from '../../engine';
import type { Translate } from '../../i18n';
import type { Lang } from '../../shared/prefs';
import { kindOf } from '../../store/store';
import type { GatescopeState } from '../../store/types';
import { shortToken } from '../../text/visible';
import { unitsThatChangedMost } from '../../viz/diagramVectors';
import { cellEquations, type HandoutEquation } from '../../viz/handoutText';

export interface HandoutText {
  readonly title: string;
  /** The lines under the title: the sentence, the step, the model. */
  readonly lines: readonly string[];
  readonly equationsTitle: string;
  readonly equations: readonly HandoutEquation[];
  readonly footer: string;
  readonly lang: Lang;
}

/** A sentence longer than this is cut with "…" on the page (the figure shows its steps anyway). */
const SENTENCE_CHARS = 160;
const TOKEN_CHARS = 40;

export function handoutText(s: GatescopeState, t: Translate, link: string): HandoutText {
  const kind = t(`kind.${kindOf(s)}`);
  const layers = stackOf(s.model);
  const params = layers[s.layer] ?? s.model.cell;
  const trace = s.history[s.t];
  const tok = s.embedded[s.t];
  const step = tok ? t(tok.unknown ? 'stepStatusUnknown' : 'stepStatus', { t: s.t, last: s.tokens.length - 1, token: shortToken(tok.token, TOKEN_CHARS) }) : t('noSteps');
  const model = t('handout.model', { model: s.model.id, kind }) + (layers.length > 1 ? ` · ${t('handout.layer', { layer: s.layer + 1, layers: layers.length })}` : '');
  // The translate and train views step cells of their own: the page's trace is not what they show.
  const own = s.view === 'translate' || s.view === 'train';
  const unit = trace ? (s.diagramUnits?.find((u) => u < params.hiddenSize) ?? unitsThatChangedMost(trace, 1)[0]!) : 0;
  const equations = trace && !own && trace.kind === params.kind ? cellEquations(trace, params, unit) : [];
  return {
    title: t('diag.title', { kind, t: s.t }),
    lines: [t('handout.sentence', { text: shortToken(s.text, SENTENCE_CHARS) }), step, model],
    equationsTitle: equations.length ? t('handout.equations', { unit: unit + 1 }) : t('handout.noEquations'),
    equations,
    footer: t('handout.footer', { link }),
    lang: s.lang,
  };
}
