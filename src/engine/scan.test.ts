import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { type AffineStep, prefixScan } from './scan';

const vec = (xs: number[]) => Float64Array.from(xs);

/** h_t = a_t ⊙ h_{t−1} + b_t, one step after another: what the scan must agree with. */
function stepped(steps: readonly AffineStep[], h0: Float64Array): Float64Array[] {
  const out: Float64Array[] = [];
  let h = h0;
  for (const s of steps) {
    h = s.a.map((a, k) => a * h[k]! + s.b[k]!);
    out.push(h);
  }
  return out;
}

function randomSteps(T: number, H: number, seed: number): AffineStep[] {
  const rng = createRng(seed);
  return Array.from({ length: T }, () => ({
    a: Float64Array.from({ length: H }, () => rng.uniform(0, 1)),
    b: Float64Array.from({ length: H }, () => rng.uniform(-1, 1)),
  }));
}

describe('prefixScan', () => {
  it('composes later after earlier: (a2, b2) ∘ (a1, b1) = (a2 a1, a2 b1 + b2)', () => {
    // h ↦ 0.25 h + 4, then ↦ 0.5 (·) + 2: 0.125 h + 4, held by the second position after one level.
    const scan = prefixScan(
      [
        { a: vec([0.25]), b: vec([4]) },
        { a: vec([0.5]), b: vec([2]) },
      ],
      vec([8]),
    );
    const m = scan.levels[1]!.maps[1]!;
    expect(Array.from(m.a)).toEqual([0.125]);
    expect(Array.from(m.b)).toEqual([4]);
    expect(Array.from(scan.h[1]!)).toEqual([0.125 * 8 + 4]);
  });

  it('gives the same states as stepping, for any length, in ⌈log2 T⌉ levels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e6 }), (T, H, seed) => {
        const steps = randomSteps(T, H, seed);
        const h0 = Float64Array.from({ length: H }, (_, k) => k - 1);
        const scan = prefixScan(steps, h0);
        const want = stepped(steps, h0);
        expect(scan.h.length).toBe(T);
        for (let t = 0; t < T; t++) for (let k = 0; k < H; k++) expect(Math.abs(scan.h[t]![k]! - want[t]![k]!)).toBeLessThan(1e-12);
        expect(scan.levels.length - 1).toBe(T <= 1 ? 0 : Math.ceil(Math.log2(T)));
      }),
    );
  });

  it('after the last level every position covers steps 1..t, and each level doubles the reach', () => {
    const scan = prefixScan(randomSteps(11, 2, 7), new Float64Array(2));
    const last = scan.levels.at(-1)!;
    expect(last.first.every((f) => f === 0)).toBe(true);
    expect(scan.levels.map((l) => l.reach)).toEqual([0, 1, 2, 4, 8]);
    // At reach 4, position 6 took in position 2, which then covered steps 0..2 (reach 1 and 2 before it).
    expect(scan.levels[3]!.from[6]).toBe(2);
    expect(scan.levels[2]!.first[6]).toBe(3);
    expect(scan.levels[3]!.first[6]).toBe(0);
  });
});
