/**
 * Luong attention's forward against its definition written out independently (plain loops over
 * exp and sums), its backward against central differences on every input and weight (the largest
 * relative error is printed and bounded), and a softmax that stays finite for saturated scores.
 */
import { describe, expect, it } from 'vitest';
import { attend, attendBack, attentionKeys, attentionMismatch, zeroAttentionGrads, type Attention } from './attention';
import { matrix } from './math';
import { createRng } from './rng';

const H = 4;
const S = 5;
function setup(seed: number, scale = 1) {
  const rng = createRng(seed);
  const r = (n: number) => Array.from({ length: n }, () => rng.normal() * scale);
  const a: Attention = { Wa: matrix(H, H, r(H * H)), Wc: matrix(H, 2 * H, r(2 * H * H)), bc: Float64Array.from(r(H)) };
  const states = Array.from({ length: S }, () => Float64Array.from(r(H)));
  const query = Float64Array.from(r(H));
  const probe = Float64Array.from(r(H)); // L = probe · h̃, so ∂L/∂h̃ = probe
  return { a, states, query, probe };
}

const loss = (a: Attention, states: Float64Array[], query: Float64Array, probe: Float64Array) => {
  const f = attend(a, states, attentionKeys(a, states), query);
  return f.out.reduce((s, v, k) => s + v * probe[k]!, 0);
};

describe('Luong attention (general score, context at the output layer)', () => {
  it('forward: the weights are the softmax of h′ᵀ W_a h_t, the context their weighted sum, h̃ = tanh(W_c [c; h′] + b_c)', () => {
    const { a, states, query } = setup(3);
    const f = attend(a, states, attentionKeys(a, states), query);
    // Written out from the equations: scores as a double sum, no keys reused.
    const e = states.map((h) => {
      let s = 0;
      for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) s += query[i]! * a.Wa.data[i * H + j]! * h[j]!;
      return s;
    });
    const z = e.map(Math.exp);
    const alpha = z.map((v) => v / z.reduce((x, y) => x + y, 0));
    alpha.forEach((w, t) => expect(f.weights[t]).toBeCloseTo(w, 12));
    expect(f.weights.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 14);
    for (let j = 0; j < H; j++)
      expect(f.context[j]).toBeCloseTo(
        alpha.reduce((s, w, t) => s + w * states[t]![j]!, 0),
        12,
      );
    for (let r = 0; r < H; r++) {
      let pre = a.bc[r]!;
      for (let j = 0; j < H; j++) pre += a.Wc.data[r * 2 * H + j]! * f.context[j]! + a.Wc.data[r * 2 * H + H + j]! * query[j]!;
      expect(f.out[r]).toBeCloseTo(Math.tanh(pre), 12);
    }
  });

  it('backward: every weight, the decoder state and every encoder state match central differences', () => {
    let worst = 0;
    for (const seed of [1, 2, 3]) {
      const { a, states, query, probe } = setup(seed);
      const g = zeroAttentionGrads(a);
      const dStates = states.map(() => new Float64Array(H));
      const keys = attentionKeys(a, states);
      const dq = attendBack(a, states, keys, query, attend(a, states, keys, query), probe, g, dStates);
      const eps = 1e-6;
      const check = (data: Float64Array, grad: Float64Array, name: string) => {
        for (let k = 0; k < data.length; k++) {
          const o = data[k]!;
          data[k] = o + eps;
          const up = loss(a, states, query, probe);
          data[k] = o - eps;
          const down = loss(a, states, query, probe);
          data[k] = o;
          const num = (up - down) / (2 * eps);
          const rel = Math.abs(grad[k]! - num) / Math.max(1e-3, Math.abs(grad[k]!) + Math.abs(num));
          expect(rel, `${name}[${k}]: analytic ${grad[k]}, numeric ${num}`).toBeLessThan(1e-5);
          worst = Math.max(worst, rel);
        }
      };
      check(a.Wa.data, g.Wa.data, 'Wa');
      check(a.Wc.data, g.Wc.data, 'Wc');
      check(a.bc, g.bc, 'bc');
      check(query, dq, "h'");
      states.forEach((h, t) => check(h, dStates[t]!, `h_${t + 1}`));
    }
    console.log(`attention backward: max relative error ${worst.toExponential(2)} against central differences`);
  });

  it('saturated scores: weights one-hot, nothing NaN or infinite, gradients finite', () => {
    const { a, states, query, probe } = setup(5, 40); // scores of order 10⁵: exp would overflow without the max
    const keys = attentionKeys(a, states);
    const f = attend(a, states, keys, query);
    expect(Math.max(...f.scores.map(Math.abs))).toBeGreaterThan(1000);
    for (const v of [...f.weights, ...f.context, ...f.out]) expect(Number.isFinite(v)).toBe(true);
    expect(f.weights.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
    expect(Math.max(...f.weights)).toBeCloseTo(1, 10);
    const g = zeroAttentionGrads(a);
    const dStates = states.map(() => new Float64Array(H));
    const dq = attendBack(a, states, keys, query, f, probe, g, dStates);
    for (const v of [...dq, ...g.Wa.data, ...g.Wc.data, ...g.bc, ...dStates.flatMap((d) => [...d])]) expect(Number.isFinite(v)).toBe(true);
  });

  it('an empty source: no weights, a zero context, still a finite output', () => {
    const { a, query } = setup(7);
    const f = attend(a, [], [], query);
    expect(f.weights.length).toBe(0);
    expect([...f.context]).toEqual([0, 0, 0, 0]);
    for (const v of f.out) expect(Number.isFinite(v)).toBe(true);
  });

  it('location term: the score adds Σ_j w_j α_{u−1,t−j}; its backward (w, α_{u−1}, and ∂L/∂α_u from the next step) matches central differences', () => {
    let worst = 0;
    for (const seed of [11, 12]) {
      const { a: a0, states, query, probe } = setup(seed);
      const rng = createRng(seed + 100);
      const a: Attention = { ...a0, loc: Float64Array.from({ length: 5 }, () => rng.normal()) };
      const prev = Float64Array.from({ length: S }, () => rng.uniform(0, 1));
      const next = Float64Array.from({ length: S }, () => rng.normal()); // L also reads α_u: next · α_u
      const keys = attentionKeys(a, states);
      const f = attend(a, states, keys, query, prev);
      // Forward written out: the content score plus the location term, off-source weights zero.
      const plain = attend(a0, states, keys, query);
      f.scores.forEach((e, t) => {
        let loc = 0;
        for (let j = -2; j <= 2; j++) loc += a.loc![j + 2]! * (prev[t - j] ?? 0);
        expect(e).toBeCloseTo(plain.scores[t]! + loc, 12);
      });
      const L = () => {
        const r = attend(a, states, attentionKeys(a, states), query, prev);
        return r.out.reduce((s, v, k) => s + v * probe[k]!, 0) + r.weights.reduce((s, w, t) => s + w * next[t]!, 0);
      };
      const g = zeroAttentionGrads(a);
      const dStates = states.map(() => new Float64Array(H));
      const dPrev = new Float64Array(S);
      const dq = attendBack(a, states, keys, query, f, probe, g, dStates, { prev, dWeights: next, dPrev });
      const eps = 1e-6;
      const check = (data: Float64Array, grad: Float64Array, name: string) => {
        for (let k = 0; k < data.length; k++) {
          const o = data[k]!;
          data[k] = o + eps;
          const up = L();
          data[k] = o - eps;
          const down = L();
          data[k] = o;
          const num = (up - down) / (2 * eps);
          const rel = Math.abs(grad[k]! - num) / Math.max(1e-3, Math.abs(grad[k]!) + Math.abs(num));
          expect(rel, `${name}[${k}]: analytic ${grad[k]}, numeric ${num}`).toBeLessThan(1e-5);
          worst = Math.max(worst, rel);
        }
      };
      check(a.loc!, g.loc!, 'w');
      check(prev, dPrev, 'α_{u−1}');
      check(a.Wa.data, g.Wa.data, 'Wa');
      check(query, dq, "h'");
      states.forEach((h, t) => check(h, dStates[t]!, `h_${t + 1}`));
    }
    console.log(`location term backward: max relative error ${worst.toExponential(2)} against central differences`);
  });

  it('names a wrong shape', () => {
    const { a } = setup(1);
    expect(attentionMismatch(a, H)).toBeNull();
    expect(attentionMismatch(a, 5)).toMatch(/^Wa must be 5×5/);
    expect(attentionMismatch({ ...a, Wc: matrix(H, H) }, H)).toMatch(/^Wc must be 4×8/);
    expect(attentionMismatch({ ...a, bc: new Float64Array(3) }, H)).toMatch(/^bc must have 4 values, found 3/);
    expect(attentionMismatch({ ...a, loc: new Float64Array(4) }, H)).toMatch(/^the location weights must be odd in number/);
  });
});
