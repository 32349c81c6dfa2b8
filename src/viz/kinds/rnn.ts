/** The RNN's figure: one layer, h_t = tanh(W x_t + U h_{t−1} + b), or relu(…) for a relu RNN. */
import type { RnnTrace } from '../../engine';
import { type FigureSpec, row, shown, stateRange } from './figure';
import { rnn as layout } from './rnn-layout';

export const rnnFigure: FigureSpec<RnnTrace> = {
  id: 'rnn',
  layout,
  heatmaps: ['h', 'pre.a'],
  rows: (tr) => [
    row('x', 'row.x', 'x_t', 'unbounded', tr.x),
    row('hPrev', 'row.hPrev', 'h_{t−1}', stateRange(tr), tr.hPrev),
    row('pre.a', 'row.a', 'a_t', 'unbounded', tr.pre.a),
    row('h', 'row.h', 'h_t', stateRange(tr), tr.h),
  ],
  shown: (tr) => ({ a: shown(tr.pre.a, 'unbounded', 'row.a') }),
  hStage: 3,
  flowPer: 1,
  note: () => ['diag.rnnNote'],
  noteClass: 'note',
  beltResult: 'C_t',
  convention: null,
  equation: (nodeId, tr, _params, { layer }) => (nodeId === 'layerA' ? layer('h', tr.activation, `h_t = ${tr.activation}(W x_t + U h_{t−1} + b)`, tr.pre.a) : null),
};
