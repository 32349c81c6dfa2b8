/** The GRU's diagram, after colah's figure: see cellLayout.ts for the bands. */
import type { CellLayout } from '../layoutTypes';
import { HEADER, LAYER, OP, IO, DOT, HEAD_COL, FRAME_PAD, ONE_MINUS, END_SLOTS, bands, Builder, columns, headerGlyphs } from '../cellLayoutBuilder';
import type { LayoutOptions } from '../cellLayoutBuilder';

/**
 * The GRU's columns in grid steps, left to right: h_{t−1}'s two forks down (to the layers, to
 * r's ×), the concat, σr, σz under ×z, 1 − z, the candidate under +, h_t's exit up.
 */
const GRU_COL = columns({ ...END_SLOTS, jh: 13, jr: 17, concat: 24, r: 30, z: 52, one: 67, n: 82, up: 103 });
/** The GRU's [r⊙h_{t−1}, x_t] line below its [h_{t−1}, x_t] line. */
const GRU_R_LINE = 34;

/**
 * The GRU after colah's figure, in the frameworks' convention: the top line is h_{t−1}; z keeps
 * (× on the top line), 1 − z admits the candidate n; r multiplies what the candidate sees.
 */
export function gru(o: LayoutOptions): CellLayout {
  const b = bands(o);
  const B = new Builder(o, b);
  const C = GRU_COL;
  const { top, mid, layer, hLine } = b;
  const hLine2 = hLine + GRU_R_LINE;

  B.node('hPrev', 'io', 'h_{t−1}', C.left, top, 'hPrev');
  B.node('h', 'io', 'h_t', C.right, top, 'h');
  B.node('jh', 'junction', '', C.jh, top, 'hPrev');
  B.node('jr', 'junction', '', C.jr, top, 'hPrev');
  B.node('mulZ', 'pointwise', '×', C.z, top, 'kept');
  B.node('add', 'pointwise', '+', C.n, top, 'h');
  B.edge('hPrev', 'jh', 'hPrev', [
    [C.left + IO.w / 2, top],
    [C.jh, top],
  ]);
  B.edge('jh', 'jr', 'hPrev', [
    [C.jh, top],
    [C.jr, top],
  ]);
  B.edge('jr', 'mulZ', 'hPrev', [
    [C.jr, top],
    [C.z - OP / 2, top],
  ]);
  B.edge('mulZ', 'add', 'kept', [
    [C.z + OP / 2, top],
    [C.n - OP / 2, top],
  ]);
  B.edge('add', 'hFork', 'h', [
    [C.n + OP / 2, top],
    [C.up, top],
  ]);
  B.edge('hFork', 'h', 'h', [
    [C.up, top],
    [C.right - IO.w / 2, top],
  ]);
  B.upOut(C.up, top);

  B.node('concat', 'junction', '', C.concat, hLine, 'hx');
  B.node('concatR', 'junction', '', C.concat, hLine2, 'rh');
  B.edge('jh', 'concat', 'hPrev', [
    [C.jh, top],
    [C.jh, hLine],
    [C.concat - DOT / 2, hLine],
  ]);
  B.node('mulR', 'pointwise', '×', C.jr, mid, 'rh');
  B.edge('jr', 'mulR', 'hPrev', [
    [C.jr, top],
    [C.jr, mid - OP / 2],
  ]);
  B.edge('mulR', 'concatR', 'rh', [
    [C.jr, mid + OP / 2],
    [C.jr, hLine2],
    [C.concat - DOT / 2, hLine2],
  ]);
  B.edge('concatR', 'concat', 'x', [
    [C.concat, hLine2 - DOT / 2],
    [C.concat, hLine + DOT / 2],
  ]);

  B.node('layerR', 'layer', 'σ', C.r, layer, 'r');
  B.node('layerZ', 'layer', 'σ', C.z, layer, 'z');
  B.node('layerN', 'layer', 'tanh', C.n, layer, 'n');
  for (const [id, x] of [
    ['layerR', C.r],
    ['layerZ', C.z],
  ] as const) {
    B.edge('concat', id, 'hx', [
      [C.concat + DOT / 2, hLine],
      [x, hLine],
      [x, layer + LAYER.h / 2],
    ]);
  }
  B.edge('concatR', 'layerN', 'rh', [
    [C.concat + DOT / 2, hLine2],
    [C.n, hLine2],
    [C.n, layer + LAYER.h / 2],
  ]);
  B.edge('layerR', 'mulR', 'r', [
    [C.r, layer - LAYER.h / 2],
    [C.r, mid],
    [C.jr + OP / 2, mid],
  ]);

  B.node('forkZ', 'junction', '', C.z, mid, 'z');
  B.node('oneMinus', 'pointwise', '1−', C.one, mid, 'oneMinusZ', ONE_MINUS);
  B.node('mulN', 'pointwise', '×', C.n, mid, 'written');
  B.edge('layerZ', 'forkZ', 'z', [
    [C.z, layer - LAYER.h / 2],
    [C.z, mid],
  ]);
  B.edge('forkZ', 'mulZ', 'z', [
    [C.z, mid],
    [C.z, top + OP / 2],
  ]);
  B.edge('forkZ', 'oneMinus', 'z', [
    [C.z, mid],
    [C.one - ONE_MINUS.w / 2, mid],
  ]);
  B.edge('oneMinus', 'mulN', 'oneMinusZ', [
    [C.one + ONE_MINUS.w / 2, mid],
    [C.n - OP / 2, mid],
  ]);
  B.edge('layerN', 'mulN', 'n', [
    [C.n, layer - LAYER.h / 2],
    [C.n, mid + OP / 2],
  ]);
  B.edge('mulN', 'add', 'written', [
    [C.n, mid - OP / 2],
    [C.n, top + OP / 2],
  ]);

  B.column('hPrev', 'h_{t−1}', C.left, HEADER, 'centre');
  B.column('kept', 'z⊙h_{t−1}', HEAD_COL.kept, HEADER, 'centre');
  B.column('written', '(1−z)⊙n', HEAD_COL.written, HEADER, 'centre');
  B.column('h', 'h_t', C.right, HEADER, 'centre');
  headerGlyphs(B, 'z_t');
  B.column('z', 'z_t', C.z, b.bandA, 'right');
  B.column('r', 'r_t', C.r, b.bandB, 'right');
  B.column('n', 'n_t', C.n, b.bandB, 'right');
  B.column('oneMinusZ', '1−z_t', C.one, b.bandB, 'right');

  const frameBottom = hLine2 + FRAME_PAD.bottom;
  B.input(C.concat, frameBottom, 'concatR', hLine2);
  return B.finish('gru', frameBottom, true);
}
