import { useId } from 'react';
import type { LessonKey } from '../../i18n/en-lesson';
import { isRight, type QuestionDef, type Solution } from '../../lesson/questions';
import { MathText } from '../diagram/MathText';
import { answerLabel, type Answer, type LT } from './lessonShared';

/**
 * A question's state once it has been answered: the reader's answer, or null when a presenter
 * revealed the answer before anyone committed to one (the class answers aloud).
 */
export interface Committed {
  readonly answer: Answer | null;
}

interface Props {
  readonly n: number;
  readonly q: QuestionDef;
  readonly sol: Solution;
  readonly lt: LT;
  /** The answer chosen and not yet checked. */
  readonly choice: Answer | null;
  readonly onChoose: (a: Answer) => void;
  readonly committed: Committed | null;
  readonly href: string;
  readonly onCommit: (a: Answer) => void;
  readonly onRetry: () => void;
}

/**
 * One predict-then-reveal question: a radiogroup of choices or a group with a slider, named by
 * its prompt ("Question 4: …"); Check stays disabled until an answer is chosen; the feedback is a
 * status region, empty until the answer is committed or revealed.
 */
export function Question({ n, q, sol, lt, choice, onChoose, committed, href, onCommit, onRetry }: Props) {
  const promptId = useId();
  const label = (a: Answer) => answerLabel(q, sol, a, lt);
  const input = q.input;
  const given = committed?.answer ?? null;
  const right = given !== null && isRight(sol, given);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is radiogroup or group, both named by their prompt.
    <div className="lesson-question" id={`q-${q.id}`} role={input.type === 'choice' ? 'radiogroup' : 'group'} aria-labelledby={promptId}>
      <p id={promptId} className="lesson-prompt">
        <strong>{lt('lesson.question', { n })}:</strong> <MathText text={lt(`q.${q.id}.prompt` as LessonKey, sol.ask)} />
      </p>
      {input.type === 'choice' ? (
        <div className="lesson-options">
          {input.options.map((o) => (
            // Once answered, the right option is marked on the chips too (the feedback says it in words).
            <label key={o} className={`chip${choice === o ? ' selected' : ''}${committed && sol.answer === o ? ' answer' : ''}`}>
              <input type="radio" name={`q-${q.id}`} value={o} checked={choice === o} disabled={committed !== null} onChange={() => onChoose(o)} />
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
            disabled={committed !== null}
            aria-describedby={promptId}
            aria-valuetext={choice === null ? undefined : label(choice)}
            onChange={(e) => onChoose(Number(e.target.value))}
          />
          {/* Not an <output>: that is a second status region; the slider says its value itself. */}
          <span className="lesson-value" aria-hidden="true">
            {choice === null ? '—' : label(choice)}
          </span>
        </label>
      )}
      <div className="lesson-check">
        <button type="button" disabled={choice === null || committed !== null} onClick={() => choice !== null && onCommit(choice)}>
          {lt('lesson.check')}
        </button>
        {committed && (
          <button type="button" onClick={onRetry}>
            {lt('lesson.again')}
          </button>
        )}
        <a className="lesson-qlink" href={href}>
          {lt('lesson.linkQuestion')}
        </a>
      </div>
      <p role="status" className={committed ? (given === null ? 'lesson-feedback shown' : right ? 'lesson-feedback right' : 'lesson-feedback wrong') : 'lesson-feedback'}>
        {committed &&
          (given === null ? (
            <>
              <strong>{lt('lesson.theAnswer', { a: label(sol.answer) })}</strong> <MathText text={lt(`q.${q.id}.why` as LessonKey, sol.why)} />
            </>
          ) : (
            <>
              <strong>{right ? lt('lesson.right') : lt('lesson.wrong')}</strong> {lt('lesson.yourAnswer', { a: label(given) })} <MathText text={lt(`q.${q.id}.why` as LessonKey, sol.why)} />
            </>
          ))}
      </p>
    </div>
  );
}
