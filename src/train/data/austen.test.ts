import { describe, expect, it } from 'vitest';
import { tokenize } from '../../text/tokenize';
import { chapterRole, chaptersFromRows, normaliseChars, parseAustenTsv, splitChapters } from './austen';

const rows = parseAustenTsv(
  [
    'Emma\tEMMA',
    'Emma\tby Jane Austen',
    'Emma\tVOLUME I',
    'Emma\tCHAPTER I',
    'Emma\tEmma Woodhouse,  handsome,',
    'Emma\tclever, and rich',
    'Emma\tCHAPTER II',
    'Emma\tMr. Weston was a native',
    'Emma\tVOLUME II',
    'Emma\tCHAPTER I',
    'Emma\tThe second volume.',
    'Persuasion\tChapter 1',
    'Persuasion\tSir Walter Elliot',
  ].join('\n'),
);

describe('Austen chapters', () => {
  it('cuts at chapter headings, numbers them per book (Emma restarts CHAPTER I each volume), drops titles and volume lines', () => {
    const ch = chaptersFromRows(rows);
    expect(ch.map((c) => c.key)).toEqual(['Emma #1', 'Emma #2', 'Emma #3', 'Persuasion #1']);
    expect(ch[0]!.text).toBe('emma woodhouse, handsome, clever, and rich');
    expect(ch[2]!.text).toBe('the second volume.');
  });

  it('normalises text as the app reads what a student types for a chars model', () => {
    const typed = '  It is a  truth\tuniversally\n acknowledged ';
    expect(Array.from(normaliseChars(typed))).toEqual(tokenize(typed, 'chars').tokens.map((t) => t.toLowerCase()));
  });

  it('splits whole chapters by a hash of their key: each chapter in exactly one split, the same every time', () => {
    const many = chaptersFromRows(
      Array.from({ length: 400 }, (_, k) => [
        { book: `Book ${k % 4}`, line: `CHAPTER ${k + 1}` },
        { book: `Book ${k % 4}`, line: `text of chapter ${k}` },
      ])
        .flat()
        .sort((a, b) => a.book.localeCompare(b.book)),
    );
    const s = splitChapters(many);
    expect(s.train.length + s.validation.length + s.test.length).toBe(many.length);
    const keys = (xs: typeof many) => new Set(xs.map((c) => c.key));
    const train = keys(s.train);
    expect([...keys(s.test)].filter((k) => train.has(k))).toEqual([]);
    expect([...keys(s.validation)].filter((k) => train.has(k))).toEqual([]);
    expect(s.test.length / many.length).toBeGreaterThan(0.05);
    expect(s.test.length / many.length).toBeLessThan(0.15);
    for (const c of s.test) expect(chapterRole({ ...c, text: 'other text' })).toBe('test');
  });
});
