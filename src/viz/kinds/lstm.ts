/**
 * The figures of the LSTM family (LSTM, peephole, coupled): the belt C along the top, kept by
 * f and written by i ⊙ C̃, read out through o. They differ only in the diagram's geometry.
 */
import type { LstmTrace } from '../../engine';
import { type FigureSpec, row, shown, times, type TraceVector } from './figure';
import { lstmFamily } from './lstm-layout';

function rows(tr: LstmTrace): TraceVector[] {
  const out: TraceVector[] = [row('x', 'row.x', 'x_t', 'unbounded', tr.x), row('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev), row('cPrev', 'row.cPrev', 'C_{t−1}', 'unbounded', tr.cPrev)];
  if (tr.pre.f) out.push(row('pre.f', 'row.pre', 'f̂_t', 'unbounded', tr.pre.f, 'f'));
  out.push(row('f', 'row.f', 'f_t', 'gate', tr.f));
  if (tr.pre.i) out.push(row('pre.i', 'row.pre', 'î_t', 'unbounded', tr.pre.i, 'i'));
  out.push(
    row('i', 'row.i', 'i_t', 'gate', tr.i),
    row('pre.g', 'row.pre', 'ĝ_t', 'unbounded', tr.pre.g, 'C̃'),
    row('cTilde', 'row.cTilde', 'C̃_t', 'signed', tr.cTilde),
    row('c', 'row.c', 'C_t', 'unbounded', tr.c),
    row('pre.o', 'row.pre', 'ô_t', 'unbounded', tr.pre.o, 'o'),
    row('o', 'row.o', 'o_t', 'gate', tr.o),
    row('tanhC', 'row.tanhC', 'tanh(C_t)', 'signed', tr.tanhC),
    row('h', 'row.h', 'h_t', 'signed', tr.h),
  );
  return out;
}

const family = (id: 'lstm' | 'peephole' | 'coupled'): FigureSpec<LstmTrace> => ({
  id,
  layout: (o) => lstmFamily(id, o),
  rows,
  shown: (tr) => ({
    cPrev: shown(tr.cPrev, 'unbounded', 'row.cPrev'),
    f: shown(tr.f, 'gate', 'row.f'),
    i: shown(tr.i, 'gate', 'row.i'),
    cTilde: shown(tr.cTilde, 'signed', 'row.cTilde'),
    c: shown(tr.c, 'unbounded', 'row.c'),
    o: shown(tr.o, 'gate', 'row.o'),
    tanhC: shown(tr.tanhC, 'signed', 'row.tanhC'),
    kept: shown(times(tr.f, tr.cPrev), 'unbounded', 'vec.kept'),
    written: shown(times(tr.i, tr.cTilde), 'signed', 'vec.written'),
  }),
  hStage: 3,
  flowPer: 4,
  note: () => ['diag.beltNote'],
  noteClass: 'note',
  beltResult: 'C_t',
  convention: CONVENTION[id],
});

/** The plain LSTM follows the frameworks' common convention; its variants say how they differ. */
const CONVENTION = { lstm: null, peephole: 'conv.peephole', coupled: 'conv.coupled' } as const;

export const lstmFigure = family('lstm');
export const peepholeFigure = family('peephole');
export const coupledFigure = family('coupled');
