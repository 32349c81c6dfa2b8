/**
 * The guided lesson: chapters of text beside the live figure. A chapter puts the app in a named
 * state through the store's own actions (model, sentence, step, view…), then the reader can use
 * every control; a question is answered first, then the figure moves to the state that shows the
 * answer. Loaded on demand (App.tsx's lazy import), with its own strings, so the first screen's
 * download does not grow.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { Model } from '../../engine';
import { enLesson, type LessonKey } from '../../i18n/en-lesson';
import { zhLesson } from '../../i18n/zh-lesson';
import { CHAPTERS, type ChapterState } from '../../lesson/chapters';
import { LESSON_KEY, parseProgress, type Progress } from '../../lesson/progress';
import { isRight, questionById, type QuestionDef, type Reveal, type Solution } from '../../lesson/questions';
import type { GatescopeStore } from '../../store/store';
import type { LearnData } from '../../viz/learnChart';
import { MathText } from '../diagram/MathText';
import { fetchLearnReport } from '../learnReport';
import { useGatescope, useGatescopeStore } from '../StoreContext';
import './lesson.css';

type LT = (key: LessonKey, vars?: Readonly<Record<string, string | number>>) => string;

function useLT(): LT {
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

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function loadProgress(): Progress {
  return parseProgress(storage()?.getItem(LESSON_KEY) ?? null, CHAPTERS.length);
}

function saveProgress(p: Progress) {
  try {
    storage()?.setItem(LESSON_KEY, JSON.stringify(p));
  } catch {
    /* full or refused: progress lasts this visit only */
  }
}

/** Puts the app in a chapter's state, with the actions a reader's clicks would call. */
async function applyState(store: GatescopeStore, st: ChapterState) {
  const s = store.getState();
  if (s.text !== st.text) s.setText(st.text);
  if (s.model.id !== st.model) await s.loadModel(st.model);
  const now = store.getState();
  if (now.text !== st.text) now.setText(st.text);
  now.setView(st.view);
  if (st.compareKind) now.setCompareKind(st.compareKind);
  now.setFlow({ fillers: st.flow?.fillers ?? 0, forgetBias: st.flow?.forgetBias ?? 0, from: 'last' });
  now.setDiagramUnits(st.units ?? null);
  now.goTo(st.t);
}

function applyReveal(store: GatescopeStore, r: Reveal) {
  const s = store.getState();
  if (r.view) s.setView(r.view);
  if (r.flow) s.setFlow(r.flow);
  if (r.units) s.setDiagramUnits(r.units);
  if (r.labGap !== undefined) s.setLabSettings({ gap: r.labGap });
  if (r.t !== undefined) s.goTo(r.t);
}

const isField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || ['radio', 'slider', 'tab', 'application', 'grid'].includes(el.getAttribute('role') ?? ''));

export default function Lesson() {
  const lt = useLT();
  const store = useGatescopeStore();
  const chapter = useGatescope((s) => s.lesson) ?? 0;
  const setLesson = useGatescope((s) => s.setLesson);
  const ch = CHAPTERS[Math.min(chapter, CHAPTERS.length - 1)]!;
  const [progress, setProgress] = useState<Progress>(loadProgress);
  const [report, setReport] = useState<LearnData | null>(null);
  // The model this chapter's questions are asked of: caught once the chapter's state has landed,
  // and kept, so that a reader who then switches the kind does not change the question under them.
  const [asked, setAsked] = useState<{ chapter: number; model: Model } | null>(null);
  const model = useGatescope((s) => s.model);
  const loading = useGatescope((s) => s.loading);
  const text = useGatescope((s) => s.text);

  useEffect(() => {
    if (ch.state) void applyState(store, ch.state);
    setAsked(null);
    setProgress((p) => {
      const next = { ...p, chapter };
      saveProgress(next);
      return next;
    });
  }, [ch, chapter, store]);

  useEffect(() => {
    if (ch.questions.includes('rnnLearns')) void fetchLearnReport().then(setReport);
  }, [ch]);

  useEffect(() => {
    if (asked?.chapter === chapter || !ch.state) return;
    if (loading === null && model.id === ch.state.model && text === ch.state.text) setAsked({ chapter, model });
  }, [asked, chapter, ch, loading, model, text]);

  const go = useCallback((k: number) => setLesson(Math.max(0, Math.min(CHAPTERS.length - 1, k))), [setLesson]);

  // PageUp/PageDown change chapter from anywhere outside a field; ←/→ only from the text (the
  // figure's own keys step the sentence: articleKeys below keeps them from reaching it).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isField(e.target)) return;
      if (e.key === 'PageDown' || e.key === 'PageUp') {
        e.preventDefault();
        go((store.getState().lesson ?? 0) + (e.key === 'PageDown' ? 1 : -1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, store]);
  const articleKeys = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isField(e.target)) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      e.stopPropagation();
      go(chapter + (e.key === 'ArrowRight' ? 1 : -1));
    }
  };

  const answer = (id: string, a: string | number | null) => {
    setProgress((p) => {
      const answers = { ...p.answers };
      if (a === null) delete answers[id];
      else answers[id] = a;
      const next = { ...p, answers };
      saveProgress(next);
      return next;
    });
  };
  const startOver = () => {
    const next = { chapter: 0, answers: {} };
    saveProgress(next);
    setProgress(next);
    go(0);
  };

  const ready = asked?.chapter === chapter && ch.state !== null;
  // A question's link (#q-<id>): its question exists only once the chapter's model has landed,
  // after the browser looked for the anchor, so it is scrolled to here.
  useEffect(() => {
    if (!ready) return;
    const id = window.location.hash.slice(1);
    if (id.startsWith('q-')) document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
  }, [ready]);
  const ctx = ready && ch.state ? { model: asked.model, text: ch.state.text, report } : null;
  const link = (k: number) => `?lesson=${k + 1}${store.getState().lang === 'zh' ? '&lang=zh' : ''}`;
  const titleId = useId();
  const paragraphs = lt(`ch.${ch.id}.body` as LessonKey).split('\n\n');
  const firstQuestion = CHAPTERS.slice(0, chapter).reduce((n, c) => n + c.questions.length, 0);

  return (
    <>
      <nav className="lesson-nav" aria-label={lt('lesson.chapters')}>
        <ol>
          {CHAPTERS.map((c, k) => (
            <li key={c.id}>
              <a
                href={link(k)}
                aria-current={k === chapter ? 'page' : undefined}
                title={lt(`ch.${c.id}.title` as LessonKey)}
                onClick={(e) => {
                  e.preventDefault();
                  go(k);
                }}
              >
                <span aria-hidden="true">{k + 1}</span>
                <span className="visually-hidden">{`${k + 1}. ${lt(`ch.${c.id}.title` as LessonKey)}`}</span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      {/* The text takes focus (tabIndex 0) so that ←/→ turn its pages without stepping the figure. */}
      <article className="lesson-text" aria-labelledby={titleId} tabIndex={0} onKeyDown={articleKeys}>
        {/* One line for where the reader is and the ways out: the question stays on a 720 px screen. */}
        <div className="lesson-where">
          <span>{lt('lesson.chapterOf', { n: chapter + 1, total: CHAPTERS.length })}</span>
          <button type="button" className="link-like" onClick={startOver}>
            {lt('lesson.startOver')}
          </button>
          <button type="button" className="link-like" onClick={() => setLesson(null)}>
            {lt('lesson.close')}
          </button>
        </div>
        <h2 id={titleId}>{lt(`ch.${ch.id}.title` as LessonKey)}</h2>
        {paragraphs.map((p, k) => (
          <p key={k}>
            <MathText text={p} />
          </p>
        ))}
        {!ch.state && <p className="hint">{lt('lesson.noFigure')}</p>}
        <p className="lesson-try">
          <strong>{lt('lesson.try')}:</strong> <MathText text={lt(`ch.${ch.id}.try` as LessonKey)} />
        </p>
        <div className="lesson-moves">
          <button type="button" onClick={() => go(chapter - 1)} disabled={chapter === 0}>
            {lt('lesson.prev')}
          </button>
          <button type="button" onClick={() => go(chapter + 1)} disabled={chapter === CHAPTERS.length - 1}>
            {lt('lesson.next')}
          </button>
        </div>
      </article>
      {ch.questions.length > 0 && (
        <section className="lesson-questions" aria-label={lt('lesson.questions')}>
          {!ctx && <p className="loading">{lt('lesson.preparing')}</p>}
          {ctx &&
            ch.questions.map((id, k) => {
              const q = questionById(id);
              const sol = q.solve(ctx);
              return sol ? (
                <Question
                  key={`${chapter}-${id}`}
                  n={firstQuestion + k + 1}
                  q={q}
                  sol={sol}
                  lt={lt}
                  given={progress.answers[id] ?? null}
                  href={`${link(chapter)}#q-${id}`}
                  onCommit={(a) => {
                    answer(id, a);
                    if (ch.state) void applyState(store, ch.state).then(() => applyReveal(store, sol.reveal));
                  }}
                  onRetry={() => answer(id, null)}
                />
              ) : null;
            })}
        </section>
      )}
      <p className="hint lesson-keys">{lt('lesson.keys')}</p>
    </>
  );
}

/** An exponent as it is printed (10⁻³), in screen readers' text too. */
const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const superscript = (n: number) => [...String(n)].map((c) => SUP[c] ?? c).join('');

function Question({
  n,
  q,
  sol,
  lt,
  given,
  href,
  onCommit,
  onRetry,
}: {
  n: number;
  q: QuestionDef;
  sol: Solution;
  lt: LT;
  given: string | number | null;
  href: string;
  onCommit: (a: string | number) => void;
  onRetry: () => void;
}) {
  const promptId = useId();
  const [choice, setChoice] = useState<string | number | null>(given);
  const checked = given !== null;
  const label = (a: string | number) =>
    typeof a === 'number' ? (q.id === 'biasEstimate' ? lt('lesson.power', { p: superscript(a) }) : String(Math.round(a * 100) / 100)) : lt(`q.${q.id}.${a}` as LessonKey, sol.ask);
  const input = q.input;
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is radiogroup or group, both named by their prompt.
    <div className="lesson-question" id={`q-${q.id}`} role={input.type === 'choice' ? 'radiogroup' : 'group'} aria-labelledby={promptId}>
      <p id={promptId} className="lesson-prompt">
        <strong>{lt('lesson.question', { n })}:</strong> <MathText text={lt(`q.${q.id}.prompt` as LessonKey, sol.ask)} />
      </p>
      {input.type === 'choice' ? (
        <div className="lesson-options">
          {input.options.map((o) => (
            <label key={o} className={choice === o ? 'chip selected' : 'chip'}>
              <input type="radio" name={`q-${q.id}`} value={o} checked={choice === o} disabled={checked} onChange={() => setChoice(o)} />
              {lt(`q.${q.id}.${o}` as LessonKey, sol.ask)}
            </label>
          ))}
        </div>
      ) : (
        <label className="lesson-estimate">
          <span>{lt('lesson.estimate')}</span>
          <input
            type="range"
            min={input.min}
            max={input.max}
            step={input.step}
            value={typeof choice === 'number' ? choice : (input.min + input.max) / 2}
            disabled={checked}
            aria-describedby={promptId}
            aria-valuetext={choice === null ? undefined : label(choice)}
            onChange={(e) => setChoice(Number(e.target.value))}
          />
          {/* Not an <output>: that is a second status region; the slider says its value itself. */}
          <span className="lesson-value" aria-hidden="true">
            {choice === null ? '—' : label(choice)}
          </span>
        </label>
      )}
      <div className="lesson-check">
        <button type="button" disabled={choice === null || checked} onClick={() => choice !== null && onCommit(choice)}>
          {lt('lesson.check')}
        </button>
        {checked && (
          <button
            type="button"
            onClick={() => {
              setChoice(null);
              onRetry();
            }}
          >
            {lt('lesson.again')}
          </button>
        )}
        <a className="lesson-qlink" href={href}>
          {lt('lesson.linkQuestion')}
        </a>
      </div>
      <p role="status" className={checked ? (isRight(sol, given!) ? 'lesson-feedback right' : 'lesson-feedback wrong') : 'lesson-feedback'}>
        {checked && (
          <>
            <strong>{isRight(sol, given!) ? lt('lesson.right') : lt('lesson.wrong')}</strong> {lt('lesson.yourAnswer', { a: label(given!) })}{' '}
            <MathText text={lt(`q.${q.id}.why` as LessonKey, sol.why)} />
          </>
        )}
      </p>
    </div>
  );
}
