/**
 * minLSTM's diagram: the LSTM's forget and input gates without the output gate, tanh or cell
 * state, and, as in minGRU, no line from h_{t−1} into any layer. Its one new part is drawn as its
 * own node: the two gates are normalised so that they share one unit of weight,
 * f′ = f / (f + i) and i′ = i / (f + i), before f′ keeps h_{t−1} and i′ writes the linear h̃.
 */
import type { CellLayout } from '../layoutTypes';
import { LAYER, OP, END_SLOTS, bands, Builder, columns } from '../cellLayoutBuilder';
import type { LayoutOptions } from '../cellLayoutBuilder';
import { hBelt, LINEAR, writeAndFinish, xOnlyInputs } from './min-layout';

/** Columns in grid steps: x_t's entry, σ f, the f′ line, the normaliser, σ i, the candidate under +, h_t's exit up. */
const COL = columns({ ...END_SLOTS, xin: 14, f: 24, keep: 40, norm: 44, i: 56, n: 82, up: 103 });
/** The normaliser's box: wide enough for "f/(f+i)". */
const NORM = { w: 120, h: 32 };

export function minlstm(o: LayoutOptions): CellLayout {
  const b = bands(o);
  const B = new Builder(o, b);
  const C = COL;
  const { top, mid, layer } = b;

  hBelt(B, { left: C.left, right: C.right, keep: C.keep, add: C.n, up: C.up });
  B.node('layerF', 'layer', 'σ', C.f, layer, 'f');
  B.node('layerI', 'layer', 'σ', C.i, layer, 'i');
  B.node('layerN', 'layer', 'Wx+b', C.n, layer, 'hTilde', LINEAR);
  xOnlyInputs(B, C.xin, [
    ['layerF', C.f],
    ['layerI', C.i],
    ['layerN', C.n],
  ]);

  // f and i climb into the normaliser from below; f′ leaves up to the keep ×, i′ right to the write ×.
  B.node('norm', 'pointwise', 'f/(f+i)', C.norm, mid, 'fPrime', NORM);
  // The gates turn in under the normaliser, above band B (whose strips hang from the same lines).
  const jog = mid + NORM.h / 2 + 8;
  B.edge('layerF', 'norm', 'f', [
    [C.f, layer - LAYER.h / 2],
    [C.f, jog],
    [C.norm - NORM.w / 4, jog],
    [C.norm - NORM.w / 4, mid + NORM.h / 2],
  ]);
  B.edge('layerI', 'norm', 'i', [
    [C.i, layer - LAYER.h / 2],
    [C.i, jog],
    [C.norm + NORM.w / 4, jog],
    [C.norm + NORM.w / 4, mid + NORM.h / 2],
  ]);
  B.edge('norm', 'mulKeep', 'fPrime', [
    [C.keep, mid - NORM.h / 2],
    [C.keep, top + OP / 2],
  ]);
  B.node('mulN', 'pointwise', '×', C.n, mid, 'written');
  B.edge('norm', 'mulN', 'iPrime', [
    [C.norm + NORM.w / 2, mid],
    [C.n - OP / 2, mid],
  ]);
  B.column('fPrime', 'f′_t', C.keep, b.bandA, 'left');
  B.column('iPrime', 'i′_t', C.n, b.bandA, 'left');
  B.column('f', 'f_t', C.f, b.bandB, 'left');
  B.column('i', 'i_t', C.i, b.bandB, 'right');
  return writeAndFinish(B, 'minlstm', C.n, C.xin, { keep: 'f′_t', kept: 'f′⊙h_{t−1}', written: 'i′⊙h̃' });
}
