/**
 * minGRU's figure: h along the top as its belt, kept by 1 − z and written by z ⊙ h̃, where z
 * and the linear candidate h̃ read x_t alone (the figure draws no line from h_{t−1} into them).
 */
import type { MinGruTrace } from '../../engine';
import { type FigureSpec, row, shown, times } from './figure';
import { mingru as layout } from './mingru-layout';

export const mingruFigure: FigureSpec<MinGruTrace> = {
  id: 'mingru',
  layout,
  heatmaps: ['h', 'z', 'hTilde'],
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('hPrev', 'row.hPrev', 'h_{t−1}', 'unbounded', tr.hPrev),
    row('pre.z', 'row.pre', 'ẑ_t', 'unbounded', tr.pre.z, 'z'),
    row('z', 'row.zMin', 'z_t', 'gate', tr.z),
    row('hTilde', 'row.hTilde', 'h̃_t', 'unbounded', tr.hTilde),
    row('h', 'row.h', 'h_t', 'unbounded', tr.h),
  ],
  shown: (tr) => {
    const oneMinusZ = tr.z.map((z) => 1 - z);
    return {
      z: shown(tr.z, 'gate', 'row.zMin'),
      hTilde: shown(tr.hTilde, 'unbounded', 'row.hTilde'),
      oneMinusZ: shown(oneMinusZ, 'gate', 'vec.oneMinusZ'),
      kept: shown(times(oneMinusZ, tr.hPrev), 'unbounded', 'vec.keptMinGru'),
      written: shown(times(tr.z, tr.hTilde), 'unbounded', 'vec.writtenMinGru'),
    };
  },
  hStage: 2,
  flowPer: 1,
  note: () => ['diag.mingruNote'],
  noteClass: 'note gru-note',
  beltResult: 'h_t',
  convention: 'conv.mingru',
  equation: (nodeId, tr, _params, { layer, op, mul, val, f }) => {
    switch (nodeId) {
      case 'layerZ':
        return layer('z', 'sigmoid', 'z_t = σ(W_z x_t + b_z)', tr.pre.z);
      case 'layerN':
        return op('hTilde', 'h̃_t = W_h x_t + b_h', (k) => f(tr.hTilde[k]!));
      case 'oneMinus':
        return op('oneMinusZ', '1 − z_t', (k) => `1 − ${f(tr.z[k]!)}`);
      case 'mulKeep':
        return op('kept', '(1 − z_t) ⊙ h_{t−1}', mul('oneMinusZ', 'hPrev'));
      case 'mulN':
        return op('written', 'z_t ⊙ h̃_t', mul('z', 'hTilde'));
      case 'add':
        return op('h', 'h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
      default:
        return null;
    }
  },
};
