/**
 * Property tests on random weights: whatever the weights, gates stay in [0, 1], candidates and h
 * in [-1, 1] (a relu RNN's h in [0, ∞), finite), c stays finite and grows by at most 1 per step, and nothing is NaN, including
 * with weights scaled by 1e3 so that |pre-activation| ≫ 30 (where a naive exp overflows).
 */
import fc from 'fast-check';
import { CONFIGS } from '../testing/finiteDifferences';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { randomParams, type InitOptions } from './init';
import { initialState, run } from './step';
import type { Vec } from './types';
import { type CellKind, RELU_CAP, type StepTrace } from './kinds';

interface Variant {
  readonly name: string;
  readonly kind: CellKind;
  readonly opts: InitOptions;
}

// Every registered kind and variant (src/testing/finiteDifferences.ts builds them from the registry).
const VARIANTS: Variant[] = CONFIGS.map((c) => ({ name: c.label, kind: c.kind, opts: c.opts }));

const within = (v: Vec, lo: number, hi: number) => v.every((x) => Number.isFinite(x) && x >= lo && x <= hi);
const finite = (v: Vec | null) => v === null || v.every(Number.isFinite);

/** Every number in a trace (vectors, matrices, scalars), however deep. */
function everyNumber(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (v instanceof Float64Array) for (const x of v) out.push(x);
  else if (typeof v === 'object' && v !== null) for (const w of Object.values(v)) everyNumber(w, out);
  return out;
}

/** Between a and b (either order), up to rounding: a convex combination of the two. */
const between = (x: number, a: number, b: number) => x >= Math.min(a, b) - 1e-12 * (1 + Math.abs(a) + Math.abs(b)) && x <= Math.max(a, b) + 1e-12 * (1 + Math.abs(a) + Math.abs(b));

/** Checks one step's invariants; returns the largest |pre-activation| seen. */
function checkStep(t: StepTrace, cellBound: number): number {
  // Nothing in a trace is ever NaN or ±Infinity, whatever the kind.
  expect(everyNumber(t).every(Number.isFinite)).toBe(true);
  if (t.kind === 'rnn' && t.activation === 'relu') {
    // Unbounded above, never negative, never NaN or ±Infinity: h = max(0, a) exactly.
    expect(within(t.h, 0, Number.MAX_VALUE)).toBe(true);
    t.h.forEach((h, k) => expect(h).toBe(Math.min(RELU_CAP, Math.max(0, t.pre.a[k]!))));
  } else if (t.kind === 'rnn' || t.kind === 'gru' || 'cTilde' in t) expect(within(t.h, -1, 1)).toBe(true);
  if (t.kind === 'gru') {
    for (const g of [t.z, t.r]) expect(within(g, 0, 1)).toBe(true);
    expect(within(t.n, -1, 1)).toBe(true);
  } else if (t.kind === 'mingru') {
    // A gate in [0, 1] mixing h_{t-1} and the candidate: h lies between them.
    expect(within(t.z, 0, 1)).toBe(true);
    t.h.forEach((h, k) => expect(between(h, t.hPrev[k]!, t.hTilde[k]!), `unit ${k}`).toBe(true));
  } else if (t.kind === 'minlstm') {
    for (const g of [t.f, t.i, t.fPrime, t.iPrime]) expect(within(g, 0, 1)).toBe(true);
    // Normalised: f′ + i′ = 1 exactly (i′ is computed as 1 − f′), so h lies between h_{t-1} and h̃.
    t.fPrime.forEach((f, k) => expect(f + t.iPrime[k]!).toBe(1));
    t.h.forEach((h, k) => expect(between(h, t.hPrev[k]!, t.hTilde[k]!), `unit ${k}`).toBe(true));
  } else if ('cTilde' in t) {
    for (const g of [t.i, t.f, t.o]) expect(within(g, 0, 1)).toBe(true);
    expect(within(t.cTilde, -1, 1)).toBe(true);
    expect(within(t.tanhC, -1, 1)).toBe(true);
    // |c_t| ≤ f|c_{t-1}| + i|g| ≤ |c_{t-1}| + 1 (coupled: exactly ≤ max(|c_{t-1}|, 1)).
    expect(within(t.c, -cellBound, cellBound)).toBe(true);
    if (t.kind === 'coupled') t.f.forEach((f, k) => expect(Math.abs(f + t.i[k]! - 1)).toBeLessThan(1e-15));
  }
  const pres = Object.values(t.pre as Readonly<Record<string, Vec | number | null>>).flatMap((p) => (p === null ? [] : typeof p === 'number' ? [Math.abs(p)] : Array.from(p, Math.abs)));
  return Math.max(0, ...pres);
}

function runCase(v: Variant, seed: number, I: number, H: number, steps: number, scaleUp: number): number {
  const rng = createRng(seed);
  const p = randomParams(v.kind, I, H, rng, { ...v.opts, scale: scaleUp / Math.sqrt(H) });
  const xs = Array.from({ length: steps }, () => Float64Array.from({ length: I }, () => rng.uniform(-2, 2)));
  const h0 = Float64Array.from({ length: H }, () => rng.uniform(-1, 1));
  const c0 = Float64Array.from({ length: H }, () => rng.uniform(-3, 3));
  const { traces, final } = run(p, xs, initialState(p, h0, c0));
  let bound = 3;
  let maxPre = 0;
  for (const t of traces) {
    bound += 1 + 1e-12;
    maxPre = Math.max(maxPre, checkStep(t, bound));
  }
  expect(finite(final.h) && finite(final.c)).toBe(true);
  return maxPre;
}

const sizes = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  I: fc.integer({ min: 1, max: 6 }),
  H: fc.integer({ min: 1, max: 8 }),
  steps: fc.integer({ min: 1, max: 10 }),
});

describe.each(VARIANTS)('$name', (v) => {
  it('stays bounded on ordinary weights', () => {
    fc.assert(
      fc.property(sizes, (s) => void runCase(v, s.seed, s.I, s.H, s.steps, 1)),
      { numRuns: 60, seed: 1 },
    );
  });
  it('stays bounded, without NaN, on weights ×1e3 (|z| > 30)', () => {
    let maxPre = 0;
    fc.assert(
      fc.property(sizes, (s) => {
        maxPre = Math.max(maxPre, runCase(v, s.seed, s.I, s.H, s.steps, 1e3));
      }),
      { numRuns: 60, seed: 2 },
    );
    // The point of this test is saturation: make sure it was reached.
    expect(maxPre).toBeGreaterThan(30);
  });
});
