/**
 * mLSTM's figure: the matrix memory C on the belt, kept by the stabilised f′ and written by
 * i′ v kᵀ, and read by q through the denominator max(|nᵀq|, e^{−m}). Its gates are one number each
 * (one head), drawn as lines into the belt's × and the write's ×; as vectors they are that number
 * for every unit. The belt's swatches show C as q_t reads it (C q per unit); the matrix itself,
 * the stabiliser's choice and the denominator's two sides are in the memory panel (memory()).
 */
import type { MlstmTrace } from '../../engine';
import { type FigureSpec, type MemoryView, row, shown } from './figure';
import { mlstm as layout } from './mlstm-layout';

/** M x, for the H×H matrix m (row-major). */
function apply(m: Float64Array, x: Float64Array): Float64Array {
  const H = x.length;
  const out = new Float64Array(H);
  for (let a = 0; a < H; a++) {
    let s = 0;
    for (let b = 0; b < H; b++) s += m[a * H + b]! * x[b]!;
    out[a] = s;
  }
  return out;
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, k) => s + x * b[k]!, 0);
const one = (x: number) => Float64Array.of(x);
const same = (x: number, H: number) => new Float64Array(H).fill(x);

/**
 * The memory as q_t reads it, unit by unit: kept f′ C_{t−1} q, written i′ v (k · q), and their
 * sum C_t q (the sum, so the belt's bars add up exactly; equal to C_t q to rounding).
 */
function reads(tr: MlstmTrace) {
  const cPrev = apply(tr.CPrev.data, tr.q);
  const kq = dot(tr.k, tr.q);
  const vk = tr.v.map((v) => v * kq);
  const kept = cPrev.map((c) => tr.fPrime * c);
  const written = vk.map((w) => tr.iPrime * w);
  return { cPrev, kq, vk, kept, written, c: kept.map((k, a) => k + written[a]!) };
}

/** e^{−m} as the engine takes it: at most the largest double. */
const floorOf = (m: number) => Math.min(Math.exp(-m), Number.MAX_VALUE);

export const mlstmFigure: FigureSpec<MlstmTrace> = {
  id: 'mlstm',
  layout,
  heatmaps: ['h', 'hTilde', 'n', 'o', 'q', 'k', 'v'],
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('q', 'row.q', 'q_t', 'unbounded', tr.q),
    row('k', 'row.k', 'k_t', 'unbounded', tr.k),
    row('v', 'row.v', 'v_t', 'unbounded', tr.v),
    row('pre.i', 'row.preOne', 'ĩ_t', 'unbounded', one(tr.pre.i), 'i'),
    row('pre.f', 'row.preOne', 'f̃_t', 'unbounded', one(tr.pre.f), 'f'),
    row('logF', 'row.logFM', 'log σ(f̃_t)', 'unbounded', one(tr.logF)),
    row('mPrev', 'row.mPrev', 'm_{t−1}', 'unbounded', one(tr.mPrev)),
    row('m', 'row.m', 'm_t', 'unbounded', one(tr.m)),
    row('iPrime', 'row.iPrimeS', 'i′_t', 'gate', one(tr.iPrime)),
    row('fPrime', 'row.fPrimeS', 'f′_t', 'gate', one(tr.fPrime)),
    row('nPrev', 'row.nPrev', 'n_{t−1}', 'unbounded', tr.nPrev),
    row('n', 'row.nS', 'n_t', 'unbounded', tr.n),
    row('nq', 'row.nq', 'n_tᵀq_t', 'unbounded', one(tr.nq)),
    row('denominator', 'row.den', 'd_t', 'unbounded', one(tr.denominator)),
    row('pre.o', 'row.pre', 'õ_t', 'unbounded', tr.pre.o, 'o'),
    row('o', 'row.o', 'o_t', 'gate', tr.o),
    row('hTilde', 'row.hRead', 'h̃_t', 'unbounded', tr.hTilde),
    row('h', 'row.h', 'h_t', 'unbounded', tr.h),
  ],
  shown: (tr) => {
    const H = tr.h.length;
    const r = reads(tr);
    return {
      // Not read by the step (no line in the figure); every view's h_{t−1} is still the trace's.
      hPrev: shown(tr.hPrev, 'unbounded', 'row.hPrev'),
      h: shown(tr.h, 'unbounded', 'row.h'),
      f: shown(same(tr.fPrime, H), 'gate', 'row.fPrimeS'),
      i: shown(same(tr.iPrime, H), 'gate', 'row.iPrimeS'),
      q: shown(tr.q, 'unbounded', 'row.q'),
      k: shown(tr.k, 'unbounded', 'row.k'),
      v: shown(tr.v, 'unbounded', 'row.v'),
      vk: shown(r.vk, 'unbounded', 'vec.vkRead'),
      cPrev: shown(r.cPrev, 'unbounded', 'vec.cPrevRead'),
      kept: shown(r.kept, 'unbounded', 'vec.keptRead'),
      written: shown(r.written, 'unbounded', 'vec.writtenRead'),
      c: shown(r.c, 'unbounded', 'vec.cRead'),
      hTilde: shown(tr.hTilde, 'unbounded', 'row.hRead'),
      o: shown(tr.o, 'gate', 'row.o'),
    };
  },
  hStage: 3,
  flowPer: 1,
  note: () => ['diag.mlstmNote'],
  noteClass: 'note',
  beltResult: 'C_t q_t',
  convention: 'conv.mlstm',
  memory: (tr, units): MemoryView => {
    const H = tr.h.length;
    const block = (cell: (a: number, b: number) => number) => units.map((a) => units.map((b) => cell(a, b)));
    const per = (v: ArrayLike<number>) => units.map((u) => v[u]!);
    return {
      units,
      cPrev: block((a, b) => tr.CPrev.data[a * H + b]!),
      outer: block((a, b) => tr.v[a]! * tr.k[b]!),
      c: block((a, b) => tr.C.data[a * H + b]!),
      forgetSide: tr.logF + tr.mPrev,
      inputSide: tr.pre.i,
      m: tr.m,
      fPrime: tr.fPrime,
      iPrime: tr.iPrime,
      k: per(tr.k),
      nPrev: per(tr.nPrev),
      n: per(tr.n),
      q: per(tr.q),
      nq: Math.abs(tr.nq),
      floor: floorOf(tr.m),
      denominator: tr.denominator,
      read: per(apply(tr.C.data, tr.q)),
      hTilde: per(tr.hTilde),
      o: per(tr.o),
      h: per(tr.h),
    };
  },
  equation: (nodeId, tr, _params, { layer, op, mul, val, f }) => {
    const m = () => [`m_t = max(log σ(f̃_t) + m_{t−1}, ĩ_t) = max(${f(tr.logF + tr.mPrev)}, ${f(tr.pre.i)}) = ${f(tr.m)}`];
    switch (nodeId) {
      case 'layerF':
        return op('f', 'f′_t = exp(log σ(f̃_t) + m_{t−1} − m_t),  f̃_t = w_f · x_t + b_f', () => `exp(${f(tr.logF)} + ${f(tr.mPrev)} − ${f(tr.m)})`, m);
      case 'layerI':
        return op('i', 'i′_t = exp(ĩ_t − m_t),  ĩ_t = w_i · x_t + b_i', () => `exp(${f(tr.pre.i)} − ${f(tr.m)})`, m);
      case 'layerK':
        return op('k', 'k_t = (W_k x_t + b_k) / √d', (k) => `${f(tr.k[k]! * Math.sqrt(tr.k.length))} / ${f(Math.sqrt(tr.k.length))}`);
      case 'layerV':
        return op('v', 'v_t = W_v x_t + b_v', (k) => f(tr.v[k]!));
      case 'layerQ':
        return op('q', 'q_t = W_q x_t + b_q', (k) => f(tr.q[k]!));
      case 'layerO':
        return layer('o', 'sigmoid', 'o_t = σ(W_o x_t + b_o)', tr.pre.o);
      case 'outer': {
        const kq = dot(tr.k, tr.q);
        return op(
          'vk',
          '(v_t k_tᵀ) q_t = v_t (k_t · q_t)',
          (k) => `${f(tr.v[k]!)} × ${f(kq)}`,
          () => [`k_t · q_t = ${f(kq)}`],
        );
      }
      case 'mulI':
        return op('written', '(i′_t v_t k_tᵀ) q_t = i′_t v_t (k_t · q_t)', mul('i', 'vk'));
      case 'mulF':
        return op('kept', '(f′_t C_{t−1}) q_t', mul('f', 'cPrev'));
      case 'add':
        return op(
          'c',
          'C_t q_t = (f′_t C_{t−1} + i′_t v_t k_tᵀ) q_t',
          (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`,
          () => [`n_t = f′_t n_{t−1} + i′_t k_t`],
        );
      case 'read':
        return op(
          'hTilde',
          'h̃_t = C_t q_t / max(|n_tᵀ q_t|, exp(−m_t))',
          (k) => `${f(val('c')[k]!)} / ${f(tr.denominator)}`,
          () => [`|n_tᵀ q_t| = ${f(Math.abs(tr.nq))},  exp(−m_t) = ${f(floorOf(tr.m))}`],
        );
      case 'mulO':
        return op('h', 'h_t = o_t ⊙ h̃_t', mul('o', 'hTilde'));
      default:
        return null;
    }
  },
};
