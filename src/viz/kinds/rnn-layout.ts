/** The plain RNN's diagram, after colah's figure (a single tanh layer). */
import type { CellLayout } from '../layoutTypes';
import { HEADER, LAYER, IO, DOT, FRAME_X, FRAME_PAD, swatchHeight, Builder, columns } from '../cellLayoutBuilder';
import type { LayoutOptions, Bands } from '../cellLayoutBuilder';

/** The RNN's own, compact viewBox: one layer needs neither the belt header nor the gate rows. */
const RNN_WIDTH = 1000;
/** Grid steps across the RNN's viewBox (the same step as the other kinds'). */
const RNN_STEPS = 100;
/** The RNN's columns in grid steps: h_{t−1} in, the merge, the tanh layer, the h_t fork, h_t out. */
const RNN_COL = columns({ left: 5, concat: 26, layer: 44, tap: 72, right: 95 }, RNN_STEPS, RNN_WIDTH);
/** The RNN's rows, each from the one named. */
const RNN_ROW = {
  /** The h line below the header's swatches. */
  hLine: 26,
  /** The a_t column's top below the h line. */
  a: 44,
  /** The merge line below the lower of the layer and the a_t column. */
  merge: 40,
  /** The h_t pill's centre above the h line. */
  up: 54,
};
/** How far the a_t column's line sits inside the layer's right edge. */
const A_INSET = 4;

/**
 * colah's "single tanh layer" (LSTM3-SimpleRNN): h_{t−1} enters on the left, turns down and merges
 * with x_t coming up from below; the merged [h_{t−1}, x_t] climbs into the one tanh layer, whose
 * output h_t leaves on the right and, forked, up through the top of the cell.
 *
 *   header (h_{t−1} and h_t columns over their pills) | the h line (T) | the layer beside a_t |
 *   the merge line | x_t.
 */
export function rnn(o: LayoutOptions): CellLayout {
  const S = swatchHeight(o);
  const T = HEADER + S + RNN_ROW.hLine;
  const aTop = T + RNN_ROW.a;
  const L = aTop + S / 2; // the layer, centred on the a_t column beside it
  const merge = Math.max(L + LAYER.h / 2, aTop + S) + RNN_ROW.merge;
  const b: Bands = { S, top: T, bandA: aTop, mid: L, bandB: aTop, layer: L, hLine: merge };
  const B = new Builder(o, b);
  const X = RNN_COL;
  const up = T - RNN_ROW.up; // the h_t pill above the cell

  B.node('hPrev', 'io', 'h_{t−1}', X.left, T, 'hPrev');
  B.node('concat', 'junction', '', X.concat, merge, 'hx');
  B.node('layerA', 'layer', o.activation ?? 'tanh', X.layer, L, 'h');
  B.node('tap', 'junction', '', X.tap, T, 'h');
  B.node('h', 'io', 'h_t', X.right, T, 'h');
  B.node('hUp', 'io', 'h_t', X.tap, up, 'h');
  B.edge('hPrev', 'concat', 'hPrev', [
    [X.left + IO.w / 2, T],
    [X.concat, T],
    [X.concat, merge - DOT / 2],
  ]);
  B.edge('concat', 'layerA', 'hx', [
    [X.concat + DOT / 2, merge],
    [X.layer, merge],
    [X.layer, L + LAYER.h / 2],
  ]);
  B.edge('layerA', 'tap', 'h', [
    [X.layer, L - LAYER.h / 2],
    [X.layer, T],
    [X.tap, T],
  ]);
  B.edge('tap', 'h', 'h', [
    [X.tap, T],
    [X.right - IO.w / 2, T],
  ]);
  B.edge('tap', 'hUp', 'h', [
    [X.tap, T],
    [X.tap, up + IO.h / 2],
  ]);

  B.column('hPrev', 'h_{t−1}', X.left, HEADER, 'centre');
  B.column('a', 'a_t', X.layer + LAYER.w / 2 - A_INSET, aTop, 'right');
  B.column('h', 'h_t', X.right, HEADER, 'centre');
  const frameBottom = merge + FRAME_PAD.bottom;
  B.input(X.concat, frameBottom, 'concat', merge);
  return B.finish('rnn', frameBottom, false, { width: RNN_WIDTH, frameX: FRAME_X, frameW: RNN_WIDTH - 2 * FRAME_X });
}
