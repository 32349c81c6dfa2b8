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
const LITERAL = /(['"`])(rnn|lstm|gru|peephole|coupled)\1/g;
const SWITCH_ON_KIND = /switch\s*\([^)]*\bkind\b[^)]*\)/g;

/**
 * Files not yet moved onto the registries, with how many kind literals and switches each holds.
 * The list may only shrink: a file may not gain one, and a file that has none must leave it.
 * 7 files: the diagram's per-node equations, the components the lead is reworking, and data
 * (the lab's and the page's default kinds). The engine's importers and exporters ask the kinds' layouts, and the
 * canonical model file reads and writes each kind's gates, variant and peepholes from its module;
 * the framework layouts of the model file, the .onnx and .safetensors readers and the framework
 * writer tell kinds by their layouts.
 */
const NOT_YET_MOVED: Readonly<Record<string, number>> = {
  'components/diagram/CellDiagram.tsx': 5,
  'components/views/GradientView.tsx': 6,
  'components/LearnChart.tsx': 8,
  'components/ModelInfo.tsx': 3,
  'train/lab.ts': 6,
  'viz/equations.ts': 5,
  'store/defaults.ts': 2,
};

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
    if (rel.startsWith('i18n/') || KIND_MODULES.some((m) => rel.startsWith(m))) continue;
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
    expect(Object.keys(NOT_YET_MOVED).length).toBeLessThanOrEqual(7);
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
