/**
 * The engine against every golden vector file in ../shared/conformance (the classic cells) and
 * ../shared/conformance-modern (today's), one test per file. A missing directory FAILS: silently
 * skipping would make a broken checkout look green.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../src/engine';
import { CELLS } from './conformance-cells';
import { Diff } from './conformance-diff';
import { checkFile, checkVector, findJsonFiles, formatResult, isVectorFile } from './conformance-lib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = resolve(repoRoot, '../shared/conformance');
const MODERN = resolve(repoRoot, '../shared/conformance-modern');
const DIRS = [DIR, MODERN];
/** Today's cells whose kinds land in the next commits: their files join as they do (this list only shrinks, to empty). */
const PENDING = new Set(['slstm', 'slstm-sigmoid-forget', 'mlstm']);

describe('conformance vectors', () => {
  const missing = DIRS.filter((d) => !existsSync(d));
  if (missing.length > 0) {
    it('finds the conformance directories', () => {
      throw new Error(`conformance vectors not found at ${missing.join(', ')} (expected ../shared/conformance and ../shared/conformance-modern from the repo root)`);
    });
    return;
  }
  const files = DIRS.flatMap((d) => findJsonFiles(d)).filter((f) => {
    try {
      const j = JSON.parse(readFileSync(f, 'utf8'));
      return isVectorFile(j) && !PENDING.has(j.cell);
    } catch {
      return true; // unparsable: keep it, so that its test fails
    }
  });
  it('has vector files', () => expect(files.length).toBeGreaterThan(0));
  // The registry, not a list here: a kind registered without vectors fails until it has some.
  it.each(ALL_KINDS)('has vectors for the registered kind %s', (kind) => {
    const covered = files.filter((f) => {
      const cell = (JSON.parse(readFileSync(f, 'utf8')) as { cell?: string }).cell;
      return cell !== undefined && CELLS[cell]?.kind === kind;
    });
    expect(covered.length, `vector files whose cell is ${kind}`).toBeGreaterThan(0);
  });
  for (const f of files) {
    const root = DIRS.find((d) => f.startsWith(`${d}/`))!;
    it(relative(repoRoot, f), () => {
      const r = checkFile(f, root);
      if (r === 'skip') throw new Error('skipped');
      expect(r.ok, formatResult(r)).toBe(true);
    });
  }
});

describe('conformance runner catches failures', () => {
  const sample = resolve(DIR, 'lstm/small.json');
  const load = () => JSON.parse(readFileSync(sample, 'utf8')) as Record<string, any>; // test fixture: free-form JSON

  it('treats NaN from the engine as a failure, not as a small error', () => {
    const d = new Diff();
    d.num('h[0][0]', NaN, 0.5);
    expect(d.max).toBe(Infinity);
    expect(d.problems[0]).toMatch(/h\[0\]\[0\]: engine gave NaN/);
  });

  it.runIf(existsSync(sample))('fails a perturbed expected value and names where', () => {
    const j = load();
    j.expected.gates.f[3][2] += 1e-4;
    const r = checkVector('x.json', j);
    expect(r.ok).toBe(false);
    expect(r.layouts.every((l) => l.maxAt === 'gates.f[3][2]')).toBe(true);
  });

  it.runIf(existsSync(sample))('fails a non-numeric expected value and a wrong cell name', () => {
    const j = load();
    j.expected.h[0][0] = null;
    expect(checkVector('x.json', j).ok).toBe(false);
    expect(checkVector('x.json', { ...load(), cell: 'lstm-sideways' }).problems[0]).toMatch(/unknown cell/);
  });

  it.runIf(existsSync(sample))('fails when a formulation is swapped (coupled read as plain LSTM)', () => {
    const coupled = JSON.parse(readFileSync(resolve(DIR, 'lstm-coupled/small.json'), 'utf8'));
    expect(checkVector('x.json', { ...coupled, cell: 'lstm' }).ok).toBe(false);
  });
});
