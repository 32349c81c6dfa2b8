/**
 * What minGRU's and minLSTM's diagrams share: h along the top as the belt (h_{t−1} × keep, + the
 * written candidate, h_t leaving right and up), and x_t alone feeding the layers from the line
 * along the bottom; no line from h_{t−1} goes down into a layer.
 */
import { DOT, END_SLOTS, FRAME_PAD, HEAD_COL, HEADER, IO, LAYER, OP, columns, headerGlyphs, type Builder } from '../cellLayoutBuilder';
import type { CellLayout } from '../layoutTypes';

/** The linear candidate's box: wider than a σ or tanh box, for its label Wx+b (no nonlinearity). */
export const LINEAR = { w: 92, h: LAYER.h };

/** The belt: h_{t−1} → × (at `keep`) → + (at `add`) → h_t, with h_t's second exit up at `up`. */
export function hBelt(B: Builder, C: { readonly left: number; readonly right: number; readonly keep: number; readonly add: number; readonly up: number }): void {
  const { top } = B.b;
  B.node('hPrev', 'io', 'h_{t−1}', C.left, top, 'hPrev');
  B.node('h', 'io', 'h_t', C.right, top, 'h');
  B.node('mulKeep', 'pointwise', '×', C.keep, top, 'kept');
  B.node('add', 'pointwise', '+', C.add, top, 'h');
  B.edge('hPrev', 'mulKeep', 'hPrev', [
    [C.left + IO.w / 2, top],
    [C.keep - OP / 2, top],
  ]);
  B.edge('mulKeep', 'add', 'kept', [
    [C.keep + OP / 2, top],
    [C.add - OP / 2, top],
  ]);
  B.edge('add', 'hFork', 'h', [
    [C.add + OP / 2, top],
    [C.up, top],
  ]);
  B.edge('hFork', 'h', 'h', [
    [C.up, top],
    [C.right - IO.w / 2, top],
  ]);
  B.upOut(C.up, top);
}

/** x_t's junction on the bottom line at `xin`, and a line from it up into each of `layers` (id, x). */
export function xOnlyInputs(B: Builder, xin: number, layers: ReadonlyArray<readonly [string, number]>): void {
  const { layer, hLine } = B.b;
  B.node('xJoin', 'junction', '', xin, hLine, 'x');
  for (const [id, x] of layers) {
    B.edge('xJoin', id, 'x', [
      [xin + DOT / 2, hLine],
      [x, hLine],
      [x, layer + LAYER.h / 2],
    ]);
  }
}

/**
 * The candidate's column under + (at `x`): h̃ climbs from its layer to the × that the writing
 * gate (drawn by the kind) reaches, and the product up into +; then the header's belt equation
 * h_{t−1} × keep → kept + written = h_t, x_t's entry, and the frame.
 */
export function writeAndFinish(B: Builder, kind: string, x: number, xin: number, header: { readonly keep: string; readonly kept: string; readonly written: string }): CellLayout {
  const { top, mid, layer, hLine } = B.b;
  B.edge('layerN', 'mulN', 'hTilde', [
    [x, layer - LAYER.h / 2],
    [x, mid + OP / 2],
  ]);
  B.edge('mulN', 'add', 'written', [
    [x, mid - OP / 2],
    [x, top + OP / 2],
  ]);
  const ends = columns(END_SLOTS);
  B.column('hPrev', 'h_{t−1}', ends.left, HEADER, 'centre');
  B.column('kept', header.kept, HEAD_COL.kept, HEADER, 'centre');
  B.column('written', header.written, HEAD_COL.written, HEADER, 'centre');
  B.column('h', 'h_t', ends.right, HEADER, 'centre');
  headerGlyphs(B, header.keep);
  B.column('hTilde', 'h̃_t', x, B.b.bandB, 'right');
  const frameBottom = hLine + FRAME_PAD.bottom;
  B.input(xin, frameBottom, 'xJoin', hLine);
  return B.finish(kind, frameBottom, true);
}
