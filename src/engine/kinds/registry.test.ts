/**
 * What every kind module promises the code that asks the registry, checked for every kind: its
 * weights are its params' live storage in paramArrays' order; its parts name what its traces
 * hold; its further states fill CellState.extra exactly; its Jacobian has the shape it declares.
 * And what today's kinds promise besides: gates of x_t alone keep no recurrent matrix anywhere.
 */
import { describe, expect, it } from 'vitest';
import { randomParams } from '../init';
import { createRng } from '../rng';
import { initialState, run } from '../step';
import { stepJacobian } from '../grad/jacobian';
import { gradArrays, paramArrays, zeroGrads } from '../grad/views';
import { ALL_KINDS, CELL_KINDS, extraLengthOf, extraSlotsOf, KINDS, kindOf } from '.';

const today = KINDS.filter((k) => k.group === 'today').map((k) => k.id);

describe('the registry', () => {
  it('registers today’s kinds beside the classic ones, and offers every classic kind and those of today’s that have figures', () => {
    expect(today).toEqual(['mingru', 'minlstm', 'slstm', 'mlstm']);
    const classic = KINDS.filter((k) => k.group === 'classic').map((k) => k.id);
    expect(ALL_KINDS).toEqual([...classic, ...today]);
    for (const id of today) expect(kindOf(id).id).toBe(id);
    // Offered: in the registry's order, every classic kind, and a subset of today's (src/kinds.architecture.test.ts pairs each with a figure).
    expect(ALL_KINDS.filter((k) => CELL_KINDS.includes(k))).toEqual(CELL_KINDS);
    expect(classic.every((k) => CELL_KINDS.includes(k))).toBe(true);
    expect(() => kindOf('transformer')).toThrow(/unknown cell kind 'transformer'.*mingru, minlstm, slstm, mlstm/);
  });

  for (const spec of KINDS) {
    describe(spec.id, () => {
      const p = randomParams(spec.id, 3, 4, createRng(2));
      const { traces, final } = run(p, [Float64Array.of(0.5, -1, 2), Float64Array.of(-0.3, 0.2, 0.1)]);

      it('lists its weights as the live storage of paramArrays, in the same order and with their shapes', () => {
        const w = spec.weights(p);
        const a = paramArrays(p);
        expect(w.map((t) => t.data)).toEqual(a.map((x) => x.data));
        w.forEach((t, k) => expect(t.data).toBe(a[k]!.data));
        for (const t of w) expect(t.data.length).toBe(t.shape.reduce((n, d) => n * d, 1));
        expect(new Set(w.map((t) => t.path)).size).toBe(w.length);
        expect(gradArrays(zeroGrads(p)).map((g) => [g.name, g.data.length])).toEqual(a.map((x) => [x.name, x.data.length]));
        // create() gives the same tensors at zero.
        const empty = spec.create({ inputSize: 3, hiddenSize: 4, gateActivation: 'sigmoid' });
        expect(spec.weights(empty).map((t) => [t.path, ...t.shape])).toEqual(w.map((t) => [t.path, ...t.shape]));
        expect(spec.weights(empty).every((t) => t.data.every((v) => v === 0))).toBe(true);
      });

      it('names parts its traces hold, and states that fill CellState.extra', () => {
        for (const part of spec.parts) expect(part.name in traces[0]!, part.name).toBe(true);
        expect(spec.equations.length).toBeGreaterThan(0);
        const E = extraLengthOf(spec.id, 4);
        expect(E).toBe(spec.extraStates.length === 0 ? 0 : extraSlotsOf(spec.id, 4).reduce((n, s) => n + s.length, 0));
        expect(final.extra?.length ?? 0).toBe(E);
        expect(initialState(p).extra?.length ?? 0).toBe(E);
        for (const s of spec.extraStates) expect(s.name in traces[0]!, s.name).toBe(true);
        expect(final.c !== null).toBe(spec.hasCellState);
        expect(stepJacobian(p, traces[0]!).kind).toBe(spec.jacobianKind);
      });
    });
  }

  it('keeps no recurrent matrix for the kinds whose gates read x_t alone (minGRU, minLSTM, mLSTM): none stored, drawn or trained', () => {
    for (const id of ['mingru', 'minlstm', 'mlstm'] as const) {
      const p = randomParams(id, 3, 4, createRng(1));
      expect(
        paramArrays(p)
          .map((a) => a.name)
          .filter((n) => /(^|\.)U$/.test(n)),
      ).toEqual([]);
      expect(gradArrays(zeroGrads(p)).some((g) => g.name.endsWith('.U'))).toBe(false);
      // Only input-sized matrices, vectors and numbers: nothing H×H.
      expect(
        kindOf(id)
          .weights(p)
          .every((t) => t.shape.length < 2 || t.shape[1] === 3),
      ).toBe(true);
    }
    // The sLSTM reads h_{t−1}: its four U are full H×H matrices (one head), and one bias per gate.
    const s = randomParams('slstm', 3, 4, createRng(1));
    expect(
      kindOf('slstm')
        .weights(s)
        .map((t) => t.path),
    ).toEqual(['i.W', 'i.U', 'i.b', 'f.W', 'f.U', 'f.b', 'z.W', 'z.U', 'z.b', 'o.W', 'o.U', 'o.b']);
  });

  it('draws the sLSTM’s forget gate as asked, the paper’s exponential one by default', () => {
    expect(randomParams('slstm', 2, 3, createRng(1))).toMatchObject({ forget: 'exp' });
    expect(randomParams('slstm', 2, 3, createRng(1), { forget: 'sigmoid' })).toMatchObject({ forget: 'sigmoid' });
  });
});
