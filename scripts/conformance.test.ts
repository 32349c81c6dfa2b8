/**
 * The engine against every golden vector file in ../shared/conformance (the classic cells) and
 * ../shared/conformance-modern (today's), one test per file. A missing directory FAILS: silently
 * skipping would make a broken checkout look green.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS, type CellKind, extraSlotsOf, initialState, run } from '../src/engine';
import { fromCanonical } from '../src/engine/importers';
import { CELLS } from './conformance-cells';
import { Diff } from './conformance-diff';
import { checkFile, checkVector, findJsonFiles, formatResult, isVectorFile } from './conformance-lib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = resolve(repoRoot, '../shared/conformance');
const MODERN = resolve(repoRoot, '../shared/conformance-modern');
const DIRS = [DIR, MODERN];

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
      return isVectorFile(JSON.parse(readFileSync(f, 'utf8')));
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

describe('today’s vectors: every value of expected is checked, and the wrong formulations fail', () => {
  const load = (rel: string) => JSON.parse(readFileSync(resolve(MODERN, rel), 'utf8')) as Record<string, any>; // test fixture: free-form JSON
  const CASES = ['small', 'small-init', 'medium'];
  const present = existsSync(MODERN);

  /** The first number of a nested array, and a way to move it. */
  function firstLeaf(v: any, path: string): { path: string; bump: () => void } | null {
    if (typeof v === 'number') return null;
    if (!Array.isArray(v) || v.length === 0) return null;
    if (typeof v[0] === 'number') return { path: `${path}[0]`, bump: () => (v[0] += 1e-4) };
    return firstLeaf(v[0], `${path}[0]`);
  }

  it.runIf(present)('moving any one expected value by 1e-4 fails the file, naming that value', () => {
    let checked = 0;
    for (const cell of ['mingru', 'minlstm', 'slstm', 'slstm-sigmoid-forget', 'mlstm']) {
      const keys = Object.keys(load(`${cell}/small-init.json`).expected).filter((k) => k !== 'precision' && k !== 'preactivationRange');
      for (const key of keys) {
        const blocks = key === 'gates' || key === 'preactivations' || key === 'projections' || key === 'final' ? Object.keys(load(`${cell}/small-init.json`).expected[key]) : [null];
        for (const sub of blocks) {
          const j = load(`${cell}/small-init.json`);
          const target = sub === null ? j.expected[key] : j.expected[key][sub];
          const path = sub === null ? key : `${key}.${sub}`;
          let at = firstLeaf(target, path);
          if (!at) {
            // A number of its own (final.m of the mLSTM): moved in place.
            j.expected[key][sub!] += 1e-4;
            at = { path, bump: () => {} };
          }
          at.bump();
          const r = checkVector(`${cell}.json`, j);
          expect(r.ok, `${cell} ${at.path}`).toBe(false);
          expect(r.layouts[0]!.maxAt, `${cell} ${at.path}`).toBe(at.path);
          checked++;
        }
      }
    }
    // h, the states and the denominator, every gate, pre-activation, projection and final state.
    expect(checked).toBeGreaterThan(50);
  });

  /**
   * The files' own record of where a wrong formulation lands (checks.nearMisses), reproduced by
   * the engine run on weights that make it compute that formulation exactly: σ(−a) = 1 − σ(a)
   * swaps minGRU's z and 1 − z; the sLSTM's other forget gate is its variant; scaling the mLSTM's
   * key weights by √d undoes the 1/√d (the bias alone: the bias outside the scaling). Each lands
   * far outside the tolerance, and the file then fails.
   */
  const WRONG: ReadonlyArray<{ cell: string; miss: string; kind: CellKind; opts?: Record<string, string>; asCell?: string; edit?: (w: Record<string, any>, d: number) => void }> = [
    {
      cell: 'mingru',
      miss: 'z and 1-z swapped (h = z*h_prev + (1-z)*h~, the classic GRU convention)',
      kind: 'mingru',
      edit: (w) => {
        w.W_z = w.W_z.map((row: number[]) => row.map((v) => -v));
        w.b_z = w.b_z.map((v: number) => -v);
      },
    },
    { cell: 'slstm', miss: 'sigmoid forget gate instead of exp (log f = logsigmoid(f~))', kind: 'slstm', opts: { forget: 'sigmoid' }, asCell: 'slstm-sigmoid-forget' },
    { cell: 'slstm-sigmoid-forget', miss: 'exponential forget gate instead of sigmoid (log f = f~)', kind: 'slstm', opts: { forget: 'exp' }, asCell: 'slstm' },
    {
      cell: 'mlstm',
      miss: 'key not scaled by 1/sqrt(d)',
      kind: 'mlstm',
      edit: (w, d) => {
        w.W_k = w.W_k.map((row: number[]) => row.map((v) => v * Math.sqrt(d)));
        w.b_k = w.b_k.map((v: number) => v * Math.sqrt(d));
      },
    },
    { cell: 'mlstm', miss: 'key bias outside the scaling (k = W_k x / sqrt(d) + b_k)', kind: 'mlstm', edit: (w, d) => (w.b_k = w.b_k.map((v: number) => v * Math.sqrt(d))) },
  ];
  for (const wrong of WRONG) {
    it.runIf(present)(`${wrong.cell}: ${wrong.miss}`, () => {
      for (const c of CASES) {
        const j = load(`${wrong.cell}/${c}.json`);
        const w = structuredClone(j.weights.canonical);
        wrong.edit?.(w, j.dims.hiddenSize);
        const p = fromCanonical(wrong.kind, w, { ...CELLS[wrong.cell]!.canonical, ...wrong.opts });
        const H = p.hiddenSize;
        const slots = extraSlotsOf(p.kind, H);
        const extra = new Float64Array(slots.reduce((n, s) => n + s.length, 0));
        for (const s of slots) extra.set([j.initial[s.name]].flat(2), s.offset);
        const s0 = initialState(p, j.initial.h ? Float64Array.from(j.initial.h) : undefined, j.initial.c ? Float64Array.from(j.initial.c) : undefined, slots.length ? extra : undefined);
        const { traces } = run(
          p,
          j.x.map((x: number[]) => Float64Array.from(x)),
          s0,
        );
        let gap = 0;
        traces.forEach((tr, t) => tr.h.forEach((v, k) => (gap = Math.max(gap, Math.abs(v - j.expected.h[t][k])))));
        const recorded = j.checks.nearMisses[wrong.miss];
        expect(Math.abs(gap - recorded), `${c}: engine ${gap}, file ${recorded}`).toBeLessThan(1e-9);
        expect(gap).toBeGreaterThan(1e3 * j.checks.tolerance);
        j.weights.canonical = w;
        expect(checkVector('x.json', wrong.asCell ? { ...j, cell: wrong.asCell } : j).ok).toBe(false);
      }
    });
  }
});
