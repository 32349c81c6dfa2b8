/**
 * Step Jacobians and influence() against finite differences of the forward pass, and the
 * physics a student should see: an RNN forgets geometrically, an LSTM with a forget bias
 * of +5 keeps its belt.
 */
import { describe, expect, it } from 'vitest';
import { randomParams } from '../init';
import { createRng } from '../rng';
import { hasCellState, run, step } from '../step';
import type { CellState, Vec } from '../types';
import { type CellParams, extraSlotsOf, kindOf, type LstmParams, type RnnParams } from '../kinds';
import { CONFIGS, FD_EPS, caseOffKinks, normalVec, relErr, snapshot, startState, type FdCase } from '../../testing/finiteDifferences';
import { influence } from './influence';
import { denseBlockJacobian, stepJacobian } from './jacobian';
import { frobenius } from './linalg';

/** A part of a state: h, C, or one of the kind's further states by name (n, m; the mLSTM's C is 'C'). */
type Part = 'h' | 'c' | 'n' | 'C';

function view(p: CellParams, s: CellState, part: Part | 'm'): Float64Array {
  if (part === 'h') return s.h;
  if (part === 'c') return s.c!;
  const slot = extraSlotsOf(p.kind, p.hiddenSize).find((x) => x.name === part)!;
  return s.extra!.subarray(slot.offset, slot.offset + slot.length);
}

const copy = (s: CellState): CellState => ({ h: Float64Array.from(s.h), c: s.c ? Float64Array.from(s.c) : null, ...(s.extra ? { extra: Float64Array.from(s.extra) } : {}) });

/** The states before each step: the start, then after every step but the last. */
function statesBefore(c: FdCase): CellState[] {
  const out: CellState[] = [];
  let s = startState(c);
  for (const x of c.xs) {
    out.push(s);
    s = step(c.params, s, x).state;
  }
  return out;
}

/**
 * `part` of `out` in the frame of `ref`'s stabiliser: the true state times e^{−m_ref}, i.e. the
 * stabilised state as it would be with m held at the reference run's value. BPTT and the step
 * Jacobians hold m fixed (kinds/slstm.ts), so that is what their c and n (mLSTM: C, n) rows are
 * derivatives of; h does not depend on m and is left as it is.
 */
function inFrame(p: CellParams, out: CellState, ref: CellState, part: Part): Float64Array {
  const v = view(p, out, part);
  const m = extraSlotsOf(p.kind, p.hiddenSize).find((x) => x.stabiliser);
  if (!m || part === 'h') return v;
  const mOut = view(p, out, 'm');
  const mRef = view(p, ref, 'm');
  return v.map((x, k) => {
    const j = m.length === 1 ? 0 : k;
    return x * Math.exp(mOut[j]! - mRef[j]!);
  });
}

/**
 * FD Jacobian (row-major, out×in) of the state after step T with respect to the state at t,
 * `from`/`to` picking its parts. Fourth-order central differences, as in src/testing/finiteDifferences.ts.
 */
function fdJacobian(p: CellParams, xs: readonly Vec[], s: CellState, t: number, T: number, from: Part, to: Part): Float64Array {
  const ref = run(p, xs.slice(t, T), copy(s)).final;
  const nIn = view(p, s, from).length;
  const nOut = view(p, ref, to).length;
  const J = new Float64Array(nOut * nIn);
  const e = FD_EPS;
  for (let j = 0; j < nIn; j++) {
    const at = (d: number) => {
      const s2 = copy(s);
      const v = view(p, s2, from);
      v[j] = v[j]! + d;
      return inFrame(p, run(p, xs.slice(t, T), s2).final, ref, to);
    };
    const [m2, m1, p1, p2] = [at(-2 * e), at(-e), at(e), at(2 * e)];
    for (let r = 0; r < nOut; r++) J[r * nIn + j] = (8 * (p1[r]! - m1[r]!) - (p2[r]! - m2[r]!)) / (12 * e);
  }
  return J;
}

describe('stepJacobian matches finite differences of one step', () => {
  for (const cfg of CONFIGS) {
    it(cfg.label, () => {
      const { c } = caseOffKinks(cfg, 11);
      const { traces } = run(c.params, c.xs, startState(c));
      const before = statesBefore(c);
      const H = c.params.hiddenSize;
      let worst = 0;
      traces.forEach((tr, t) => {
        const s = before[t]!;
        const J = stepJacobian(c.params, tr);
        expect(J.kind).toBe(kindOf(c.params.kind).jacobianKind);
        const fdJ = (from: Part, to: Part) => fdJacobian(c.params, c.xs, s, t, t + 1, from, to);
        const cmp = (analytic: (r: number, k: number) => number, fd: Float64Array, rows = H, cols = H) => {
          for (let r = 0; r < rows; r++) {
            for (let k = 0; k < cols; k++) worst = Math.max(worst, relErr(analytic(r, k), fd[r * cols + k]!));
          }
        };
        const diag = (d: Vec) => (r: number, k: number) => (r === k ? d[r]! : 0);
        cmp((r, k) => J.hh.data[r * H + k]!, fdJ('h', 'h'));
        if (J.kind === 'hc') {
          const D = denseBlockJacobian(J).data;
          const block = (R: number, K: number) => (r: number, k: number) => D[(R + r) * 2 * H + K + k]!;
          cmp(block(0, H), fdJ('c', 'h'));
          cmp(block(H, 0), fdJ('h', 'c'));
          cmp(block(H, H), fdJ('c', 'c'));
        } else if (J.kind === 'hcn') {
          cmp(diag(J.hcDiag), fdJ('c', 'h'));
          cmp(diag(J.hnDiag), fdJ('n', 'h'));
          cmp((r, k) => J.ch.data[r * H + k]!, fdJ('h', 'c'));
          cmp(diag(J.ccDiag), fdJ('c', 'c'));
          cmp(() => 0, fdJ('n', 'c'));
          cmp((r, k) => J.nh.data[r * H + k]!, fdJ('h', 'n'));
          cmp(() => 0, fdJ('c', 'n'));
          cmp(diag(J.nnDiag), fdJ('n', 'n'));
        } else if (J.kind === 'memory') {
          // C_t = f′ C_{t−1} + …: every entry kept by the one number; n likewise; h reads neither h_{t−1}.
          expect(J.size).toBe(H * H);
          cmp((r, k) => (r === k ? J.keep : 0), fdJ('C', 'C'), H * H, H * H);
          cmp((r, k) => (r === k ? J.keep : 0), fdJ('n', 'n'));
          cmp(() => 0, fdJ('n', 'C'), H * H, H);
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
      const states = statesBefore(c);
      const spec = kindOf(c.params.kind);
      const snap = snapshot(traces);
      for (const T of [traces.length, 3]) {
        const inf = influence(c.params, traces, T);
        expect(inf.h).toHaveLength(T + 1);
        expect(inf.h[T]).toBeCloseTo(Math.sqrt(c.params.hiddenSize), 12); // the identity
        for (let t = 0; t < T; t++) {
          const s = states[t]!;
          const fdH = frobenius(fdJacobian(c.params, c.xs, s, t, T, 'h', 'h'));
          expect(relErr(inf.h[t]!, fdH), `h, T=${T}, t=${t}`).toBeLessThan(1e-7);
          // The memory: the LSTM's and sLSTM's per-unit C (with the belt), the mLSTM's matrix C (no belt).
          const memory: Part | null = spec.hasCellState ? 'c' : spec.jacobianKind === 'memory' ? 'C' : null;
          if (memory && inf.c) {
            const fdC = frobenius(fdJacobian(c.params, c.xs, s, t, T, memory, memory));
            expect(relErr(inf.c[t]!, fdC), `c, T=${T}, t=${t}`).toBeLessThan(1e-7);
          } else expect(inf.c).toBeNull();
          if (spec.hasCellState && inf.belt) {
            const prod = new Float64Array(c.params.hiddenSize).fill(1);
            for (let k = t; k < T; k++) spec.belt(traces[k]!)!.keep.forEach((f, u) => (prod[u] = prod[u]! * f));
            expect(inf.belt[t]).toBeCloseTo(frobenius(prod), 14);
          } else expect(inf.belt).toBeNull();
        }
      }
      expect(snapshot(traces)).toBe(snap);
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
