/**
 * Classical Chinese poems as the Chinese character model's corpus: the Three Hundred Tang Poems
 * and a hundred Song poems as Debian's fortunes-zh ships them (/usr/share/games/fortunes/
 * tang300.u8, song100.u8; the poems are public domain, the packaging GPL: only weights and the
 * character vocabulary are shipped, never the text). Each poem is one "chapter" of the split
 * (./austen.ts's splitChapters: a hash of its key picks train, validation or test).
 */
import { normaliseChars, type Chapter } from './austen';

/** Colour escapes (the files colour titles and authors for the terminal). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is what the files contain.
const ANSI = /\u001b\[[0-9;]*m/g;
const TITLE = /^(题目[:：])?\s*《.*》\s*$/u;
const AUTHOR = /^作者[:：]/u;

/** Poems from a fortune file: entries split by "%" lines; the title and author lines dropped; lines joined. */
export function poemsFromFortunes(text: string, source: string): Chapter[] {
  const out: Chapter[] = [];
  text
    .replace(ANSI, '')
    .split(/\n%\n|^%\n|\n%$/m)
    .forEach((entry, k) => {
      const lines = entry
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && l !== '%' && !TITLE.test(l) && !AUTHOR.test(l));
      // The lines run on: a line ends in its own punctuation (。，？), as the poem is written.
      const body = normaliseChars(lines.join(''));
      if (body) out.push({ key: `${source} #${k + 1}`, book: source, text: body });
    });
  return out;
}
