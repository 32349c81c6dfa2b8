/**
 * The reader's progress through the lesson, kept in localStorage so a closed tab resumes where it
 * was: the chapter, and each question's committed answer. Parsing is defensive (another version,
 * a hand-edited value): anything unreadable is no progress, never an error.
 */
export const LESSON_KEY = 'gatescope.lesson';

export interface Progress {
  readonly chapter: number;
  readonly answers: Readonly<Record<string, string | number>>;
}

const NO_PROGRESS: Progress = { chapter: 0, answers: {} };

export function parseProgress(raw: string | null, chapters: number): Progress {
  if (!raw) return NO_PROGRESS;
  try {
    const v = JSON.parse(raw) as { chapter?: unknown; answers?: unknown };
    const chapter = typeof v.chapter === 'number' && Number.isInteger(v.chapter) && v.chapter >= 0 && v.chapter < chapters ? v.chapter : 0;
    const answers: Record<string, string | number> = {};
    if (v.answers && typeof v.answers === 'object') {
      for (const [k, a] of Object.entries(v.answers as Record<string, unknown>)) if (typeof a === 'string' || (typeof a === 'number' && Number.isFinite(a))) answers[k] = a;
    }
    return { chapter, answers };
  } catch {
    return NO_PROGRESS;
  }
}
