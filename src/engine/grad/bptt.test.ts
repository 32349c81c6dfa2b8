/**
 * BPTT against finite differences, for every kind and variant (src/testing/finiteDifferences.ts has the loss and
 * the difference formula), plus the saturated case and the promise not to touch the traces.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../step';
import { bptt } from './bptt';
import { CONFIGS, caseOffKinks, REL_FLOOR, fd, loss, makeCase, relErr, snapshot, startState, type FdCase } from '../../testing/finiteDifferences';
import { gradArrays, paramArrays } from './views';

const SEEDS = [11, 22, 33];
const TOL = 1e-6;
function analytic(c: FdCase) {
  const { traces } = run(c.params, c.xs, startState(c));
  return { traces, ...bptt(c.params, traces, c.w, c.wh, c.wc ?? undefined) };
}

const worst = new Map<string, { input: number; state: number; weights: number; where: string; seeds: number[] }>();

function maxErr(analyticArr: Float64Array, f: () => number, data: Float64Array): number {
  let m = 0;
  for (let k = 0; k < data.length; k++) m = Math.max(m, relErr(analyticArr[k]!, fd(f, data, k)));
  return m;
}

describe('bptt matches fourth-order central finite differences (I=3, H=4, T=5)', () => {
  for (const cfg of CONFIGS) {
    it(cfg.label, () => {
      const w = { input: 0, state: 0, weights: 0, where: '', seeds: [] as number[] };
      for (const seed0 of SEEDS) {
        const { c, seed } = caseOffKinks(cfg, seed0);
        w.seeds.push(seed);
        const a = analytic(c);
        const L = () => loss(c);

        c.xs.forEach((x, t) => (w.input = Math.max(w.input, maxErr(a.dx[t]!, L, x))));
        w.state = Math.max(w.state, maxErr(a.dh0, L, c.h0));
        if (c.c0) {
          expect(a.dc0).not.toBeNull();
          w.state = Math.max(w.state, maxErr(a.dc0!, L, c.c0));
        } else expect(a.dc0).toBeNull();

        const ps = paramArrays(c.params);
        const gs = gradArrays(a.grads);
        expect(gs.map((g) => g.name)).toEqual(ps.map((p) => p.name));
        ps.forEach((p, k) => {
          const e = maxErr(gs[k]!.data, L, p.data);
          if (e > w.weights) [w.weights, w.where] = [e, p.name];
        });
      }
      worst.set(cfg.label, w);
      expect(w.input).toBeLessThan(TOL);
      expect(w.state).toBeLessThan(TOL);
      expect(w.weights).toBeLessThan(TOL);
    });
  }

  afterAll(() => {
    const rows = [...worst].map(
      ([k, w]) => `${k.padEnd(26)} x ${w.input.toExponential(2)}  h0/c0 ${w.state.toExponential(2)}  ` + `weights ${w.weights.toExponential(2)} (${w.where}), seeds ${w.seeds.join(',')}`,
    );
    console.log(`max relative error (floor ${REL_FLOOR}):\n${rows.join('\n')}`);
  });
});

describe('hard-sigmoid cases exercise both zones', () => {
  it('over the FD seeds, some gates are saturated (derivative 0) and some linear (0.2)', () => {
    for (const cfg of CONFIGS.filter((c) => c.opts.gateActivation === 'hardSigmoid')) {
      const gates = SEEDS.flatMap((seed) => {
        const { c } = caseOffKinks(cfg, seed);
        return run(c.params, c.xs, startState(c)).traces.flatMap((tr) =>
          tr.kind === 'gru' ? [...tr.z, ...tr.r] : 'cTilde' in tr ? [...tr.o, ...(tr.pre.f ? tr.f : []), ...(tr.pre.i ? tr.i : [])] : [],
        );
      });
      expect(
        gates.some((g) => g === 0 || g === 1),
        cfg.label,
      ).toBe(true);
      expect(
        gates.some((g) => g > 0 && g < 1),
        cfg.label,
      ).toBe(true);
    }
  });
});

describe('saturation and purity', () => {
  for (const cfg of CONFIGS) {
    it(`${cfg.label}: weights x1e3 give finite gradients`, () => {
      const c = makeCase(cfg, 5);
      for (const p of paramArrays(c.params)) for (let k = 0; k < p.data.length; k++) p.data[k]! *= 1e3;
      const a = analytic(c);
      const all = [...a.dx, a.dh0, ...(a.dc0 ? [a.dc0] : []), ...gradArrays(a.grads).map((g) => g.data)];
      for (const v of all) for (const x of v) expect(Number.isFinite(x)).toBe(true);
    });

    it(`${cfg.label}: bptt leaves the traces untouched`, () => {
      const c = makeCase(cfg, 6);
      const { traces } = run(c.params, c.xs, startState(c));
      const before = snapshot(traces);
      bptt(c.params, traces, c.w, c.wh, c.wc ?? undefined);
      expect(snapshot(traces)).toBe(before);
    });
  }

  it('a gate pinned at exactly 1 passes exactly zero gradient to its weights', () => {
    for (const gateActivation of ['sigmoid', 'hardSigmoid'] as const) {
      const c = makeCase({ label: gateActivation, kind: 'lstm', opts: { gateActivation } }, 8);
      if (c.params.kind !== 'lstm') throw new Error('unreachable');
      c.params.gates.o.bW.fill(1000); // σ(1000) and hardSigmoid(1000) are exactly 1.0
      const a = analytic(c);
      expect(a.traces.every((tr) => 'cTilde' in tr && tr.o.every((o) => o === 1))).toBe(true);
      if (!('dpeep' in a.grads)) throw new Error('unreachable');
      const g = a.grads.gates.o;
      for (const v of [g.dW.data, g.dU.data, g.dbW, g.dbU]) expect(v.every((x) => x === 0)).toBe(true);
    }
  });

  it('a coupled cell leaves its derived gate with exactly zero gradient', () => {
    for (const coupling of ['i=1-f', 'f=1-i'] as const) {
      const c = makeCase({ label: coupling, kind: 'coupled', opts: { coupling } }, 7);
      const a = analytic(c);
      if (!('dpeep' in a.grads)) throw new Error('unreachable');
      const derived = a.grads.gates[coupling === 'i=1-f' ? 'i' : 'f'];
      for (const v of [derived.dW.data, derived.dU.data, derived.dbW, derived.dbU]) {
        expect(v.every((x) => x === 0)).toBe(true);
      }
    }
  });
});

describe('bptt’s per-step gradients ∂L/∂h_t and ∂L/∂C_t (what the training lab plots)', () => {
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, k) => s + v * b[k]!, 0);
  /** The loss with the state after step t replaced: the steps after t run from (h, c). */
  function lossFrom(c: FdCase, t: number, h: Float64Array, cc: Float64Array | null): number {
    const { traces } = run(c.params, c.xs, startState(c));
    let L = traces.slice(0, t).reduce((s, tr, u) => s + dot(c.w[u]!, tr.h), 0) + dot(c.w[t]!, h);
    const rest = run(c.params, c.xs.slice(t + 1), { h, c: cc });
    L += rest.traces.reduce((s, tr, j) => s + dot(c.w[t + 1 + j]!, tr.h), 0) + dot(c.wh, rest.final.h);
    if (c.wc && rest.final.c) L += dot(c.wc, rest.final.c);
    return L;
  }

  for (const cfg of CONFIGS) {
    it(`${cfg.label}: ∂L/∂h_t at every step matches finite differences`, () => {
      const { c } = caseOffKinks(cfg, 41);
      const a = analytic(c);
      expect(a.dh.length).toBe(c.xs.length);
      a.traces.forEach((tr, t) => {
        const h = Float64Array.from(tr.h);
        const cc = 'c' in tr ? Float64Array.from(tr.c) : null;
        expect(maxErr(a.dh[t]!, () => lossFrom(c, t, h, cc), h)).toBeLessThan(TOL);
      });
    });
  }

  // With a peephole, o_t also reads C_t: the h_t path then needs the gate recomputed; the plain
  // and coupled cells show the rule, h_t = o_t ⊙ tanh(C_t) with o_t fixed.
  for (const cfg of CONFIGS.filter((k) => k.kind === 'lstm' || k.kind === 'coupled')) {
    it(`${cfg.label}: ∂L/∂C_t in full (through h_t and C_{t+1}) matches finite differences`, () => {
      const { c } = caseOffKinks(cfg, 42);
      const a = analytic(c);
      expect(a.dc).not.toBeNull();
      a.traces.forEach((tr, t) => {
        if (!('cTilde' in tr)) throw new Error('unreachable');
        const cc = Float64Array.from(tr.c);
        const L = () =>
          lossFrom(
            c,
            t,
            Float64Array.from(cc, (v, k) => tr.o[k]! * Math.tanh(v)),
            cc,
          );
        expect(maxErr(a.dc![t]!, L, cc)).toBeLessThan(TOL);
      });
    });
  }

  it('cells without a cell state have no ∂L/∂C_t', () => {
    expect(analytic(makeCase(CONFIGS[0]!, 3)).dc).toBeNull();
  });
});
