/**
 * What the lesson's screen, its presenter mode and its printed form share: the lesson's strings,
 * how a chapter's state and a question's reveal are put on the store (with the actions a reader's
 * clicks would call), and how an answer is written out.
 */
import { useMemo } from 'react';
import { enLesson, type LessonKey } from '../../i18n/en-lesson';
import { zhLesson } from '../../i18n/zh-lesson';
import type { ChapterState } from '../../lesson/chapters';
import type { QuestionDef, Reveal, Solution } from '../../lesson/questions';
import { settled, type GatescopeStore } from '../../store/store';
import { useGatescope } from '../StoreContext';

export type LT = (key: LessonKey, vars?: Readonly<Record<string, string | number>>) => string;

export function useLT(): LT {
  const lang = useGatescope((s) => s.lang);
  return useMemo(() => {
    const dict: Record<LessonKey, string> = lang === 'zh' ? zhLesson : enLesson;
    return (key, vars) => {
      let s: string = dict[key];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
      return s;
    };
  }, [lang]);
}

/** An answer: an option's id, or a number (an estimate). */
export type Answer = string | number;

/**
 * Puts the app in a chapter's state, with the actions a reader's clicks would call. A sentence
 * the reader typed in its box after `since` (a count of their edits, the store's `textEdits`;
 * by default now) is theirs: it is kept, and so is their step. The lesson passes the count from
 * when it was opened for its first chapter, since a chapter link's page is usable before the
 * lesson's code lands; and a sentence typed while the chapter's model loads is kept the same way.
 */
export async function applyState(store: GatescopeStore, st: ChapterState, since = store.getState().textEdits) {
  const typed = () => store.getState().textEdits !== since;
  const s = store.getState();
  if (!typed() && s.text !== st.text) s.setText(st.text);
  // The page's own opening load (a chapter link's model, started once the text is drawn) is
  // waited for, not started a second time.
  if (s.opening === st.model) await untilSettled(store);
  else if (s.model.id !== st.model) await s.loadModel(st.model);
  const now = store.getState();
  const kept = typed();
  // (A series model landing brings its own text: the chapter's goes back over it.)
  if (!kept && now.text !== st.text) now.setText(st.text);
  now.setView(st.view);
  if (st.compareKind) now.setCompareKind(st.compareKind);
  now.setFlow({ fillers: st.flow?.fillers ?? 0, forgetBias: st.flow?.forgetBias ?? 0, from: 'last' });
  now.setDiagramUnits(st.units ?? null);
  if (st.view === 'translate') {
    now.setTranslateAttention(st.attention ?? false);
    now.setTranslateStep(kept ? null : (st.translateStep ?? null));
  }
  if (!kept) now.goTo(st.t);
}

function untilSettled(store: GatescopeStore): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!settled(store.getState())) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

export function applyReveal(store: GatescopeStore, r: Reveal) {
  const s = store.getState();
  if (r.view) s.setView(r.view);
  if (r.flow) s.setFlow(r.flow);
  if (r.units) s.setDiagramUnits(r.units);
  if (r.labGap !== undefined) s.setLabSettings({ gap: r.labGap });
  if (r.text !== undefined && s.text !== r.text) s.setText(r.text);
  if (r.attention !== undefined) s.setTranslateAttention(r.attention);
  if (r.translateStep !== undefined) s.setTranslateStep(r.translateStep);
  if (r.t !== undefined) s.goTo(r.t);
}

/** An exponent as it is printed (10⁻³), in screen readers' text too. */
const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const superscript = (n: number) => [...String(n)].map((c) => SUP[c] ?? c).join('');

/**
 * An answer as the reader reads it: the option's words, or the estimate's number (a power of ten
 * at the slider's nearest step: the engine's exact exponent, 10^−0.32, is in the explanation).
 */
export function answerLabel(q: QuestionDef, sol: Solution, a: Answer, lt: LT): string {
  if (typeof a === 'number' && q.id === 'biasEstimate') {
    const step = q.input.type === 'estimate' ? q.input.step : 1;
    return lt('lesson.power', { p: superscript(Math.round(a / step) * step) });
  }
  if (typeof a === 'number') return String(Math.round(a * 100) / 100);
  return lt(`q.${q.id}.${a}` as LessonKey, sol.ask);
}
