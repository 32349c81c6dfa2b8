/**
 * The lesson as a document to print: every chapter on its own page (its text, its figure as a
 * static SVG at the chapter's state, its "try this" and its questions with room to answer), and
 * the answers, computed by the engine as on screen, together on the last page: a teacher can hand
 * out the questions without them (leave the last page out) and keep the key. Shown on screen
 * in place of the app, with Print and Back; printed without those.
 */
import { useCallback, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { LessonKey } from '../../i18n/en-lesson';
import { CHAPTERS } from '../../lesson/chapters';
import { questionById } from '../../lesson/questions';
import { MathText } from '../diagram/MathText';
import { answerLabel, type LT } from './lessonShared';
import type { PrintedChapter } from './printLesson';

/**
 * The figure, as an inline SVG: vector on paper, and its own ids made unique per chapter (each
 * chapter's copy of the diagram has the same arrowhead and title ids).
 */
function PrintFigure({ svg, prefix, label }: { svg: string; prefix: string; label: string }) {
  const place = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      const text = svg.replace(/(\sid=")([^"]+)"/g, (_, a: string, id: string) => `${a}${prefix}${id}"`).replace(/#([\w:.-]+)/g, (all, id: string) => (ids.has(id) ? `#${prefix}${id}` : all));
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      if (parsed.nodeName !== 'svg') return;
      const root = document.importNode(parsed, true);
      // A picture on paper: the screen's roles (a layer is a button there) and names go.
      for (const e of root.querySelectorAll('*')) {
        for (const a of [...e.attributes]) if (a.name === 'role' || a.name.startsWith('aria-') || a.name === 'tabindex') e.removeAttribute(a.name);
      }
      // Its parts (each an svg of its own) are not images apart from it.
      for (const e of root.children) e.setAttribute('aria-hidden', 'true');
      // One image for assistive technology, named by the chapter; the size follows the page.
      root.setAttribute('role', 'img');
      root.setAttribute('aria-label', label);
      root.removeAttribute('width');
      root.removeAttribute('height');
      el.replaceChildren(root);
    },
    [svg, prefix, label],
  );
  return <div className="print-figure" ref={place} />;
}

export function LessonPrint({ chapters, lt, lang, onClose }: { chapters: readonly PrintedChapter[]; lt: LT; lang: 'en' | 'zh'; onClose: () => void }) {
  const titleId = useId();
  const printButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The app steps aside (lesson.css) while the document is shown, on screen and on paper.
    document.documentElement.dataset.printView = 'lesson';
    printButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      delete document.documentElement.dataset.printView;
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  let n = 0;
  const numbered = CHAPTERS.map((ch) => ch.questions.map(() => ++n));
  return createPortal(
    <div className="lesson-print" lang={lang === 'zh' ? 'zh-CN' : 'en'} role="document" aria-labelledby={titleId}>
      <div className="print-bar">
        <button type="button" ref={printButton} onClick={() => window.print()}>
          {lt('lesson.printNow')}
        </button>
        <button type="button" onClick={onClose}>
          {lt('lesson.printBack')}
        </button>
        <p>{lt('lesson.printNote')}</p>
      </div>
      <h1 id={titleId}>{lt('lesson.title')}</h1>
      {CHAPTERS.map((ch, k) => {
        const page = chapters[k];
        const title = lt(`ch.${ch.id}.title` as LessonKey);
        return (
          <section key={ch.id} className="print-chapter" aria-label={`${k + 1}. ${title}`}>
            <h2>
              {k + 1}. {title}
            </h2>
            {lt(`ch.${ch.id}.body` as LessonKey)
              .split('\n\n')
              .map((p, j) => (
                <p key={j}>
                  <MathText text={p} />
                </p>
              ))}
            {page?.figure ? (
              <PrintFigure svg={page.figure.svg} prefix={`print${k + 1}-`} label={lt('lesson.printFigure', { title })} />
            ) : (
              <p className="print-nofigure">{lt('lesson.printNoFigure')}</p>
            )}
            <p className="print-try">
              <strong>{lt('lesson.try')}:</strong> <MathText text={lt(`ch.${ch.id}.try` as LessonKey)} />
            </p>
            {ch.questions.map((id, j) => {
              const q = questionById(id);
              const sol = page?.solutions[j];
              if (!sol) return null;
              return (
                <div key={id} className="print-question">
                  <p>
                    <strong>{lt('lesson.question', { n: numbered[k]![j]! })}:</strong> <MathText text={lt(`q.${id}.prompt` as LessonKey, sol.ask)} />
                  </p>
                  {q.input.type === 'choice' ? (
                    <ul className="print-options">
                      {q.input.options.map((o) => (
                        <li key={o}>
                          <span className="print-box" aria-hidden="true" /> {lt(`q.${id}.${o}` as LessonKey, sol.ask)}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="print-estimate">
                      {lt('lesson.printEstimate', { min: answerLabel(q, sol, q.input.min, lt), max: answerLabel(q, sol, q.input.max, lt) })} <span className="print-line" aria-hidden="true" />
                    </p>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
      <section className="print-answers" aria-labelledby={`${titleId}-answers`}>
        <h2 id={`${titleId}-answers`}>{lt('lesson.answers')}</h2>
        <ol>
          {CHAPTERS.flatMap((ch, k) =>
            ch.questions.map((id, j) => {
              const sol = chapters[k]?.solutions[j];
              if (!sol) return null;
              const q = questionById(id);
              return (
                <li key={id} value={numbered[k]![j]!}>
                  <strong>{answerLabel(q, sol, sol.answer, lt)}.</strong> <MathText text={lt(`q.${id}.why` as LessonKey, sol.why)} />
                </li>
              );
            }),
          )}
        </ol>
      </section>
    </div>,
    document.body,
  );
}
