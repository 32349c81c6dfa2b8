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
};
