import { describe, expect, it } from 'vitest';
import { createRng, type MlstmTrace, paramArrays, randomParams, run } from '../../engine';
import { formatWide } from '../vectors';
import { figureOf } from '.';

function traces(scale: number, H = 5): MlstmTrace[] {
  const p = randomParams('mlstm', 3, H, createRng(7));
  for (const a of paramArrays(p)) for (let k = 0; k < a.data.length; k++) a.data[k]! *= scale;
  const xs = Array.from({ length: 7 }, (_, t) => Float64Array.from({ length: 3 }, (_, k) => Math.sin(2 * t + k) * 3));
  return run(p, xs).traces as MlstmTrace[];
}

describe('mLSTM memory panel', () => {
  const units = [0, 2, 4];
  it('its blocks are C_{t−1}, v kᵀ and C_t for the units shown, and C_t = f′ C_{t−1} + i′ v kᵀ holds in them', () => {
    const all = traces(1);
    for (const tr of all.slice(1)) {
      const m = figureOf('mlstm').memory!(tr, units);
      const H = tr.h.length;
      units.forEach((a, i) =>
        units.forEach((b, j) => {
          expect(m.c[i]![j]).toBe(tr.C.data[a * H + b]);
          expect(m.cPrev[i]![j]).toBe(tr.CPrev.data[a * H + b]);
          expect(m.outer[i]![j]).toBe(tr.v[a]! * tr.k[b]!);
          expect(m.c[i]![j]).toBeCloseTo(tr.fPrime * m.cPrev[i]![j]! + tr.iPrime * m.outer[i]![j]!, 12);
        }),
      );
      // The step before's C_t is this step's C_{t−1}.
      const before = all[all.indexOf(tr) - 1]!;
      units.forEach((a, i) => units.forEach((b, j) => expect(m.cPrev[i]![j]).toBe(before.C.data[a * H + b])));
    }
  });

  it('the stabiliser is the larger of its two sides, one gate is exactly 1, and the denominator is the larger of |nᵀq| and e^{−m}', () => {
    for (const tr of traces(1)) {
      const m = figureOf('mlstm').memory!(tr, units);
      expect(m.m).toBe(Math.max(m.forgetSide, m.inputSide));
      expect(Math.max(m.iPrime, m.fPrime)).toBe(1);
      // n_t · q_t summed here over every unit, from the trace's n and q.
      const nq = Math.abs(tr.n.reduce((s, n, b) => s + n * tr.q[b]!, 0));
      expect(m.nq).toBeCloseTo(nq, 12);
      expect(m.floor).toBeCloseTo(Math.exp(-tr.m), 12);
      expect(m.denominator).toBe(Math.max(m.nq, m.floor));
      // h = o ⊙ C q / d, with C q computed here from C's rows.
      units.forEach((a, i) => {
        const H = tr.h.length;
        const Cq = tr.q.reduce((s, q, b) => s + tr.C.data[a * H + b]! * q, 0);
        expect(m.read[i]).toBeCloseTo(Cq, 12);
        expect(m.h[i]).toBeCloseTo((tr.o[a]! * Cq) / m.denominator, 12);
      });
    }
  });

  it('with saturated gates shows finite numbers everywhere, written so that tiny and huge ones stay readable', () => {
    for (const tr of traces(300)) {
      const m = figureOf('mlstm').memory!(tr, units);
      const numbers = [m.forgetSide, m.inputSide, m.m, m.fPrime, m.iPrime, m.nq, m.floor, m.denominator, ...m.c.flat(), ...m.h, ...m.hTilde];
      for (const x of numbers) {
        expect(Number.isFinite(x)).toBe(true);
        expect(formatWide(x)).not.toMatch(/NaN|Infinity/);
      }
    }
    expect(formatWide(3.14159e-7)).toBe('3.142e-7');
    expect(formatWide(-2.5e12)).toBe('−2.500e+12');
    expect(formatWide(0.0123)).toBe('0.012');
    expect(formatWide(0)).toBe('0.000');
  });
});
