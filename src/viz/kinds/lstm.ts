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
  heatmaps: ['h', 'c', 'f', 'i', 'o', 'cTilde'],
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
  equation: (nodeId, tr, params, { sig, sigma, layer, op, mul, val, f }) => {
    const peep = 'peep' in params ? params.peep : null;
    const peepLine = (p: Float64Array, c: Float64Array, g: string, cs: string) => (k: number) => [`p_${g} ⊙ ${cs} = ${f(p[k]!)} × ${f(c[k]!)} = ${f(p[k]! * c[k]!)}`];
    switch (nodeId) {
      case 'layerF':
        return peep
          ? layer('f', sig, `f_t = ${sigma}(W_f·[h_{t−1}, x_t] + b_f + p_f ⊙ C_{t−1})`, tr.pre.f!, peepLine(peep.f, tr.cPrev, 'f', 'C_{t−1}'))
          : layer('f', sig, `f_t = ${sigma}(W_f·[h_{t−1}, x_t] + b_f)`, tr.pre.f!);
      case 'layerI':
        return peep
          ? layer('i', sig, `i_t = ${sigma}(W_i·[h_{t−1}, x_t] + b_i + p_i ⊙ C_{t−1})`, tr.pre.i!, peepLine(peep.i, tr.cPrev, 'i', 'C_{t−1}'))
          : layer('i', sig, `i_t = ${sigma}(W_i·[h_{t−1}, x_t] + b_i)`, tr.pre.i!);
      case 'layerG':
        return layer('cTilde', 'tanh', 'C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)', tr.pre.g);
      case 'layerO':
        return peep
          ? layer('o', sig, `o_t = ${sigma}(W_o·[h_{t−1}, x_t] + b_o + p_o ⊙ C_t)`, tr.pre.o, peepLine(peep.o, tr.c, 'o', 'C_t'))
          : layer('o', sig, `o_t = ${sigma}(W_o·[h_{t−1}, x_t] + b_o)`, tr.pre.o);
      case 'oneMinus':
        return tr.pre.i === null ? op('i', 'i_t = 1 − f_t', (k) => `1 − ${f(tr.f[k]!)}`) : op('f', 'f_t = 1 − i_t', (k) => `1 − ${f(tr.i[k]!)}`);
      case 'mulF':
        return op('kept', 'f_t ⊙ C_{t−1}', mul('f', 'cPrev'));
      case 'mulI':
        return op('written', 'i_t ⊙ C̃_t', mul('i', 'cTilde'));
      case 'add':
        return op('c', 'C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
      case 'tanhC':
        return op('tanhC', 'tanh(C_t)', (k) => `tanh(${f(tr.c[k]!)})`);
      case 'mulO':
        return op('h', 'h_t = o_t ⊙ tanh(C_t)', mul('o', 'tanhC'));
      default:
        return null;
    }
  },
});

/** The plain LSTM follows the frameworks' common convention; its variants say how they differ. */
const CONVENTION = { lstm: null, peephole: 'conv.peephole', coupled: 'conv.coupled' } as const;

export const lstmFigure = family('lstm');
export const peepholeFigure = family('peephole');
export const coupledFigure = family('coupled');
