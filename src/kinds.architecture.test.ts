import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from './engine';
import { FIGURES } from './viz/kinds';

/**
 * A cell kind is its modules (src/engine/kinds, src/viz/kinds) and its strings; everything else
 * asks the registries. This fails when a kind id appears as a string literal, or code switches
 * on a kind, outside them. Tests and src/i18n (which names kinds in its keys) are not checked.
 */
const SRC = dirname(fileURLToPath(import.meta.url));
const KIND_MODULES = ['engine/kinds/', 'viz/kinds/'];
const LITERAL = /(['"`])(rnn|lstm|gru|peephole|coupled|mingru|minlstm|slstm|mlstm)\1/g;
const SWITCH_ON_KIND = /switch\s*\([^)]*\bkind\b[^)]*\)/g;

/**
 * Files not yet moved onto the registries, with how many kind literals and switches each holds:
 * none. It stays, empty, so that the rule reads the same if a file must ever wait its turn. The
 * kinds chosen for the reader until they choose (DEFAULT_KIND, BASELINE_KIND) are data in one
 * named place, the registry (engine/kinds/index.ts).
 */
const NOT_YET_MOVED: Readonly<Record<string, number>> = {};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/** Kind literals and switches on a kind in one file's code. */
function kindMentions(code: string): number {
  return (code.match(LITERAL)?.length ?? 0) + (code.match(SWITCH_ON_KIND)?.length ?? 0);
}

function mentionsBy(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of sources(SRC)) {
    const rel = relative(SRC, f).split(/[\\/]/).join('/');
    // The lesson, like the dictionaries, is content about particular kinds (its chapters compare
    // the RNN with the LSTM by name); a new kind needs nothing from it to be stepped and drawn.
    if (rel.startsWith('i18n/') || rel.startsWith('lesson/') || KIND_MODULES.some((m) => rel.startsWith(m))) continue;
    const n = kindMentions(readFileSync(f, 'utf8'));
    if (n > 0) out[rel] = n;
  }
  return out;
}

describe('cell kinds live in their modules', () => {
  const found = mentionsBy();

  it('no file outside the kind modules names a kind or switches on one (beyond the shrinking list)', () => {
    const grown = Object.entries(found)
      .filter(([f, n]) => n > (NOT_YET_MOVED[f] ?? 0))
      .map(([f, n]) => `${f}: ${n} (allowed ${NOT_YET_MOVED[f] ?? 0})`);
    expect(grown).toEqual([]);
  });

  it('the list of files not yet moved only shrinks (a file that no longer names a kind leaves it)', () => {
    const done = Object.keys(NOT_YET_MOVED).filter((f) => (found[f] ?? 0) < NOT_YET_MOVED[f]!);
    expect(done, 'lower these counts (or remove the files) in NOT_YET_MOVED').toEqual([]);
    expect(Object.keys(NOT_YET_MOVED).length).toBeLessThanOrEqual(0);
  });

  it('the check sees a literal and a switch', () => {
    expect(kindMentions("if (p.kind === 'gru') return;")).toBe(1);
    expect(kindMentions('switch (p.kind) {')).toBe(1);
    expect(kindMentions("t('kind.gru')")).toBe(0);
  });

  it('every registered kind has a figure, and every figure a kind', () => {
    expect(FIGURES.map((f) => f.id).sort()).toEqual([...CELL_KINDS].sort());
  });
});
