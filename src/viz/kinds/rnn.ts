/** The RNN's figure: one tanh layer, h_t = tanh(W x_t + U h_{t−1} + b). */
import type { RnnTrace } from '../../engine';
import { type FigureSpec, row, shown } from './figure';
import { rnn as layout } from './rnn-layout';

export const rnnFigure: FigureSpec<RnnTrace> = {
  id: 'rnn',
  layout,
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev),
    row('pre.a', 'row.a', 'a_t', 'unbounded', tr.pre.a),
    row('h', 'row.h', 'h_t', 'signed', tr.h),
  ],
  shown: (tr) => ({ a: shown(tr.pre.a, 'unbounded', 'row.a') }),
  hStage: 3,
  flowPer: 1,
  note: () => ['diag.rnnNote'],
  noteClass: 'note',
  beltResult: 'C_t',
  convention: null,
  equation: (nodeId, tr, _params, { layer }) => (nodeId === 'layerA' ? layer('h', 'tanh', 'h_t = tanh(W x_t + U h_{t−1} + b)', tr.pre.a) : null),
};
