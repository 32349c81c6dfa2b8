/**
 * Step Jacobians and influence() against finite differences of the forward pass, and the
 * physics a student should see: an RNN forgets geometrically, an LSTM with a forget bias
 * of +5 keeps its belt.
 */
import { describe, expect, it } from 'vitest';
import { randomParams } from '../init';
import { createRng } from '../rng';
import { hasCellState, run } from '../step';
import type { CellState, Vec } from '../types';
import type { CellParams, LstmParams, RnnParams, StepTrace } from '../kinds';
import { CONFIGS, FD_EPS, caseOffKinks, normalVec, relErr, snapshot, startState } from '../../testing/finiteDifferences';
import { influence } from './influence';
import { denseBlockJacobian, stepJacobian } from './jacobian';
import { frobenius } from './linalg';

/** Runs steps t..T-1 from a given state: the map whose Jacobian influence() measures. */
function stateAt(p: CellParams, xs: readonly Vec[], t: number, T: number, s: CellState): CellState {
  return run(p, xs.slice(t, T), s).final;
}

/**
 * FD Jacobian (row-major, out×in) of the state after step T with respect to the state at t,
 * `from`/`to` picking h or C. Fourth-order central differences, as in src/testing/finiteDifferences.ts.
 */
function fdJacobian(p: CellParams, xs: readonly Vec[], s: CellState, t: number, T: number, from: 'h' | 'c', to: 'h' | 'c'): Float64Array {
  const H = p.hiddenSize;
  const J = new Float64Array(H * H);
  const e = FD_EPS;
  for (let j = 0; j < H; j++) {
    const at = (d: number) => {
      const h = Float64Array.from(s.h);
      const c = s.c ? Float64Array.from(s.c) : null;
      const v = from === 'h' ? h : c!;
      v[j] = v[j]! + d;
      const out = stateAt(p, xs, t, T, { h, c });
      return to === 'h' ? out.h : out.c!;
    };
    const [m2, m1, p1, p2] = [at(-2 * e), at(-e), at(e), at(2 * e)];
    for (let r = 0; r < H; r++) {
      J[r * H + j] = (8 * (p1[r]! - m1[r]!) - (p2[r]! - m2[r]!)) / (12 * e);
    }
  }
  return J;
}

function stateBefore(tr: StepTrace): CellState {
  return { h: tr.hPrev, c: 'cPrev' in tr ? tr.cPrev : null };
}

describe('stepJacobian matches finite differences of one step', () => {
  for (const cfg of CONFIGS) {
    it(cfg.label, () => {
      const { c } = caseOffKinks(cfg, 11);
      const { traces } = run(c.params, c.xs, startState(c));
      const H = c.params.hiddenSize;
      let worst = 0;
      traces.forEach((tr, t) => {
        const s = stateBefore(tr);
        const J = stepJacobian(c.params, tr);
        const cmp = (analytic: (r: number, k: number) => number, fdJ: Float64Array) => {
          for (let r = 0; r < H; r++) {
            for (let k = 0; k < H; k++) worst = Math.max(worst, relErr(analytic(r, k), fdJ[r * H + k]!));
          }
        };
        cmp((r, k) => J.hh.data[r * H + k]!, fdJacobian(c.params, c.xs, s, t, t + 1, 'h', 'h'));
        if (J.kind === 'hc') {
          const D = denseBlockJacobian(J).data;
          const block = (R: number, K: number) => (r: number, k: number) => D[(R + r) * 2 * H + K + k]!;
          cmp(block(0, H), fdJacobian(c.params, c.xs, s, t, t + 1, 'c', 'h'));
          cmp(block(H, 0), fdJacobian(c.params, c.xs, s, t, t + 1, 'h', 'c'));
          cmp(block(H, H), fdJacobian(c.params, c.xs, s, t, t + 1, 'c', 'c'));
        } else expect(hasCellState(c.params.kind)).toBe(false);
      });
      expect(worst).toBeLessThan(1e-6);
    });
  }
});

describe('influence() equals the Frobenius norm of a finite-difference Jacobian', () => {
  for (const cfg of CONFIGS) {
    it(cfg.label, () => {
      const { c } = caseOffKinks(cfg, 22);
      const { traces } = run(c.params, c.xs, startState(c));
      const before = snapshot(traces);
      for (const T of [traces.length, 3]) {
        const inf = influence(c.params, traces, T);
        expect(inf.h).toHaveLength(T + 1);
        expect(inf.h[T]).toBeCloseTo(Math.sqrt(c.params.hiddenSize), 12); // the identity
        for (let t = 0; t < T; t++) {
          const s = stateBefore(traces[t]!);
          const fdH = frobenius(fdJacobian(c.params, c.xs, s, t, T, 'h', 'h'));
          expect(relErr(inf.h[t]!, fdH), `h, T=${T}, t=${t}`).toBeLessThan(1e-7);
          if (inf.c && inf.belt) {
            const fdC = frobenius(fdJacobian(c.params, c.xs, s, t, T, 'c', 'c'));
            expect(relErr(inf.c[t]!, fdC), `c, T=${T}, t=${t}`).toBeLessThan(1e-7);
            const prod = new Float64Array(c.params.hiddenSize).fill(1);
            for (let k = t; k < T; k++) {
              const tr = traces[k]!;
              if (!('cTilde' in tr)) throw new Error('unreachable');
              tr.f.forEach((f, u) => (prod[u] = prod[u]! * f));
            }
            expect(inf.belt[t]).toBeCloseTo(frobenius(prod), 14);
          } else {
            expect(inf.c).toBeNull();
            expect(inf.belt).toBeNull();
          }
        }
      }
      expect(snapshot(traces)).toBe(before);
    });
  }

  it('rejects a T outside 0..steps', () => {
    const { c } = caseOffKinks(CONFIGS[0]!, 1);
    const { traces } = run(c.params, c.xs, startState(c));
    expect(() => influence(c.params, traces, traces.length + 1)).toThrow();
    expect(() => influence(c.params, traces, -1)).toThrow();
    expect(influence(c.params, traces, 0).h).toEqual([2]); // √H for H = 4
  });
});

describe('the physics of gradient flow', () => {
  const I = 3;
  const H = 8;
  const T = 20;
  const xs = (seed: number) => {
    const rng = createRng(seed);
    return Array.from({ length: T }, () => normalVec(I, rng, 0.5));
  };

  it('an RNN with small recurrent weights forgets geometrically', () => {
    // Weights in ±0.1: ‖diag(1-h²) U‖₂ < 1, so each step back shrinks the Jacobian.
    const p = randomParams('rnn', I, H, createRng(3), { scale: 0.1 }) as RnnParams;
    const { traces } = run(p, xs(4));
    const gain = influence(p, traces, T).h.map((n) => n / Math.sqrt(H));
    for (let t = 0; t < T; t++) expect(gain[t]!).toBeLessThan(gain[t + 1]!);
    expect(gain[T - 10]!).toBeLessThan(1e-3);
    expect(gain[0]!).toBeLessThan(1e-6);
  });

  it('an LSTM with forget bias +5 keeps ∂C_T/∂C_t near 1 along the belt', () => {
    // σ(5) ≈ 0.9933 so the belt alone keeps 0.9933^20 ≈ 0.87; small weights (±0.05) and small
    // inputs keep pre_f near 5 and the detours C → h → C small (with ±0.1 they already add ~15%).
    const p = randomParams('lstm', I, H, createRng(5), { scale: 0.05 }) as LstmParams;
    p.gates.f.bW.fill(5);
    p.gates.f.bU.fill(0);
    const { traces } = run(p, xs(6));
    const inf = influence(p, traces, T);
    const rms = (n: number) => n / Math.sqrt(H);
    for (let t = 0; t <= T; t++) {
      expect(rms(inf.c![t]!)).toBeGreaterThan(0.85);
      expect(rms(inf.belt![t]!)).toBeGreaterThan(0.85);
      expect(Math.abs(inf.c![t]! - inf.belt![t]!)).toBeLessThan(0.05 * inf.belt![t]!);
    }
    // The same distance kills an RNN of the same size (previous test: gain[0] < 1e-6).
  });
});
