import { describe, expect, it } from 'vitest';
import { createRng, paramArrays, randomParams, run, type CellParams, type SlstmTrace } from '../../engine';
import { cellLayout } from '../cellLayout';
import { diagramVectors } from '../diagramVectors';
import { formatCompact } from '../vectors';
import { figureOf } from '.';

function params(scale: number): CellParams {
  const p = randomParams('slstm', 3, 5, createRng(11));
  for (const a of paramArrays(p)) for (let k = 0; k < a.data.length; k++) a.data[k]! *= scale;
  return p;
}

function traces(scale: number): SlstmTrace[] {
  const xs = Array.from({ length: 6 }, (_, t) => Float64Array.from({ length: 3 }, (_, k) => Math.cos(3 * t + k) * 4));
  return run(params(scale), xs).traces as SlstmTrace[];
}

describe('sLSTM figure: n and m as states on belts of their own', () => {
  const l = cellLayout('slstm', { rows: 5, collapsed: false, inputRows: 3 });
  const edge = (id: string) => l.edges.find((e) => e.id === id);
  it('n_{t−1} → × f′ → + i′ → n_t, which the ÷ n_t reads; m_{t−1} → max → m_t; both as belts under c', () => {
    for (const id of ['nPrev->nMul', 'nMul->nAdd', 'nAdd->nTap', 'nTap->n', 'mPrev->mMax', 'mMax->m']) expect(edge(id)?.belt, id).toBe(true);
    for (const id of ['forkF->nMul', 'forkF->mulF', 'forkI->nAdd', 'forkI->mulI', 'nTap->tanhC']) expect(edge(id), id).toBeDefined();
    const y = (id: string) => l.nodes.find((n) => n.id === id)!.y;
    expect(y('cPrev')).toBeLessThan(y('mPrev'));
    expect(y('mPrev')).toBeLessThan(y('nPrev'));
    expect([y('m'), y('n')]).toEqual([y('mPrev'), y('nPrev')]);
    // The lines from the gates up to c's belt cross the n and m belts, broken where they do.
    expect(edge('forkF->mulF')!.d.match(/M/g)).toHaveLength(3);
    expect(l.strips.map((s) => s.vector)).toEqual(expect.arrayContaining(['nPrev', 'nState', 'mPrev', 'm', 'iRaw', 'fRaw']));
  });

  it('its belts show the trace’s n and m, and the gates without m are exp(ĩ_t) and exp(log f_t)', () => {
    const p = params(1);
    const tr = traces(1)[3]!;
    const V = diagramVectors(tr, p);
    expect([V.nPrev!.values, V.nState!.values, V.mPrev!.values, V.m!.values]).toEqual([tr.nPrev, tr.n, tr.mPrev, tr.m]);
    tr.n.forEach((n, k) => expect(n).toBeCloseTo(V.nKept!.values[k]! + tr.iPrime[k]!, 12));
    tr.pre.i.forEach((x, k) => expect(V.iRaw!.values[k]).toBe(Math.exp(x)));
    // Stabilised: exp(ĩ_t − m_t), the gate without m divided by exp(m_t).
    tr.iPrime.forEach((g, k) => expect(g).toBeCloseTo(V.iRaw!.values[k]! / Math.exp(tr.m[k]!), 12));
  });

  it('with saturated weights, the gates without m overflow and are written ∞, never Infinity or NaN', () => {
    const p = params(5000);
    let overflowed = 0;
    for (const tr of traces(5000)) {
      const V = diagramVectors(tr, p);
      for (const v of [...V.iRaw!.values, ...V.fRaw!.values]) {
        const s = formatCompact(v);
        expect(s).not.toMatch(/NaN|Infinity|\?/);
        expect(s.length).toBeLessThanOrEqual(6);
        if (!Number.isFinite(v)) {
          expect(s).toBe('∞');
          overflowed++;
        }
      }
      for (const v of [...V.nState!.values, ...V.m!.values]) expect(Number.isFinite(v)).toBe(true);
    }
    expect(overflowed).toBeGreaterThan(0);
  });
});

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
