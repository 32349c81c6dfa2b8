/**
 * mLSTM's diagram: the matrix memory C runs along the top as the belt (C_{t−1} × f′ → + the
 * written pair i′ v kᵀ → C_t), and is read where colah's LSTM takes tanh(C_t): C_t q_t divided by
 * the denominator max(|n_tᵀq_t|, e^{−m_t}), then scaled by o_t into h_t. Every layer reads x_t
 * alone, as in the paper: there is no h_{t−1} pill, since nothing in the step reads it.
 *
 * The belt carries a matrix, not a vector of units, so its swatches (and the header's equation)
 * show it as q_t reads it: C_t q_t per unit, split into the kept f′ C_{t−1} q_t and the written
 * i′ v_t (k_t · q_t). The matrix itself is drawn as a heatmap by the memory panel under the figure.
 */
import { DOT, END_SLOTS, FRAME_PAD, HEAD_COL, HEADER, IO, LAYER, OP, TANH_C, bands, Builder, columns, headerGlyphs } from '../cellLayoutBuilder';
import type { LayoutOptions } from '../cellLayoutBuilder';
import type { CellLayout } from '../layoutTypes';
import { LINEAR } from './min-layout';

/** Columns in grid steps: x_t's entry, the gates f and i, k, the written pair under +, v, q, o, the read, h_t's exit up. */
const COL = columns({ ...END_SLOTS, xin: 9, f: 16, i: 26, k: 36, add: 44, v: 52, q: 64, o: 76, read: 88, up: 103 });
/** The read node "C_t q / d": where the LSTM hangs tanh(C_t) off the belt, wider for its label. */
const READ = { w: 104, h: TANH_C.h };
/** The outer product v kᵀ, between the k and v lines it joins. */
const OUTER = { w: 64, h: 28 };
/** h_t's swatch column ends this far above its pill (as the LSTM's). */
const PILL_COL_GAP = 26;

export function mlstm(o: LayoutOptions): CellLayout {
  const b = bands(o);
  const B = new Builder(o, b);
  const C = COL;
  const { top, mid, layer, hLine, bandB, S } = b;

  // The belt: the memory C, kept by f′ and written by i′ v kᵀ.
  B.node('cPrev', 'io', 'C_{t−1}', C.left, top, 'cPrev');
  B.node('c', 'io', 'C_t', C.right, top, 'c');
  B.node('mulF', 'pointwise', '×', C.f, top, 'kept');
  B.node('add', 'pointwise', '+', C.add, top, 'c');
  B.node('tap', 'junction', '', C.read, top, 'c');
  const belt = (from: string, to: string, v: 'cPrev' | 'kept' | 'c', x0: number, x1: number) =>
    B.edge(
      from,
      to,
      v,
      [
        [x0, top],
        [x1, top],
      ],
      { belt: true },
    );
  belt('cPrev', 'mulF', 'cPrev', C.left + IO.w / 2, C.f - OP / 2);
  belt('mulF', 'add', 'kept', C.f + OP / 2, C.add - OP / 2);
  belt('add', 'tap', 'c', C.add + OP / 2, C.read);
  belt('tap', 'c', 'c', C.read, C.right - IO.w / 2);

  // The layers, each reading x_t alone from the line along the bottom.
  B.node('layerF', 'layer', 'σ', C.f, layer, 'f');
  B.node('layerI', 'layer', 'exp', C.i, layer, 'i');
  B.node('layerK', 'layer', 'Wx+b', C.k, layer, 'k', LINEAR);
  B.node('layerV', 'layer', 'Wx+b', C.v, layer, 'v', LINEAR);
  B.node('layerQ', 'layer', 'Wx+b', C.q, layer, 'q', LINEAR);
  B.node('layerO', 'layer', 'σ', C.o, layer, 'o');
  B.node('xJoin', 'junction', '', C.xin, hLine, 'x');
  for (const [id, x] of [
    ['layerF', C.f],
    ['layerI', C.i],
    ['layerK', C.k],
    ['layerV', C.v],
    ['layerQ', C.q],
    ['layerO', C.o],
  ] as const) {
    B.edge('xJoin', id, 'x', [
      [C.xin + DOT / 2, hLine],
      [x, hLine],
      [x, layer + LAYER.h / 2],
    ]);
  }

  // f′ climbs to the belt's ×; i′ turns right at the mid row into the write's ×.
  B.edge('layerF', 'mulF', 'f', [
    [C.f, layer - LAYER.h / 2],
    [C.f, top + OP / 2],
  ]);
  B.node('mulI', 'pointwise', '×', C.add, mid, 'written');
  B.edge('layerI', 'mulI', 'i', [
    [C.i, layer - LAYER.h / 2],
    [C.i, mid],
    [C.add - OP / 2, mid],
  ]);
  // k and v meet in their outer product, half-way up band B, which climbs into the write.
  const outerY = bandB + S / 2;
  B.node('outer', 'pointwise', 'v kᵀ', C.add, outerY, 'vk', OUTER);
  B.edge('layerK', 'outer', 'k', [
    [C.k, layer - LAYER.h / 2],
    [C.k, outerY],
    [C.add - OUTER.w / 2, outerY],
  ]);
  B.edge('layerV', 'outer', 'v', [
    [C.v, layer - LAYER.h / 2],
    [C.v, outerY],
    [C.add + OUTER.w / 2, outerY],
  ]);
  B.edge('outer', 'mulI', 'vk', [
    [C.add, outerY - OUTER.h / 2],
    [C.add, mid + OP / 2],
  ]);
  B.edge('mulI', 'add', 'written', [
    [C.add, mid - OP / 2],
    [C.add, top + OP / 2],
  ]);

  // The read: C_t q_t over the denominator, then o_t.
  const readY = top + TANH_C.dy;
  B.node('read', 'pointwise', 'C_t q / d', C.read, readY, 'hTilde', READ);
  B.edge('tap', 'read', 'c', [
    [C.read, top],
    [C.read, readY - READ.h / 2],
  ]);
  B.edge('layerQ', 'read', 'q', [
    [C.q, layer - LAYER.h / 2],
    [C.q, readY],
    [C.read - READ.w / 2, readY],
  ]);
  B.node('mulO', 'pointwise', '×', C.read, mid, 'h');
  B.edge('read', 'mulO', 'hTilde', [
    [C.read, readY + READ.h / 2],
    [C.read, mid - OP / 2],
  ]);
  B.edge('layerO', 'mulO', 'o', [
    [C.o, layer - LAYER.h / 2],
    [C.o, mid],
    [C.read - OP / 2, mid],
  ]);
  B.node('h', 'io', 'h_t', C.right, hLine, 'h');
  B.edge('mulO', 'hFork', 'h', [
    [C.read, mid + OP / 2],
    [C.read, hLine],
    [C.up, hLine],
  ]);
  B.edge('hFork', 'h', 'h', [
    [C.up, hLine],
    [C.right - IO.w / 2, hLine],
  ]);
  B.upOut(C.up, hLine, top);

  // Swatch columns. Header: the memory as q_t reads it, C_{t−1}q × f′ → kept + written = C_t q.
  const ends = columns(END_SLOTS);
  B.column('cPrev', 'C_{t−1}q_t', ends.left, HEADER, 'centre');
  B.column('kept', 'f′C_{t−1}q_t', HEAD_COL.kept, HEADER, 'centre');
  B.column('written', 'i′v(kᵀq)', HEAD_COL.written, HEADER, 'centre');
  B.column('c', 'C_t q_t', ends.right, HEADER, 'centre');
  headerGlyphs(B, 'f′_t');
  B.column('k', 'k_t', C.k, bandB, 'left');
  B.column('v', 'v_t', C.v, bandB, 'right');
  B.column('q', 'q_t', C.q, bandB, 'right');
  B.column('o', 'o_t', C.o, bandB, 'right');
  B.column('hTilde', 'h̃_t', C.read, b.bandA, 'right');
  B.column('h', 'h_t', C.right, hLine - PILL_COL_GAP - S, 'centre');

  const frameBottom = hLine + FRAME_PAD.bottom;
  B.input(C.xin, frameBottom, 'xJoin', hLine);
  return B.finish('mlstm', frameBottom, true);
}
