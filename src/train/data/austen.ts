/**
 * Jane Austen's six novels (public domain) as the character model's corpus, cut into chapters.
 * The split is by whole chapter: a hash of the chapter's name ("Emma #12", the 12th chapter
 * heading of Emma) puts each chapter in train, validation or test (./split.ts), so no held-out
 * sentence can also sit in a training chapter, and the same file always gives the same split.
 *
 * The text is normalised exactly as the app reads what a student types for a `chars` model:
 * whitespace runs become one space (tokenize(…, 'chars')), letters are lowercased (the
 * embedding's `lowercase`). Reading the file is the caller's job (scripts/), so this stays pure.
 */
import { roleOf, type Role } from './split';

export interface Chapter {
  /** "<book> #<k>": k counts chapter headings in the book (Emma restarts CHAPTER I each volume). */
  readonly key: string;
  readonly book: string;
  /** Normalised: one space between words, lowercased, no heading. */
  readonly text: string;
}

const HEADING = /^\s*chapter\s+[0-9ivxlc]+\.?\s*$/i;
/** Volume titles sit between chapters; they are headings, not prose. */
const VOLUME = /^\s*volume\s+[0-9ivxlc]+\.?\s*$/i;

/** The normalisation every `chars` model sees: what tokenize(…, 'chars') and a lowercase embedding do. */
export const normaliseChars = (s: string): string => s.replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * Chapters from "book<TAB>line" rows (scripts/data/austen.R writes them). Lines before a book's
 * first chapter heading (title page, author) are dropped.
 */
export function chaptersFromRows(rows: ReadonlyArray<{ readonly book: string; readonly line: string }>): Chapter[] {
  const out: Chapter[] = [];
  let book = '';
  let count = 0;
  let buf: string[] | null = null;
  const flush = () => {
    if (buf) {
      const text = normaliseChars(buf.join(' '));
      if (text) out.push({ key: `${book} #${count}`, book, text });
    }
    buf = null;
  };
  for (const r of rows) {
    if (r.book !== book) {
      flush();
      book = r.book;
      count = 0;
    }
    if (HEADING.test(r.line)) {
      flush();
      count++;
      buf = [];
    } else if (buf && !VOLUME.test(r.line)) {
      buf.push(r.line);
    }
  }
  flush();
  return out;
}

/** Parses the TSV written by scripts/data/austen.R. */
export function parseAustenTsv(tsv: string): Array<{ book: string; line: string }> {
  return tsv
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const tab = l.indexOf('\t');
      return tab < 0 ? { book: l, line: '' } : { book: l.slice(0, tab), line: l.slice(tab + 1) };
    });
}

/** A chapter's split, fixed by its key (the same hash as every other task's split). */
export const chapterRole = (c: Chapter): Role => roleOf([c.key]);

export function splitChapters(chapters: readonly Chapter[]): Record<Role, Chapter[]> {
  const out: Record<Role, Chapter[]> = { train: [], validation: [], test: [] };
  for (const c of chapters) out[chapterRole(c)].push(c);
  return out;
}
