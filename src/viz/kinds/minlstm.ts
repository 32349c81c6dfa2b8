/**
 * minLSTM's figure: h along the top, kept by f′ and written by i′ ⊙ h̃, where f′ and i′ are the
 * forget and input gates normalised to add up to one; every layer reads x_t alone.
 */
import type { MinLstmTrace } from '../../engine';
import { type FigureSpec, row, shown, times } from './figure';
import { minlstm as layout } from './minlstm-layout';

export const minlstmFigure: FigureSpec<MinLstmTrace> = {
  id: 'minlstm',
  layout,
  heatmaps: ['h', 'fPrime', 'f', 'i', 'hTilde'],
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('hPrev', 'row.hPrev', 'h_{t−1}', 'unbounded', tr.hPrev),
    row('pre.f', 'row.pre', 'f̂_t', 'unbounded', tr.pre.f, 'f'),
    row('f', 'row.f', 'f_t', 'gate', tr.f),
    row('pre.i', 'row.pre', 'î_t', 'unbounded', tr.pre.i, 'i'),
    row('i', 'row.i', 'i_t', 'gate', tr.i),
    row('fPrime', 'row.fPrime', 'f′_t', 'gate', tr.fPrime),
    row('iPrime', 'row.iPrime', 'i′_t', 'gate', tr.iPrime),
    row('hTilde', 'row.hTilde', 'h̃_t', 'unbounded', tr.hTilde),
    row('h', 'row.h', 'h_t', 'unbounded', tr.h),
  ],
  shown: (tr) => ({
    f: shown(tr.f, 'gate', 'row.f'),
    i: shown(tr.i, 'gate', 'row.i'),
    fPrime: shown(tr.fPrime, 'gate', 'row.fPrime'),
    iPrime: shown(tr.iPrime, 'gate', 'row.iPrime'),
    hTilde: shown(tr.hTilde, 'unbounded', 'row.hTilde'),
    kept: shown(times(tr.fPrime, tr.hPrev), 'unbounded', 'vec.keptMinLstm'),
    written: shown(times(tr.iPrime, tr.hTilde), 'unbounded', 'vec.writtenMinLstm'),
  }),
  hStage: 2,
  flowPer: 1,
  note: () => ['diag.minlstmNote'],
  noteClass: 'note gru-note',
  beltResult: 'h_t',
  convention: 'conv.minlstm',
  equation: (nodeId, tr, _params, { layer, op, mul, val, f }) => {
    switch (nodeId) {
      case 'layerF':
        return layer('f', 'sigmoid', 'f_t = σ(W_f x_t + b_f)', tr.pre.f);
      case 'layerI':
        return layer('i', 'sigmoid', 'i_t = σ(W_i x_t + b_i)', tr.pre.i);
      case 'layerN':
        return op('hTilde', 'h̃_t = W_h x_t + b_h', (k) => f(tr.hTilde[k]!));
      case 'norm':
        return op(
          'fPrime',
          'f′_t = f_t / (f_t + i_t)',
          (k) => `${f(tr.f[k]!)} / (${f(tr.f[k]!)} + ${f(tr.i[k]!)})`,
          (k) => [`i′_t = 1 − f′_t = ${f(tr.iPrime[k]!)}`],
        );
      case 'mulKeep':
        return op('kept', 'f′_t ⊙ h_{t−1}', mul('fPrime', 'hPrev'));
      case 'mulN':
        return op('written', 'i′_t ⊙ h̃_t', mul('iPrime', 'hTilde'));
      case 'add':
        return op('h', 'h_t = f′_t ⊙ h_{t−1} + i′_t ⊙ h̃_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
      default:
        return null;
    }
  },
};
