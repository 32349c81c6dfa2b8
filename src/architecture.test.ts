import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, isTestFile, moduleGraph, tsFiles } from './testing/moduleGraph';

/**
 * Dependencies point one way (README, Architecture): engine ← train ← store ← components and
 * engine ← viz ← components. Every relative import of every source file (types included) is
 * checked against what its folder may import. `shared` and `i18n` are leaves anyone may use.
 * The folders' arrows form no loop, and no module imports itself through others (a cycle makes
 * the load order decide what a module sees, and ties files that should change apart).
 */
const SRC = dirname(fileURLToPath(import.meta.url));
const MAY_IMPORT: Record<string, readonly string[]> = {
  shared: [],
  engine: [],
  i18n: ['shared'],
  text: ['engine', 'shared'],
  viz: ['engine', 'shared', 'i18n', 'text'],
  train: ['engine', 'models', 'text', 'shared'],
  models: ['engine', 'text', 'shared'],
  store: ['engine', 'train', 'models', 'text', 'viz', 'shared', 'i18n'],
  workers: ['engine', 'viz', 'store', 'train', 'models', 'shared'],
  embed: ['store', 'selectors', 'engine', 'shared', 'i18n', 'viz'],
  selectors: ['engine', 'models', 'store', 'text', 'shared'],
  // The lesson's chapters and questions: data and engine computations, under the store.
  lesson: ['engine', 'viz', 'models', 'text', 'train', 'shared', 'i18n'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/** The top folder under src/ of a path (or null for a file directly in src/). */
const folderOf = (p: string): string | null => {
  const parts = relative(SRC, p).split(/[\\/]/);
  // '../engine' is the folder itself (its index.ts).
  return parts.length > 1 || (existsSync(p) && statSync(p).isDirectory()) ? parts[0]! : null;
};

describe('dependency direction', () => {
  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`src/${folder} imports only from ${allowed.length ? allowed.join(', ') : 'itself'}`, () => {
      const files = sources(join(SRC, folder));
      expect(files.length).toBeGreaterThan(0);
      const bad: string[] = [];
      for (const f of files) {
        const code = readFileSync(f, 'utf8');
        for (const m of code.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
          const to = folderOf(resolve(dirname(f), m[1]!));
          if (to !== folder && (to === null || !allowed.includes(to))) bad.push(`${relative(SRC, f)} → ${m[1]}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('the check sees a forbidden import (viz importing the store)', () => {
    const line = "import type { Lang } from '../store/types';";
    const m = /(?:from|import)\s*\(?\s*'(\.[^']+)'/.exec(line)!;
    expect(folderOf(resolve(join(SRC, 'viz'), m[1]!))).toBe('store');
    expect(MAY_IMPORT.viz).not.toContain('store');
  });
});

const ROOT = join(SRC, '..');
const name = (f: string) => relative(ROOT, f).split(/[\\/]/).join('/');

describe('no import cycles', () => {
  it('the folders allowed to import each other form no loop', () => {
    const loops: string[] = [];
    const visit = (folder: string, path: readonly string[]): void => {
      for (const next of MAY_IMPORT[folder] ?? []) {
        if (path.includes(next)) loops.push([...path.slice(path.indexOf(next)), folder, next].join(' → '));
        else visit(next, [...path, folder]);
      }
    };
    for (const folder of Object.keys(MAY_IMPORT)) visit(folder, []);
    expect(loops).toEqual([]);
  });

  it('no module of src/ or scripts/ imports itself through others (types included)', () => {
    const files = [...tsFiles(SRC), ...tsFiles(join(ROOT, 'scripts'))].filter((f) => !isTestFile(f));
    const cycles = importCycles(moduleGraph(files)).map((c) => c.map(name).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('the check sees a cycle, and not a lazy import', () => {
    const m = (file: string, to: string, dynamic = false) => ({ file, exports: [], edges: [{ to, names: ['x'], typeOnly: true, reExport: false, dynamic }] });
    expect(
      importCycles(
        new Map([
          ['a', m('a', 'b')],
          ['b', m('b', 'c')],
          ['c', m('c', 'a')],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      importCycles(
        new Map([
          ['a', m('a', 'b')],
          ['b', m('b', 'a', true)],
        ]),
      ),
    ).toEqual([]);
  });

  it('production code never imports the test helpers (src/testing)', () => {
    const bad = [...moduleGraph([...tsFiles(SRC), ...tsFiles(join(ROOT, 'scripts'))].filter((f) => !isTestFile(f) && !f.startsWith(join(SRC, 'testing'))))].flatMap(([f, m]) =>
      m.edges.filter((e) => e.to.startsWith(join(SRC, 'testing'))).map(() => name(f)),
    );
    expect(bad).toEqual([]);
  });
});
