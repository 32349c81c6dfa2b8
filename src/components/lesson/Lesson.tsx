/**
 * The guided lesson: chapters of text beside the live figure. A chapter puts the app in a named
 * state through the store's own actions (model, sentence, step, view…), then the reader can use
 * every control; a question is answered first, then the figure moves to the state that shows the
 * answer. Loaded on demand (App.tsx's lazy import), with its own strings, so the first screen's
 * download does not grow.
 *
 * Presented to a class (`present=1`): projector-size type, each chapter's questions above its
 * text, and a key that reveals the next answer (the class answers aloud, or the teacher picks
 * the class's answer first); PageUp/PageDown, which a clicker sends, and ←/→ change chapter.
 * Printed ("Print the lesson"): every chapter in turn, with its figure at its state (LessonPrint).
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LessonKey } from '../../i18n/en-lesson';
import { CHAPTERS, type ChapterState, type LessonView } from '../../lesson/chapters';
import type { Progress } from '../../lesson/progress';
import { questionById, type Solution } from '../../lesson/questions';
import { parseModelId } from '../../store/modelLoader';
import { MathText } from '../diagram/MathText';
import { useGatescope, useGatescopeStore } from '../StoreContext';
import { LessonPrint } from './LessonPrint';
import { type Answer, applyReveal, applyState, useLT } from './lessonShared';
import { printChapters, type PrintedChapter } from './printLesson';
import { type Committed, Question } from './Question';
import { frame, isField, loadProgress, saveProgress, showRevealingFigure, typesText } from './lessonPage';
import { useQuestionContext } from './useQuestionContext';
import './lesson.css';

type Printing = { readonly at: number } | { readonly chapters: readonly PrintedChapter[] };

export default function Lesson() {
  const lt = useLT();
  const store = useGatescopeStore();
  const chapter = useGatescope((s) => s.lesson) ?? 0;
  const present = useGatescope((s) => s.present);
  const lang = useGatescope((s) => s.lang);
  const setLesson = useGatescope((s) => s.setLesson);
  const setPresent = useGatescope((s) => s.setPresent);
  const ch = CHAPTERS[Math.min(chapter, CHAPTERS.length - 1)]!;
  const [progress, setProgress] = useState<Progress>(loadProgress);
  // Answers chosen and not yet checked, by question.
  const [drafts, setDrafts] = useState<Readonly<Record<string, Answer>>>({});
  // Presenting: the answers revealed in this session (a class starts with every question open,
  // whatever the teacher's own progress says); kept out of the saved progress.
  const [shown, setShown] = useState<Readonly<Record<string, Committed>>>({});
  const [printing, setPrinting] = useState<Printing | null>(null);
  // The chapter whose state has landed: its questions are asked then (useQuestionContext).
  const [applied, setApplied] = useState<number | null>(null);
  const textRef = useRef<HTMLElement>(null);

  // The first chapter keeps a sentence the reader typed since the lesson was opened (before its
  // code had loaded); a chapter chosen after that brings its own sentence.
  const first = useRef(true);
  useEffect(() => {
    const since = first.current ? store.getState().lessonOpenedAt : undefined;
    first.current = false;
    if (ch.state) void applyState(store, ch.state, since).then(() => setApplied(chapter));
    setProgress((p) => {
      const next = { ...p, chapter };
      saveProgress(next);
      return next;
    });
  }, [ch, chapter, store]);

  const asked = useQuestionContext(store, chapter, ch, applied);

  const go = useCallback(
    (k: number) => {
      setLesson(Math.max(0, Math.min(CHAPTERS.length - 1, k)));
      // Presenting, the keys belong to the lesson after a chapter link or button is clicked.
      if (store.getState().present) textRef.current?.focus({ preventScroll: true });
    },
    [setLesson, store],
  );

  // PageUp/PageDown change chapter from anywhere outside a field; ←/→ only from the text (the
  // figure's own keys step the sentence: articleKeys below keeps them from reaching it).
  useEffect(() => {
    if (present) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isField(e.target)) return;
      if (e.key === 'PageDown' || e.key === 'PageUp') {
        e.preventDefault();
        go((store.getState().lesson ?? 0) + (e.key === 'PageDown' ? 1 : -1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, store, present]);
  const articleKeys = (e: React.KeyboardEvent) => {
    if (present || e.altKey || e.ctrlKey || e.metaKey || isField(e.target)) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      e.stopPropagation();
      go(chapter + (e.key === 'ArrowRight' ? 1 : -1));
    }
  };

  const answer = (id: string, a: Answer | null) => {
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
    setDrafts({});
    go(0);
  };

  const ready = asked !== null && ch.state !== null;
  // A question's link (#q-<id>): its question exists only once the chapter's model has landed,
  // after the browser looked for the anchor, so it is scrolled to here.
  useEffect(() => {
    if (!ready) return;
    const id = window.location.hash.slice(1);
    if (id.startsWith('q-')) document.getElementById(id)?.scrollIntoView({ block: 'nearest' });
  }, [ready]);
  const solutions = useMemo(() => (ready && asked ? ch.questions.map((id) => questionById(id).solve(asked)) : null), [ready, asked, ch]);

  const committedOf = (id: string): Committed | null => (present ? (shown[id] ?? null) : id in progress.answers ? { answer: progress.answers[id]! } : null);
  /** Commits an answer (null: a presenter reveals it unanswered), then moves the figure to show it. */
  const commit = (id: string, sol: Solution, a: Answer | null) => {
    if (present) setShown((s) => ({ ...s, [id]: { answer: a } }));
    else if (a !== null) answer(id, a);
    if (ch.state)
      void applyState(store, ch.state).then(async () => {
        applyReveal(store, sol.reveal);
        // Presenting, the column scrolls to the answer (the second question may be below the fold).
        if (present) {
          await frame();
          document.getElementById(`q-${id}`)?.scrollIntoView({ block: 'nearest' });
        }
        await showRevealingFigure();
      });
  };
  const retry = (id: string) => {
    setDrafts(({ [id]: _, ...rest }) => rest);
    if (present) setShown(({ [id]: _, ...rest }) => rest);
    else answer(id, null);
  };

  // Into or out of presenting: the text (rebuilt in the other layout) takes focus, so that the
  // keys act on the lesson at once.
  const wasPresent = useRef(present);
  useEffect(() => {
    if (wasPresent.current !== present) textRef.current?.focus({ preventScroll: true });
    wasPresent.current = present;
  }, [present]);

  // Presenting: the keys are the lesson's wherever focus is but in a field (a capture listener,
  // ahead of the figure's own ←/→ and Space). PageUp/PageDown change chapter even from an option
  // or a slider: a clicker sends nothing else, so PageDown first reveals the chapter's next answer
  // and turns the page only once every answer is out (a class can be run with a clicker alone).
  // Space or Enter reveals the first answer not yet shown (the option the teacher picked, if any,
  // is checked); when every answer is out they are the figure's again (Space plays the sentence,
  // or starts the lab's training).
  const live = useRef<{ revealNext: () => boolean }>({ revealNext: () => false });
  live.current.revealNext = () => {
    if (!solutions) return false;
    const k = ch.questions.findIndex((id, j) => solutions[j] && !shown[id]);
    if (k < 0) return false;
    const id = ch.questions[k]!;
    commit(id, solutions[k]!, drafts[id] ?? null);
    return true;
  };
  useEffect(() => {
    if (!present) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target instanceof Element && e.target !== document.body && e.target !== document.documentElement ? e.target : null;
      if (el && typesText(el)) return;
      const mine = el === null || el.closest('.workbench .side') !== null;
      const at = store.getState().lesson ?? 0;
      let done = true;
      if (e.key === 'PageDown') {
        if (!live.current.revealNext()) go(at + 1);
      } else if (e.key === 'PageUp') go(at - 1);
      else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && mine && !isField(el)) go(at + (e.key === 'ArrowRight' ? 1 : -1));
      else if (e.key === 'Escape') store.getState().setPresent(false);
      else if (e.key === ' ' || e.key === 'Enter') {
        // Not from a button or a link (they act on these keys), nor Space on an option (it picks it).
        const acts = el !== null && (el.closest('button, a[href], summary, [role="button"]') !== null || (e.key === ' ' && el instanceof HTMLInputElement));
        done = mine && !acts && live.current.revealNext();
      } else done = false;
      if (done) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [present, go, store]);

  // Print the lesson: every chapter put on the page in turn, its figure copied at rest; then the
  // document, and the page back at the chapter the reader is on.
  const stopPrinting = useRef(false);
  useEffect(
    () => () => {
      stopPrinting.current = true;
    },
    [],
  );
  const startPrint = () => {
    if (printing) return;
    stopPrinting.current = false;
    setPrinting({ at: 0 });
    // What the page showed: a chapter of text only (the last) keeps the figure the reader had.
    const s = store.getState();
    const had: ChapterState = { model: s.model.id, text: s.text, t: s.t, view: s.view as LessonView, compareKind: s.compareKind, flow: s.flow, ...(s.diagramUnits ? { units: s.diagramUnits } : {}) };
    void printChapters(
      store,
      (k) => setPrinting({ at: k }),
      () => stopPrinting.current,
    ).then(async (chapters) => {
      // (A model of the reader's own cannot be loaded again by an id: then the last chapter's stays.)
      const back = CHAPTERS[store.getState().lesson ?? 0]?.state ?? (parseModelId(had.model) ? had : null);
      if (back) await applyState(store, back);
      if (!stopPrinting.current) setPrinting(chapters ? { chapters } : null);
    });
  };
  const closePrint = useCallback(() => setPrinting(null), []);

  const link = (k: number, presenting = false) => `?lesson=${k + 1}${lang === 'zh' ? '&lang=zh' : ''}${presenting ? '&present=1' : ''}`;
  const titleId = useId();
  const paragraphs = lt(`ch.${ch.id}.body` as LessonKey).split('\n\n');
  const firstQuestion = CHAPTERS.slice(0, chapter).reduce((n, c) => n + c.questions.length, 0);

  const nav = (
    <nav className="lesson-nav" aria-label={lt('lesson.chapters')}>
      <ol>
        {CHAPTERS.map((c, k) => (
          <li key={c.id}>
            <a
              href={link(k, present)}
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
  );
  // Where the reader is and the ways on and out, short links in one or two lines (the question
  // stays on a 720 px screen).
  const where = (
    <div className="lesson-where">
      <span>{lt('lesson.chapterOf', { n: chapter + 1, total: CHAPTERS.length })}</span>
      {present ? (
        <button type="button" className="link-like" onClick={() => setPresent(false)}>
          {lt('lesson.leavePresent')}
        </button>
      ) : (
        <>
          <a
            className="link-like"
            href={link(chapter, true)}
            onClick={(e) => {
              e.preventDefault();
              setPresent(true);
            }}
          >
            {lt('lesson.present')}
          </a>
          <button type="button" className="link-like" onClick={startPrint} disabled={printing !== null}>
            {lt('lesson.print')}
          </button>
          <button type="button" className="link-like" onClick={startOver}>
            {lt('lesson.startOver')}
          </button>
          <button type="button" className="link-like" onClick={() => setLesson(null)}>
            {lt('lesson.close')}
          </button>
        </>
      )}
    </div>
  );
  const title = <h2 id={titleId}>{lt(`ch.${ch.id}.title` as LessonKey)}</h2>;
  const body = (
    <>
      {paragraphs.map((p, k) => (
        <p key={k}>
          <MathText text={p} />
        </p>
      ))}
      {!ch.state && <p className="hint">{lt('lesson.noFigure')}</p>}
      <p className="lesson-try">
        <strong>{lt('lesson.try')}:</strong> <MathText text={lt(`ch.${ch.id}.try` as LessonKey)} />
      </p>
    </>
  );
  const questions = ch.questions.length > 0 && (
    <section className="lesson-questions" aria-label={lt('lesson.questions')}>
      {!solutions && <p className="loading">{lt('lesson.preparing')}</p>}
      {solutions?.map((sol, k) => {
        const id = ch.questions[k]!;
        if (!sol) return null;
        const committed = committedOf(id);
        return (
          <Question
            key={`${chapter}-${id}`}
            n={firstQuestion + k + 1}
            q={questionById(id)}
            sol={sol}
            lt={lt}
            choice={drafts[id] ?? committed?.answer ?? null}
            onChoose={(a) => setDrafts((d) => ({ ...d, [id]: a }))}
            committed={committed}
            href={`${link(chapter)}#q-${id}`}
            onCommit={(a) => commit(id, sol, a)}
            onRetry={() => retry(id)}
          />
        );
      })}
    </section>
  );
  const preparing = printing && 'at' in printing && (
    <p className="lesson-printing" role="status">
      {lt('lesson.printing', { n: printing.at + 1, total: CHAPTERS.length })}
    </p>
  );
  const printed = printing && 'chapters' in printing && <LessonPrint chapters={printing.chapters} lt={lt} lang={lang} onClose={closePrint} />;

  if (present)
    // The question first, then the chapter's text (the teacher tells it; the room reads the question).
    return (
      <>
        {nav}
        {where}
        {title}
        {questions}
        <article ref={textRef} className="lesson-text" aria-labelledby={titleId} tabIndex={0}>
          {body}
        </article>
        <p className="lesson-keys present-keys">{lt('lesson.presentKeys')}</p>
      </>
    );
  return (
    <>
      {nav}
      {/* The text takes focus (tabIndex 0) so that ←/→ turn its pages without stepping the figure. */}
      <article ref={textRef} className="lesson-text" aria-labelledby={titleId} tabIndex={0} onKeyDown={articleKeys}>
        {where}
        {preparing}
        {title}
        {body}
        <div className="lesson-moves">
          <button type="button" onClick={() => go(chapter - 1)} disabled={chapter === 0}>
            {lt('lesson.prev')}
          </button>
          <button type="button" onClick={() => go(chapter + 1)} disabled={chapter === CHAPTERS.length - 1}>
            {lt('lesson.next')}
          </button>
        </div>
      </article>
      {questions}
      <p className="hint lesson-keys">{lt('lesson.keys')}</p>
      {printed}
    </>
  );
}
