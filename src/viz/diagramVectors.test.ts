import { describe, expect, it } from 'vitest';
import { createRng, embedToken, kindOf, randomParams, run, CELL_KINDS } from '../engine';
import { demoModel } from '../models/demo';
import { diagramVectors, unitsThatChangedMost } from './diagramVectors';
import { nodeEquation } from './equations';
import { cellLayout } from './cellLayout';

const words = ['the', 'clouds', 'are', 'in', 'the', 'sky'];

describe('diagram vectors and equations', () => {
  it('kept + written on the belt is C_t (LSTM family) or h_t (GRU, minGRU, minLSTM) to the last bit, and C_t q_t for a matrix memory (mLSTM)', () => {
    // Every kind whose belt the diagram draws as kept + written (all but the plain RNN).
    for (const kind of CELL_KINDS.filter((k) => kindOf(k).gates.length > 1)) {
      const m = demoModel(kind);
      const tr = run(
        m.cell,
        words.map((w) => embedToken(m.embedding, w).x),
      ).traces[3]!;
      const V = diagramVectors(tr, m.cell);
      const sum = V.kept!.values.map((k, u) => k + V.written!.values[u]!);
      if ('C' in tr) {
        // A matrix memory's belt is C_t as q_t reads it, C_t q_t, computed here from the trace's C.
        const H = tr.q.length;
        const Cq = Array.from({ length: H }, (_, a) => tr.q.reduce((s, q, b) => s + tr.C.data[a * H + b]! * q, 0));
        sum.forEach((v, a) => expect(Math.abs(v - Cq[a]!), `${kind} unit ${a}`).toBeLessThan(1e-12 * (1 + Math.abs(Cq[a]!))));
        continue;
      }
      // The belt is C_t where the kind has a cell state, else h_t.
      expect(Array.from(sum)).toEqual(Array.from(kindOf(kind).belt(tr)?.c ?? tr.h));
    }
  });

  it('every layer and pointwise node of every kind has an equation whose numbers are the trace', () => {
    for (const kind of CELL_KINDS) {
      const m = demoModel(kind);
      const tr = run(
        m.cell,
        words.map((w) => embedToken(m.embedding, w).x),
      ).traces[2]!;
      const V = diagramVectors(tr, m.cell);
      for (const n of cellLayout(kind, { rows: 6, collapsed: false, inputRows: 8 }).nodes) {
        if (n.kind !== 'layer' && n.kind !== 'pointwise') continue;
        const eq = nodeEquation(n.id, tr, m.cell);
        expect(eq, `${kind} ${n.id}`).not.toBeNull();
        expect(Array.from(eq!.out)).toEqual(Array.from(V[n.vector!]!.values));
        expect(eq!.plugged(0)).toMatch(/= −?\d\.\d{3}$/);
      }
    }
  });

  it('the peephole equations show the p ⊙ C term, the coupled 1− shows i = 1 − f, reset-after GRU its form', () => {
    const m = demoModel('peephole');
    const tr = run(m.cell, [embedToken(m.embedding, 'a').x, embedToken(m.embedding, 'b').x]).traces[1]!;
    expect(nodeEquation('layerF', tr, m.cell)!.symbolic).toContain('p_f ⊙ C_{t−1}');
    expect(nodeEquation('layerO', tr, m.cell)!.symbolic).toContain('p_o ⊙ C_t');
    const c = demoModel('coupled');
    const tc = run(c.cell, [embedToken(c.embedding, 'a').x]).traces[0]!;
    expect(nodeEquation('oneMinus', tc, c.cell)!.symbolic).toBe('i_t = 1 − f_t');
    const g = demoModel('gru');
    const tg = run(g.cell, [embedToken(g.embedding, 'a').x]).traces[0]!;
    expect(nodeEquation('layerN', tg, g.cell)!.symbolic).toContain('r_t ⊙ (U_n h_{t−1} + b_{Un})');
  });

  it('with many units, picks the ones whose state changed most', () => {
    const p = randomParams('lstm', 4, 40, createRng(3));
    const tr = run(p, [new Float64Array([1, -1, 0.5, 0.2])]).traces[0]!;
    const picked = unitsThatChangedMost(tr, 8);
    expect(picked).toHaveLength(8);
    const d = (k: number) => Math.abs((tr as { c: Float64Array }).c[k]!);
    const minPicked = Math.min(...picked.map(d));
    for (let k = 0; k < 40; k++) if (!picked.includes(k)) expect(d(k)).toBeLessThanOrEqual(minPicked);
  });
});
