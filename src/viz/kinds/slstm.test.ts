import { describe, expect, it } from 'vitest';
import { createRng, paramArrays, randomParams, run, type SlstmTrace } from '../../engine';
import { figureOf } from '.';

function traces(scale: number): SlstmTrace[] {
  const p = randomParams('slstm', 3, 5, createRng(11));
  for (const a of paramArrays(p)) for (let k = 0; k < a.data.length; k++) a.data[k]! *= scale;
  const xs = Array.from({ length: 6 }, (_, t) => Float64Array.from({ length: 3 }, (_, k) => Math.cos(3 * t + k) * 4));
  return run(p, xs).traces as SlstmTrace[];
}

describe('sLSTM stabiliser rows', () => {
  const units = [0, 2, 4];
  it('are the trace’s numbers, one per unit shown, and h_t = o_t c_t / n_t', () => {
    const tr = traces(1)[3]!;
    const rows = figureOf('slstm').stabiliser!(tr, units);
    const row = (label: string) => rows.find((r) => r.label === label)!;
    expect(row('stab.m').values).toEqual(units.map((k) => tr.m[k]!.toFixed(3).replace('-', '−')));
    expect(row('stab.h').values).toEqual(units.map((k) => tr.h[k]!.toFixed(3).replace('-', '−')));
    for (const k of units) expect(tr.h[k]).toBeCloseTo((tr.o[k]! * tr.c[k]!) / tr.n[k]!, 12);
    // One of the stabilised gates is exactly 1 in every unit: m_t is the larger log-weight.
    for (const k of units) expect(Math.max(tr.iPrime[k]!, tr.fPrime[k]!)).toBe(1);
  });

  it('with saturated weights, marks what would overflow without m and shows no NaN or Infinity', () => {
    const all = traces(5000);
    let overflowed = 0;
    for (const tr of all) {
      const rows = figureOf('slstm').stabiliser!(tr, units);
      for (const r of rows) for (const v of r.values) expect(v).not.toMatch(/NaN|Infinity/);
      const raw = rows.find((r) => r.label === 'stab.rawI')!;
      units.forEach((k, j) => {
        expect(raw.overflow![j]).toBe(!Number.isFinite(Math.exp(tr.pre.i[k]!)));
        if (raw.overflow![j]) overflowed++;
      });
      for (const k of units) expect(Number.isFinite(tr.h[k]!)).toBe(true);
    }
    expect(overflowed).toBeGreaterThan(0);
  });
});
