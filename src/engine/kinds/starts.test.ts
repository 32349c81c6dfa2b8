import { describe, expect, it } from 'vitest';
import { randomParams } from '../init';
import { createRng } from '../rng';
import { step } from '../step';
import { CELL_KINDS, type CellParams, kindOf, startIds, startOf } from '.';
import { orthogonalMatrix } from './starts';

const fresh = (kind: string, id: string, seed = 3) => {
  const s = startOf(kind, id);
  const p = randomParams(kind as CellParams['kind'], 4, 6, createRng(1), s.activation ? { activation: s.activation } : {});
  const before = structuredClone(p);
  s.apply(p, { rng: createRng(seed), tMax: 100 });
  return { p, before };
};
/** The names of the arrays a start changed. */
const changed = (a: CellParams, b: CellParams) => {
  const xs = kindOf(a.kind).paramArrays(a);
  const ys = kindOf(b.kind).paramArrays(b);
  return xs.filter((x, k) => x.data.some((v, j) => v !== ys[k]!.data[j])).map((x) => x.name);
};

describe('starts', () => {
  it('every kind lists its starts once each; a kind with a keep gate starts first with chrono, the RNN with its default draw', () => {
    for (const kind of CELL_KINDS) {
      const ids = startIds(kind);
      expect(new Set(ids).size).toBe(ids.length);
      const keeps = kindOf(kind).parts.some((p) => p.role === 'keep');
      expect(ids[0]).toBe(keeps ? 'chrono' : 'default');
      expect(ids).toContain('default');
    }
  });

  it('names the starts a kind has when asked for one it has not', () => {
    expect(() => startOf('gru', 'identity')).toThrow(/chrono, default/);
  });

  it('the default start changes nothing', () => {
    for (const kind of CELL_KINDS) {
      const { p, before } = fresh(kind, 'default');
      expect(changed(p, before)).toEqual([]);
    }
  });

  it('orthogonal: UᵀU = I from the seeded stream, nothing else changed; another seed, another matrix', () => {
    const { p, before } = fresh('rnn', 'orthogonal');
    if (p.kind !== 'rnn') throw new Error('not an RNN');
    expect(changed(p, before)).toEqual(['a.U']);
    const U = p.a.U.data;
    for (let r = 0; r < 6; r++) {
      for (let c = 0; c < 6; c++) {
        let d = 0;
        for (let k = 0; k < 6; k++) d += U[k * 6 + r]! * U[k * 6 + c]!;
        expect(d).toBeCloseTo(r === c ? 1 : 0, 12);
      }
    }
    expect(Array.from(orthogonalMatrix(6, createRng(3)).data)).toEqual(Array.from(U));
    expect(Array.from(orthogonalMatrix(6, createRng(4)).data)).not.toEqual(Array.from(U));
  });

  it('orthogonal: the columns are spread, not a permutation or the identity', () => {
    const Q = orthogonalMatrix(8, createRng(9)).data;
    expect(Q.filter((v) => Math.abs(v) > 1e-6).length).toBe(64);
  });

  it('identity (IRNN): U = I, zero biases, relu; with x = 0 a positive h is carried unchanged', () => {
    const { p, before } = fresh('rnn', 'identity');
    if (p.kind !== 'rnn') throw new Error('not an RNN');
    expect(p.activation).toBe('relu');
    expect(changed(p, before)).toContain('a.U');
    expect(changed(p, before).every((n) => ['a.U', 'a.bW', 'a.bU'].includes(n))).toBe(true);
    expect(Array.from(p.a.U.data)).toEqual(Array.from({ length: 36 }, (_, k) => (k % 7 === 0 ? 1 : 0)));
    expect(Array.from(p.a.bW)).toEqual(new Array(6).fill(0));
    expect(Array.from(p.a.bU)).toEqual(new Array(6).fill(0));
    const h = Float64Array.from([0.5, 1, 2, 0.1, 3, 0.7]);
    expect(Array.from(step(p, { h, c: null }, new Float64Array(4)).state.h)).toEqual(Array.from(h));
  });

  it('chrono: the keep gate at log u, u in [1, T − 1], from the stream (the input gate at −b where it is free)', () => {
    // The classic kinds' chrono (today's kinds set their own keep bias; not measured in the curve yet).
    for (const kind of CELL_KINDS.filter((k) => kindOf(k).group === 'classic' && startIds(k).includes('chrono'))) {
      const { p } = fresh(kind, 'chrono');
      const again = fresh(kind, 'chrono').p;
      const other = fresh(kind, 'chrono', 4).p;
      const inRange = (b: Float64Array) => b.every((v) => v >= 0 && v <= Math.log(99));
      const keep = (c: CellParams) => (c.kind === 'gru' ? c.gates.z.bW : c.kind === 'lstm' || c.kind === 'peephole' || c.kind === 'coupled' ? c.gates.f.bW : null);
      expect(keep(p)).not.toBeNull();
      expect(inRange(keep(p)!)).toBe(true);
      expect(Array.from(keep(again)!)).toEqual(Array.from(keep(p)!));
      expect(Array.from(keep(other)!)).not.toEqual(Array.from(keep(p)!));
      if (p.kind === 'lstm' || p.kind === 'peephole') expect(Array.from(p.gates.i.bW)).toEqual(Array.from(p.gates.f.bW, (v) => -v));
    }
  });

  it('forget1: the forget-gate bias is 1, the rest as drawn', () => {
    for (const kind of CELL_KINDS.filter((k) => startIds(k).includes('forget1'))) {
      const { p, before } = fresh(kind, 'forget1');
      if (p.kind !== 'lstm' && p.kind !== 'peephole' && p.kind !== 'coupled') throw new Error('forget1 on a kind without a forget gate');
      expect(changed(p, before)).toEqual(['f.bW']);
      expect(Array.from(p.gates.f.bW)).toEqual(new Array(6).fill(1));
    }
  });
});
