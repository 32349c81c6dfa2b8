/**
 * sLSTM's figure: the LSTM's, with c kept by the stabilised f′ and written by i′ ⊙ z, and
 * h_t = o_t ⊙ c_t / n_t; n and m on belts of their own, and beside f′ and i′ the gates as they
 * would be without m. Its stabiliser rows (the panel under the diagram) show, unit by unit,
 * how m_t is chosen, the gates it makes, and the values that would overflow without it.
 */
import type { SlstmTrace } from '../../engine';
import { formatCompact } from '../numberFormat';
import { type FigureSpec, row, shown, times } from './figure';
import { slstm as layout } from './slstm-layout';

/** e^x as shown: past a double's range it is written as a power of e, which is what would overflow. */
function exp(x: number): { value: number; text: string | null } {
  const v = Math.exp(x);
  return Number.isFinite(v) ? { value: v, text: null } : { value: v, text: `exp(${x.toFixed(1)})` };
}

export const slstmFigure: FigureSpec<SlstmTrace> = {
  id: 'slstm',
  layout,
  heatmaps: ['h', 'c', 'n', 'm', 'fPrime', 'iPrime', 'o', 'z'],
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev),
    row('cPrev', 'row.cPrevS', 'c_{t−1}', 'unbounded', tr.cPrev),
    row('nPrev', 'row.nPrev', 'n_{t−1}', 'unbounded', tr.nPrev),
    row('mPrev', 'row.mPrev', 'm_{t−1}', 'unbounded', tr.mPrev),
    row('pre.i', 'row.pre', 'ĩ_t', 'unbounded', tr.pre.i, 'i'),
    row('pre.f', 'row.pre', 'f̃_t', 'unbounded', tr.pre.f, 'f'),
    row('logF', 'row.logF', 'log f_t', 'unbounded', tr.logF),
    row('m', 'row.m', 'm_t', 'unbounded', tr.m),
    row('iPrime', 'row.iPrimeS', 'i′_t', 'gate', tr.iPrime),
    row('fPrime', 'row.fPrimeS', 'f′_t', 'gate', tr.fPrime),
    row('pre.z', 'row.pre', 'z̃_t', 'unbounded', tr.pre.z, 'z'),
    row('z', 'row.zS', 'z_t', 'signed', tr.z),
    row('pre.o', 'row.pre', 'õ_t', 'unbounded', tr.pre.o, 'o'),
    row('o', 'row.o', 'o_t', 'gate', tr.o),
    row('c', 'row.cS', 'c_t', 'unbounded', tr.c),
    row('n', 'row.nS', 'n_t', 'unbounded', tr.n),
    row('h', 'row.h', 'h_t', 'signed', tr.h),
  ],
  shown: (tr, params) => ({
    cPrev: shown(tr.cPrev, 'unbounded', 'row.cPrevS'),
    f: shown(tr.fPrime, 'gate', 'row.fPrimeS'),
    i: shown(tr.iPrime, 'gate', 'row.iPrimeS'),
    cTilde: shown(tr.z, 'signed', 'row.zS'),
    c: shown(tr.c, 'unbounded', 'row.cS'),
    o: shown(tr.o, 'gate', 'row.o'),
    tanhC: shown(
      // n = 0 only where every write underflowed: the engine's limit there is the write, z (slstm.ts).
      tr.c.map((c, k) => (tr.n[k]! !== 0 ? c / tr.n[k]! : tr.z[k]!)),
      'signed',
      'vec.cOverN',
    ),
    kept: shown(times(tr.fPrime, tr.cPrev), 'unbounded', 'vec.keptS'),
    written: shown(times(tr.iPrime, tr.z), 'signed', 'vec.writtenS'),
    nPrev: shown(tr.nPrev, 'unbounded', 'row.nPrev'),
    nKept: shown(times(tr.fPrime, tr.nPrev), 'unbounded', 'vec.nKept'),
    nState: shown(tr.n, 'unbounded', 'row.nS'),
    mPrev: shown(tr.mPrev, 'unbounded', 'row.mPrev'),
    m: shown(tr.m, 'unbounded', 'row.m'),
    // Without m: exp(ĩ_t), and exp(log f_t), which is exp(f̃_t) or σ(f̃_t); Infinity past a double.
    iRaw: shown(tr.pre.i.map(Math.exp), 'rectified', 'vec.iRaw', true),
    fRaw: shown(tr.logF.map(Math.exp), 'forget' in params && params.forget === 'sigmoid' ? 'gate' : 'rectified', 'vec.fRaw', true),
  }),
  // Its n and m belts make the figure a tenth taller than the LSTM's.
  slideRows: 5,
  hStage: 3,
  flowPer: 4,
  note: (params) => ['diag.slstmNote', 'forget' in params && params.forget === 'sigmoid' ? 'diag.slstmSigmoid' : 'diag.slstmExp'],
  noteClass: 'note',
  beltResult: 'c_t',
  convention: 'conv.slstm',
  stabiliser: (tr, units) => {
    const per = (f: (k: number) => string) => units.map(f);
    const n3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3).replace('-', '−') : String(x));
    return [
      { symbol: 'ĩ_t', label: 'stab.preI', values: per((k) => n3(tr.pre.i[k]!)) },
      { symbol: 'log f_t + m_{t−1}', label: 'stab.forgetSide', values: per((k) => n3(tr.logF[k]! + tr.mPrev[k]!)) },
      { symbol: 'm_t', label: 'stab.m', values: per((k) => n3(tr.m[k]!)) },
      { symbol: 'exp(ĩ_t)', label: 'stab.rawI', values: per((k) => exp(tr.pre.i[k]!).text ?? exp(tr.pre.i[k]!).value.toPrecision(4)), overflow: units.map((k) => exp(tr.pre.i[k]!).text !== null) },
      { symbol: 'i′_t = exp(ĩ_t − m_t)', label: 'stab.iPrime', values: per((k) => n3(tr.iPrime[k]!)) },
      { symbol: 'f′_t = exp(log f_t + m_{t−1} − m_t)', label: 'stab.fPrime', values: per((k) => n3(tr.fPrime[k]!)) },
      { symbol: 'n_t = f′_t n_{t−1} + i′_t', label: 'stab.n', values: per((k) => n3(tr.n[k]!)) },
      {
        symbol: 'c_t · exp(m_t)',
        label: 'stab.trueC',
        values: per((k) => {
          const e = exp(tr.m[k]!);
          return e.text === null ? (tr.c[k]! * e.value).toPrecision(4) : `${n3(tr.c[k]!)}·${e.text}`;
        }),
        overflow: units.map((k) => exp(tr.m[k]!).text !== null),
      },
      { symbol: 'h_t = o_t c_t / n_t', label: 'stab.h', values: per((k) => n3(tr.h[k]!)) },
    ];
  },
  equation: (nodeId, tr, params, { layer, op, mul, val, f }) => {
    const sigmoidForget = 'forget' in params && params.forget === 'sigmoid';
    switch (nodeId) {
      case 'layerI':
        return op(
          'i',
          'i′_t = exp(ĩ_t − m_t),  ĩ_t = W_i x_t + U_i h_{t−1} + b_i',
          (k) => `exp(${f(tr.pre.i[k]!)} − ${f(tr.m[k]!)})`,
          (k) => [`exp(ĩ_t) = ${formatCompact(val('iRaw')[k]!)}`],
        );
      case 'layerF':
        return op(
          'f',
          sigmoidForget ? 'f′_t = exp(log σ(f̃_t) + m_{t−1} − m_t)' : 'f′_t = exp(f̃_t + m_{t−1} − m_t)',
          (k) => `exp(${f(tr.logF[k]!)} + ${f(tr.mPrev[k]!)} − ${f(tr.m[k]!)})`,
          (k) => [`${sigmoidForget ? 'σ(f̃_t)' : 'exp(f̃_t)'} = ${formatCompact(val('fRaw')[k]!)}`],
        );
      case 'mMax':
        return op(
          'm',
          'm_t = max(log f_t + m_{t−1}, ĩ_t)',
          (k) => `max(${f(tr.logF[k]! + tr.mPrev[k]!)}, ${f(tr.pre.i[k]!)})`,
          (k) => [`log f_t = ${f(tr.logF[k]!)},  m_{t−1} = ${f(tr.mPrev[k]!)}`],
        );
      case 'nMul':
        return op('nKept', 'f′_t ⊙ n_{t−1}', mul('f', 'nPrev'));
      case 'nAdd':
        return op('nState', 'n_t = f′_t ⊙ n_{t−1} + i′_t', (k) => `${f(val('nKept')[k]!)} + ${f(val('i')[k]!)}`);
      case 'layerG':
        return layer('cTilde', 'tanh', 'z_t = tanh(W_z x_t + U_z h_{t−1} + b_z)', tr.pre.z);
      case 'layerO':
        return layer('o', 'sigmoid', 'o_t = σ(W_o x_t + U_o h_{t−1} + b_o)', tr.pre.o);
      case 'mulF':
        return op('kept', 'f′_t ⊙ c_{t−1}', mul('f', 'cPrev'));
      case 'mulI':
        return op('written', 'i′_t ⊙ z_t', mul('i', 'cTilde'));
      case 'add':
        return op('c', 'c_t = f′_t ⊙ c_{t−1} + i′_t ⊙ z_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
      case 'tanhC':
        return op('tanhC', 'c_t / n_t', (k) => `${f(tr.c[k]!)} / ${f(tr.n[k]!)}`);
      case 'mulO':
        return op('h', 'h_t = o_t ⊙ c_t / n_t', mul('o', 'tanhC'));
      default:
        return null;
    }
  },
};
