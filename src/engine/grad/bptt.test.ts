/**
 * BPTT against finite differences, for every kind and variant (src/testing/finiteDifferences.ts has the loss and
 * the difference formula), plus the saturated case and the promise not to touch the traces.
 * Today's kinds with a stabiliser m (sLSTM, mLSTM) are differentiated with m held fixed, while
 * the finite differences move m with everything else: their agreement is the proof that holding
 * it fixed is exact (kinds/slstm.ts says why).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extraSlotsOf } from '../kinds';
import { run, step } from '../step';
import type { CellState, Vec } from '../types';
import { backwardStep } from './backward-step';
import { bptt } from './bptt';
import { CONFIGS, caseOffKinks, REL_FLOOR, fd, loss, makeCase, relErr, snapshot, startState, withFinal, type FdCase } from '../../testing/finiteDifferences';
import { gradArrays, paramArrays, zeroGrads } from './views';

const SEEDS = [11, 22, 33];
const TOL = 1e-6;
/** The engine's gradients of the case's loss: bptt, fed (for kinds with further states) by the step after's backward step. */
function analytic(c: FdCase) {
  const { traces, final } = run(c.params, c.xs, startState(c));
  if (!c.after) return { traces, ...bptt(c.params, traces, c.w, c.wh, c.wc ?? undefined) };
  const r = step(c.params, final, c.after.x);
  const g = zeroGrads(c.params);
  const zeros = (v: Vec | null | undefined) => (v ? new Float64Array(v.length) : null);
  const back = backwardStep(c.params, r.trace, c.after.w, zeros(r.state.c), g, zeros(r.state.extra));
  const dhT = Float64Array.from(c.wh, (v, k) => v + back.dhPrev[k]!);
  const b = bptt(c.params, traces, c.w, dhT, back.dcPrev ?? undefined, back.dextraPrev);
  // The step after uses the same weights: its gradients join the sequence's.
  const into = gradArrays(b.grads);
  gradArrays(g).forEach((a, j) => a.data.forEach((v, k) => (into[j]!.data[k] = into[j]!.data[k]! + v)));
  return { traces, ...b };
}

const worst = new Map<string, { input: number; state: number; weights: number; where: string; seeds: number[]; extra: string }>();

function maxErr(analyticArr: Float64Array, f: () => number, data: Float64Array): number {
  let m = 0;
  for (let k = 0; k < data.length; k++) m = Math.max(m, relErr(analyticArr[k]!, fd(f, data, k)));
  return m;
}

describe('bptt matches fourth-order central finite differences (I=3, H=4, T=5)', () => {
  for (const cfg of CONFIGS) {
    it(cfg.label, () => {
      const w = { input: 0, state: 0, weights: 0, where: '', seeds: [] as number[], extra: '' };
      const perState = new Map<string, number>();
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
        // The further states (n, m; C), each entry: the stabiliser's is ∂L/∂m_0 with m_1 … held fixed.
        if (c.e0) {
          expect(a.dextra0).not.toBeNull();
          for (const s of extraSlotsOf(c.params.kind, c.params.hiddenSize)) {
            const e = maxErr(a.dextra0!.subarray(s.offset, s.offset + s.length), L, c.e0.subarray(s.offset, s.offset + s.length));
            perState.set(s.name, Math.max(perState.get(s.name) ?? 0, e));
            w.state = Math.max(w.state, e);
          }
        } else expect(a.dextra0).toBeNull();

        const ps = paramArrays(c.params);
        const gs = gradArrays(a.grads);
        expect(gs.map((g) => g.name)).toEqual(ps.map((p) => p.name));
        ps.forEach((p, k) => {
          const e = maxErr(gs[k]!.data, L, p.data);
          if (e > w.weights) [w.weights, w.where] = [e, p.name];
        });
      }
      w.extra = [...perState].map(([n, e]) => `${n}_0 ${e.toExponential(2)}`).join(' ');
      worst.set(cfg.label, w);
      expect(w.input).toBeLessThan(TOL);
      expect(w.state).toBeLessThan(TOL);
      expect(w.weights).toBeLessThan(TOL);
    });
  }

  afterAll(() => {
    const rows = [...worst].map(
      ([k, w]) =>
        `${k.padEnd(26)} x ${w.input.toExponential(2)}  initial state ${w.state.toExponential(2)}  ` +
        `weights ${w.weights.toExponential(2)} (${w.where}), seeds ${w.seeds.join(',')}${w.extra ? ` (${w.extra})` : ''}`,
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

describe('stabilised cases exercise both branches of m', () => {
  it('over the FD seeds, the forget branch and the input branch of max(log f + m_{t−1}, ĩ) both win somewhere, and the mLSTM’s denominator takes both sides', () => {
    for (const cfg of CONFIGS.filter((c) => c.kind === 'slstm' || c.kind === 'mlstm')) {
      const seen = { forget: 0, input: 0, nq: 0, floor: 0 };
      for (const seed of SEEDS) {
        const { c } = caseOffKinks(cfg, seed);
        for (const tr of run(c.params, c.xs, startState(c)).traces) {
          if (tr.kind === 'slstm') {
            tr.fPrime.forEach((f) => f === 1 && seen.forget++);
            tr.iPrime.forEach((i) => i === 1 && seen.input++);
          } else if (tr.kind === 'mlstm') {
            if (tr.fPrime === 1) seen.forget++;
            else seen.input++;
            if (Math.abs(tr.nq) >= tr.denominator) seen.nq++;
            else seen.floor++;
          }
        }
      }
      expect(seen.forget, cfg.label).toBeGreaterThan(0);
      expect(seen.input, cfg.label).toBeGreaterThan(0);
      if (cfg.kind === 'mlstm') expect(Math.min(seen.nq, seen.floor), cfg.label).toBeGreaterThan(0);
    }
  });
});

describe('saturation and purity', () => {
  for (const cfg of CONFIGS) {
    it(`${cfg.label}: weights x1e3 give finite gradients`, () => {
      const c = makeCase(cfg, 5);
      for (const p of paramArrays(c.params)) for (let k = 0; k < p.data.length; k++) p.data[k]! *= 1e3;
      const a = analytic(c);
      const all = [...a.dx, a.dh0, ...(a.dc0 ? [a.dc0] : []), ...(a.dextra0 ? [a.dextra0] : []), ...gradArrays(a.grads).map((g) => g.data)];
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
  /** The state after each step, t = 0 … T−1. */
  function states(c: FdCase): CellState[] {
    const out: CellState[] = [];
    let s = startState(c);
    for (const x of c.xs) out.push((s = step(c.params, s, x).state));
    return out;
  }
  /** The loss with the state after step t replaced by (h, c) (its further states as they were): the steps after t run from it. */
  function lossFrom(c: FdCase, t: number, h: Float64Array, cc: Float64Array | null): number {
    const { traces } = run(c.params, c.xs, startState(c));
    const L = traces.slice(0, t).reduce((s, tr, u) => s + dot(c.w[u]!, tr.h), 0) + dot(c.w[t]!, h);
    const extra = states(c)[t]!.extra;
    const rest = run(c.params, c.xs.slice(t + 1), { h, c: cc, ...(extra ? { extra } : {}) });
    return (
      L +
      withFinal(
        rest.traces.reduce((s, tr, j) => s + dot(c.w[t + 1 + j]!, tr.h), 0),
        c,
        rest.final,
      )
    );
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
