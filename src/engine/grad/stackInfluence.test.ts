/**
 * stackInfluence() against the Frobenius norm of a finite-difference Jacobian of the stacked
 * forward pass (stack.ts), for every kind with smooth gates, and against influence() for the
 * top layer, whose own chain is the only path from it to the head.
 */
import { describe, expect, it } from 'vitest';
import { randomParams } from '../init';
import { createRng } from '../rng';
import { runStack, stepStack, type Stack } from '../stack';
import { extraSlotsOf } from '../kinds';
import { hasCellState, initialState, step } from '../step';
import type { CellState, Vec } from '../types';
import { CONFIGS, FD_EPS, normalVec, relErr, snapshot } from '../../testing/finiteDifferences';
import { influence } from './influence';
import { frobenius } from './linalg';
import { stackInfluence } from './stackInfluence';

const SIZES = [4, 3, 5]; // hidden sizes bottom-up: rectangular Jacobians between layers
const I = 3;
const STEPS = 5;

function makeStack(cfgIndex: number, seed: number): { layers: Stack; xs: Vec[]; s0: CellState[] } {
  const cfg = CONFIGS[cfgIndex]!;
  const rng = createRng(seed);
  const layers = SIZES.map((H, l) => randomParams(cfg.kind, l === 0 ? I : SIZES[l - 1]!, H, rng, { ...cfg.opts, scale: 0.9 }));
  const xs = Array.from({ length: STEPS }, () => normalVec(I, rng));
  const s0 = layers.map((p) => {
    const s = initialState(p);
    const h = normalVec(p.hiddenSize, rng, 0.5);
    const c = s.c ? normalVec(p.hiddenSize, rng, 0.5) : null;
    if (!s.extra) return { h, c };
    // Further states (n, m; C): a normaliser starts positive, as every state the cell makes from zeros is.
    const extra = new Float64Array(s.extra.length);
    for (const slot of extraSlotsOf(p.kind, p.hiddenSize)) for (let k = 0; k < slot.length; k++) extra[slot.offset + k] = slot.nonNegative ? 0.5 + 0.5 * Math.abs(rng.normal()) : 0.5 * rng.normal();
    return { h, c, extra };
  });
  return { layers, xs, s0 };
}

/**
 * h^L_T as a function of layer l's h after step t (its C and every other state held): the
 * layers above l re-run step t from it, then steps t+1..T run as usual.
 */
function topAtEnd(layers: Stack, xs: readonly Vec[], prev: readonly CellState[], states: readonly CellState[], l: number, t: number, T: number, h: Vec): Vec {
  let s = states.map((st, k) => (k === l ? { ...st, h } : st));
  if (t >= 1) {
    // `states` are those after step t, `prev` after step t-1; the layers above l read h at step t
    const above = [...s];
    let input = h;
    for (let k = l + 1; k < layers.length; k++) {
      const r = step(layers[k]!, prev[k]!, input);
      above[k] = r.state;
      input = r.state.h;
    }
    s = above;
  }
  for (let k = t; k < T; k++) s = stepStack(layers, s, xs[k]!).states;
  return s[s.length - 1]!.h;
}

function fdGain(layers: Stack, xs: readonly Vec[], s0: CellState[], l: number, t: number, T: number): number {
  const r = runStack(layers, xs.slice(0, t), s0);
  const prev = t >= 1 ? runStack(layers, xs.slice(0, t - 1), s0).final : s0;
  const states = r.final;
  const H = layers[l]!.hiddenSize;
  const R = layers[layers.length - 1]!.hiddenSize;
  const J = new Float64Array(R * H);
  const e = FD_EPS;
  for (let j = 0; j < H; j++) {
    const at = (d: number) => {
      const h = Float64Array.from(states[l]!.h);
      h[j] = h[j]! + d;
      return topAtEnd(layers, xs, prev, states, l, t, T, h);
    };
    const [m2, m1, p1, p2] = [at(-2 * e), at(-e), at(e), at(2 * e)];
    for (let q = 0; q < R; q++) J[q * H + j] = (8 * (p1[q]! - m1[q]!) - (p2[q]! - m2[q]!)) / (12 * e);
  }
  return frobenius(J);
}

const smooth = CONFIGS.map((c, k) => [c, k] as const).filter(([c]) => !c.label.includes('hardSigmoid'));

describe('stackInfluence() equals the Frobenius norm of a finite-difference Jacobian through a 3-layer stack', () => {
  for (const [cfg, k] of smooth) {
    it(cfg.label, () => {
      const { layers, xs, s0 } = makeStack(k, 40 + k);
      const { layers: traces } = runStack(layers, xs, s0);
      const before = snapshot(traces.flat());
      for (const T of [STEPS, 2]) {
        const inf = stackInfluence(layers, traces, T);
        expect(inf.gain).toHaveLength(3);
        expect(inf.gain[2]![T]).toBeCloseTo(Math.sqrt(SIZES[2]!), 12); // the identity at the top
        for (let l = 0; l < 3; l++) {
          for (let t = 0; t <= T; t++) {
            if (l === 2 && t === T) continue;
            const fd = fdGain(layers, xs, s0, l, t, T);
            expect(relErr(inf.gain[l]![t]!, fd), `layer ${l + 1}, T=${T}, t=${t}`).toBeLessThan(1e-7);
          }
        }
        // The top layer's own chain is its only path to the head: influence() on it agrees.
        const top = influence(layers[2]!, traces[2]!, T).h;
        top.forEach((v, t) => expect(relErr(inf.gain[2]![t]!, v)).toBeLessThan(1e-10));
      }
      expect(snapshot(traces.flat())).toBe(before);
      expect(hasCellState(cfg.kind)).toBe('c' in traces[0]![0]!);
    });
  }

  it('rejects traces that do not match the layers, and a T out of range', () => {
    const { layers, xs, s0 } = makeStack(0, 1);
    const { layers: traces } = runStack(layers, xs, s0);
    expect(() => stackInfluence(layers, traces.slice(1), 2)).toThrow(/2 trace rows for 3 layers/);
    expect(() => stackInfluence(layers, traces, STEPS + 1)).toThrow(/0\.\.5/);
  });

  it('an exploding stack reports a finite gain, never Infinity or NaN', () => {
    const rng = createRng(9);
    const layers = [4, 4].map((H, l) => randomParams('rnn', l === 0 ? I : 4, H, rng, { scale: 0.1 }));
    for (const p of layers) {
      if (p.kind !== 'rnn') throw new Error('unreachable');
      p.a.U.data.fill(0);
      for (let u = 0; u < 4; u++) p.a.U.data[u * 4 + u] = 1e4; // h stuck near 0: gain 1e4 per step
      p.a.bW.fill(0);
      p.a.bU.fill(0);
      p.a.W.data.fill(0);
    }
    const up = layers[1]!;
    if (up.kind === 'rnn') for (let u = 0; u < 4; u++) up.a.W.data[u * 4 + u] = 1; // layer 2 reads layer 1
    const xs = Array.from({ length: 120 }, () => new Float64Array(I));
    const { layers: traces } = runStack(layers, xs);
    const inf = stackInfluence(layers, traces, 120);
    for (const row of inf.gain) for (const v of row) expect(Number.isFinite(v)).toBe(true);
    expect(inf.gain[0]![0]).toBe(Number.MAX_VALUE);
  });
});
