/**
 * Property tests on random weights: whatever the weights, gates stay in [0, 1], candidates and h
 * in [-1, 1] (a relu RNN's h in [0, ∞), finite), c stays finite and grows by at most 1 per step, and nothing is NaN, including
 * with weights scaled by 1e3 so that |pre-activation| ≫ 30 (where a naive exp overflows).
 * Today's kinds: minGRU's and minLSTM's h stays between h_{t−1} and the candidate (their gates
 * mix the two; minLSTM's f′ + i′ = 1 exactly); the sLSTM's and mLSTM's stabilised gates lie in
 * [0, 1] with one of them exactly 1 (m is the max), the sLSTM's |c| ≤ n keeps |h| ≤ 1, and no
 * number anywhere in any trace is NaN or ±Infinity, from their zero state (half the runs) or a
 * random one, where exp(ĩ) alone would overflow long before.
 */
import fc from 'fast-check';
import { CONFIGS } from '../testing/finiteDifferences';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { randomParams, type InitOptions } from './init';
import { hasCellState, run } from './step';
import { paramArrays } from './grad';
import type { Vec } from './types';
import { type CellKind, extraLengthOf, extraSlotsOf, RELU_CAP, type StepTrace } from './kinds';
import { softplus } from './math';

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
  else if (t.kind === 'slstm') expect(within(t.h, -1 - 1e-12, 1 + 1e-12)).toBe(true); // |c| ≤ n up to rounding
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
  } else if (t.kind === 'slstm') {
    for (const g of [t.iPrime, t.fPrime, t.o]) expect(within(g, 0, 1)).toBe(true);
    expect(within(t.z, -1, 1)).toBe(true);
    t.m.forEach((m, k) => {
      // The stabiliser is the max, so one of the gates is exactly e⁰ = 1.
      expect(m).toBe(Math.max(t.logF[k]! + t.mPrev[k]!, t.pre.i[k]!));
      expect(Math.max(t.iPrime[k]!, t.fPrime[k]!)).toBe(1);
      expect(t.n[k]!).toBeGreaterThanOrEqual(0);
      expect(Math.abs(t.c[k]!)).toBeLessThanOrEqual(t.n[k]! * (1 + 1e-12) + 1e-300);
    });
    if (t.n.some((n) => n === 0)) t.n.forEach((n, k) => n === 0 && expect(t.h[k]).toBe(t.o[k]! * t.z[k]!));
  } else if (t.kind === 'mlstm') {
    for (const g of [t.iPrime, t.fPrime]) expect(g >= 0 && g <= 1).toBe(true);
    expect(Math.max(t.iPrime, t.fPrime)).toBe(1);
    expect(t.m).toBe(Math.max(-softplus(-t.pre.f) + t.mPrev, t.pre.i));
    expect(within(t.o, 0, 1)).toBe(true);
    expect(t.denominator).toBeGreaterThanOrEqual(Math.abs(t.nq));
    expect(within(t.hTilde, -1e150, 1e150)).toBe(true); // mlstm.ts's cap on |h̃|
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
  const { traces, final } = run(p, xs, startOf(v.kind, H, rng, seed, h0, c0));
  let bound = 3;
  let maxPre = 0;
  for (const t of traces) {
    bound += 1 + 1e-12;
    maxPre = Math.max(maxPre, checkStep(t, bound));
  }
  expect(finite(final.h) && finite(final.c) && finite(final.extra ?? null)).toBe(true);
  return maxPre;
}

/**
 * The state a run starts from. The classic kinds: h0, c0 as drawn. Kinds with further states:
 * on even seeds their zero state (the official start, where the first write sets the scale),
 * else a state such a cell can be in: a normaliser n0 ≥ |c0| (so |h| ≤ 1), any m0, any memory.
 */
function startOf(kind: CellKind, H: number, rng: ReturnType<typeof createRng>, seed: number, h0: Vec, c0: Vec) {
  const E = extraLengthOf(kind, H);
  if (E === 0) return { h: h0, c: hasCellState(kind) ? c0 : null };
  if (seed % 2 === 0) return { h: new Float64Array(H), c: hasCellState(kind) ? new Float64Array(H) : null, extra: new Float64Array(E) };
  const extra = new Float64Array(E);
  for (const s of extraSlotsOf(kind, H)) {
    for (let k = 0; k < s.length; k++) extra[s.offset + k] = s.stabiliser ? rng.uniform(-5, 5) : s.nonNegative ? Math.abs(c0[k]!) + rng.uniform(0, 2) : rng.uniform(-1, 1);
  }
  return { h: h0, c: hasCellState(kind) ? c0 : null, extra };
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

/**
 * The largest weights a model file may hold (±10,000, importers/errors.ts) and the largest numbers
 * a time series may feed (±10,000), over long sequences: pre-activations near 10⁹, stabilisers
 * that run far past exp's range. Every number in every trace and state stays finite.
 */
describe.each(VARIANTS.filter((v) => extraLengthOf(v.kind, 1) > 0 || v.kind === 'mingru' || v.kind === 'minlstm'))('$name at the file bounds', (v) => {
  it('nothing in the trace or the state is NaN or ±Infinity', () => {
    const bound = fc.constantFrom(-1e4, 1e4, -1, 0, 1, 1e-4);
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), I: fc.integer({ min: 1, max: 4 }), H: fc.integer({ min: 1, max: 5 }), w: fc.array(bound, { minLength: 1, maxLength: 8 }) }),
        (s) => {
          const rng = createRng(s.seed);
          const p = randomParams(v.kind, s.I, s.H, rng, v.opts);
          // Weights drawn from the bounds' few values (cycled), so saturated, exploding and balanced gates all occur.
          const pick = (k: number) => s.w[k % s.w.length]! * (rng.next() < 0.5 ? -1 : 1);
          let n = 0;
          for (const a of paramArrays(p)) for (let k = 0; k < a.data.length; k++) a.data[k] = pick(n++);
          const xs = Array.from({ length: 40 }, () => Float64Array.from({ length: s.I }, () => pick(n++)));
          const { traces, final } = run(p, xs, startOf(v.kind, s.H, rng, s.seed, new Float64Array(s.H), new Float64Array(s.H)));
          for (const t of traces) expect(everyNumber(t).every(Number.isFinite)).toBe(true);
          expect(everyNumber(final).every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 80, seed: 3 },
    );
  });
});
