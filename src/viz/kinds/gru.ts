/**
 * The GRU's figure: h runs along the top as its belt; z keeps, 1 − z writes the candidate n,
 * which sees h_{t−1} through the reset gate r.
 */
import { type GruTrace, recurrentSide } from '../../engine';
import { type FigureSpec, row, shown, times } from './figure';
import { gru as layout } from './gru-layout';

export const gruFigure: FigureSpec<GruTrace> = {
  id: 'gru',
  layout,
  heatmaps: ['h', 'z', 'r', 'n'],
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev),
    row('pre.r', 'row.pre', 'r̂_t', 'unbounded', tr.pre.r, 'r'),
    row('r', 'row.r', 'r_t', 'gate', tr.r),
    row('pre.z', 'row.pre', 'ẑ_t', 'unbounded', tr.pre.z, 'z'),
    row('z', 'row.z', 'z_t', 'gate', tr.z),
    row('pre.n', 'row.pre', 'n̂_t', 'unbounded', tr.pre.n, 'n'),
    row('n', 'row.n', 'n_t', 'signed', tr.n),
    row('h', 'row.h', 'h_t', 'signed', tr.h),
  ],
  shown: (tr, params) => {
    // What the reset gate scales: h_{t−1} itself (reset-before) or U_n h_{t−1} + b_Un (reset-after).
    const after = 'reset' in params && params.reset === 'after';
    const seen = after ? recurrentSide(params.gates.n, tr.hPrev) : tr.hPrev;
    const oneMinusZ = tr.z.map((z) => 1 - z);
    return {
      z: shown(tr.z, 'gate', 'row.z'),
      r: shown(tr.r, 'gate', 'row.r'),
      n: shown(tr.n, 'signed', 'row.n'),
      oneMinusZ: shown(oneMinusZ, 'gate', 'vec.oneMinusZ'),
      rh: shown(times(tr.r, seen), 'unbounded', after ? 'vec.rhAfter' : 'vec.rhBefore'),
      kept: shown(times(tr.z, tr.hPrev), 'signed', 'vec.keptGru'),
      written: shown(times(oneMinusZ, tr.n), 'signed', 'vec.writtenGru'),
    };
  },
  hStage: 2,
  flowPer: 2,
  note: (params) => ['diag.gruNote', 'reset' in params && params.reset === 'after' ? 'diag.gruResetAfter' : 'diag.gruResetBefore'],
  noteClass: 'note gru-note',
  beltResult: 'h_t',
  convention: 'conv.gru',
  equation: (nodeId, tr, params, { sig, sigma, layer, op, mul, val, f }) => {
    // What the reset gate scales: h_{t−1} itself (reset-before) or U_n h_{t−1} + b_Un (reset-after).
    const after = 'reset' in params && params.reset === 'after';
    const seen = after ? recurrentSide(params.gates.n, tr.hPrev) : tr.hPrev;
    switch (nodeId) {
      case 'layerZ':
        return layer('z', sig, `z_t = ${sigma}(W_z·[h_{t−1}, x_t] + b_z)`, tr.pre.z);
      case 'layerR':
        return layer('r', sig, `r_t = ${sigma}(W_r·[h_{t−1}, x_t] + b_r)`, tr.pre.r);
      case 'layerN':
        return layer('n', 'tanh', after ? 'n_t = tanh(W_n x_t + b_{Wn} + r_t ⊙ (U_n h_{t−1} + b_{Un}))' : 'n_t = tanh(W_n x_t + b_{Wn} + U_n (r_t ⊙ h_{t−1}) + b_{Un})', tr.pre.n);
      case 'mulR':
        return after ? op('rh', 'r_t ⊙ (U_n h_{t−1} + b_{Un})', (k) => `${f(tr.r[k]!)} × ${f(seen[k]!)}`) : op('rh', 'r_t ⊙ h_{t−1}', mul('r', 'hPrev'));
      case 'oneMinus':
        return op('oneMinusZ', '1 − z_t', (k) => `1 − ${f(tr.z[k]!)}`);
      case 'mulZ':
        return op('kept', 'z_t ⊙ h_{t−1}', mul('z', 'hPrev'));
      case 'mulN':
        return op('written', '(1 − z_t) ⊙ n_t', mul('oneMinusZ', 'n'));
      case 'add':
        return op('h', 'h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ n_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
      default:
        return null;
    }
  },
};
