/**
 * What a chapter's questions are asked of (questionKit's QuestionContext), once the chapter's
 * state has landed: the model on screen, caught then and kept, so that a reader who then
 * switches the kind does not change the question under them; the model file's report; the
 * measured learnability curve for the chapters that read it; and, for the translator's chapter,
 * both encoder–decoders of the model's kind, fetched through the store (the same files the
 * translate view shows). Null until all of that is there.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ChapterState } from '../../lesson/chapters';
import type { QuestionContext, Translators } from '../../lesson/questionKit';
import type { GatescopeStore } from '../../store/store';
import type { LearnData } from '../../viz/learnChart';
import { fetchLearnReport } from '../learnReport';
import { useGatescope } from '../StoreContext';

interface Chapter {
  readonly state: ChapterState | null;
  readonly questions: readonly string[];
}

export function useQuestionContext(store: GatescopeStore, chapter: number, ch: Chapter, applied: number | null): QuestionContext | null {
  const [report, setReport] = useState<LearnData | null>(null);
  const [asked, setAsked] = useState<{ chapter: number; ctx: QuestionContext } | null>(null);
  const model = useGatescope((s) => s.model);
  const loading = useGatescope((s) => s.loading);

  // A new chapter is asked anew (coming back to one asks of the model that lands then).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new chapter is what resets it.
  useEffect(() => setAsked(null), [chapter]);

  useEffect(() => {
    if (ch.questions.includes('rnnLearns')) void fetchLearnReport().then(setReport);
  }, [ch]);

  useEffect(() => {
    const st = ch.state;
    if (asked?.chapter === chapter || !st || applied !== chapter || loading !== null || model.id !== st.model) return;
    const base = { model, text: st.asks ?? st.text, modelReport: store.getState().modelMeta?.report ?? null };
    if (st.view !== 'translate') {
      setAsked({ chapter, ctx: base });
      return;
    }
    let gone = false;
    const { seq2seqModel } = store.getState();
    void Promise.all([seq2seqModel(model.cell.kind, false), seq2seqModel(model.cell.kind, true)]).then(
      ([plain, attention]) => {
        const translators: Translators = { plain, attention };
        if (!gone) setAsked({ chapter, ctx: { ...base, translators } });
      },
      // A file that cannot be read: the view says so; the questions stay unasked.
      () => undefined,
    );
    return () => {
      gone = true;
    };
  }, [asked, chapter, ch, applied, loading, model, store]);

  return useMemo(() => (asked?.chapter === chapter ? { ...asked.ctx, report } : null), [asked, chapter, report]);
}
