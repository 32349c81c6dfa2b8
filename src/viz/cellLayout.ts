/**
 * Pure geometry of the cell diagrams, after colah's figures: the cell state (or the GRU's hidden
 * state) runs straight along the top, the layers sit in a row near the bottom reading
 * [h_{t−1}, x_t] from a line below them, and each layer's output climbs to the pointwise op it
 * drives. Vectors are drawn as columns of unit swatches beside the lines that carry them.
 *
 * Vertical bands, top to bottom (S = height of one swatch column):
 *   header (belt columns: C_{t−1}, kept, written, C_t) | the h_t pill above the frame | belt |
 *   band A | mid row (×i, ×o, 1−z) | band B | layers | the [h_{t−1}, x_t] line | x_t.
 * As in colah's figures, h_t leaves twice: right, to the next step, and up through the top of
 * the cell, as the step's output (an LSTM's crosses the belt without joining it).
 * Strips live in band A or B beside a vertical line, so no strip crosses a line.
 */
import type { CellKind } from '../engine';
import type { CellLayout } from './layoutTypes';
import { HEADER, LAYER, OP, IO, DOT, HEAD_COL, END_COL, FRAME_X, FRAME_PAD, TANH_C, ONE_MINUS, bands, swatchHeight, Builder, headerGlyphs } from './cellLayoutBuilder';
import type { LayoutOptions, Bands } from './cellLayoutBuilder';

// What the components and tests read from here (the sizes live with the builder).
export { COLLAPSED_H, MAX_ROWS, ROW_H, SWATCH_W, WIDTH } from './cellLayoutBuilder';
export type { LayoutOptions } from './cellLayoutBuilder';

const LSTM_COL = { ...END_COL, f: 220, i: 370, g: 520, o: 720, out: 880, up: 1030, peepIn: 160, peepOut: 620, concat: 130 };

/** The coupled cell's 1− branch: it forks off the gate's line above the layers, steps aside and drops into the 1− op. */
const COUPLED = {
  /** The fork's row above the layers' centre. */
  fork: 44,
  /** The branch's column beside the gate's (towards the 1− op). */
  detour: 76,
};

/** The peephole into σi: it runs under σf, then turns up beside σi and enters it from the left. */
const PEEP_I = {
  /** Its row below the layers' centre. */
  under: 30,
  /** Its climbing column left of i's. */
  aside: 70,
};

/** The h_{t−1} and h_t columns' bottom above their pills' centre. */
const PILL_COL_GAP = 26;

function lstmFamily(kind: 'lstm' | 'peephole' | 'coupled', o: LayoutOptions): CellLayout {
  const b = bands(o);
  const B = new Builder(o, b);
  const C = LSTM_COL;
  const { top, mid, layer, hLine } = b;
  const peep = kind === 'peephole';
  const coupling = kind === 'coupled' ? (o.coupling ?? 'i=1-f') : null;

  // The belt and its ends.
  B.node('cPrev', 'io', 'C_{t−1}', C.left, top, 'cPrev');
  B.node('c', 'io', 'C_t', C.right, top, 'c');
  B.node('mulF', 'pointwise', '×', C.f, top, 'kept');
  B.node('add', 'pointwise', '+', C.g, top, 'c');
  B.node('tap', 'junction', '', C.out, top, 'c');
  const beltStart = peep ? 'peepIn' : 'mulF';
  if (peep) {
    B.node('peepIn', 'junction', '', C.peepIn, top, 'cPrev');
    B.node('peepOut', 'junction', '', C.peepOut, top, 'c');
    B.edge(
      'peepIn',
      'mulF',
      'cPrev',
      [
        [C.peepIn, top],
        [C.f - OP / 2, top],
      ],
      { belt: true },
    );
    B.edge(
      'add',
      'peepOut',
      'c',
      [
        [C.g + OP / 2, top],
        [C.peepOut, top],
      ],
      { belt: true },
    );
    B.edge(
      'peepOut',
      'tap',
      'c',
      [
        [C.peepOut, top],
        [C.out, top],
      ],
      { belt: true },
    );
  } else {
    B.edge(
      'add',
      'tap',
      'c',
      [
        [C.g + OP / 2, top],
        [C.out, top],
      ],
      { belt: true },
    );
  }
  B.edge(
    'cPrev',
    beltStart,
    'cPrev',
    [
      [C.left + IO.w / 2, top],
      [peep ? C.peepIn : C.f - OP / 2, top],
    ],
    { belt: true },
  );
  B.edge(
    'mulF',
    'add',
    'kept',
    [
      [C.f + OP / 2, top],
      [C.g - OP / 2, top],
    ],
    { belt: true },
  );
  B.edge(
    'tap',
    'c',
    'c',
    [
      [C.out, top],
      [C.right - IO.w / 2, top],
    ],
    { belt: true },
  );

  // The [h_{t−1}, x_t] line under the layers.
  B.node('hPrev', 'io', 'h_{t−1}', C.left, hLine, 'hPrev');
  B.node('concat', 'junction', '', C.concat, hLine, 'hx');
  B.edge('hPrev', 'concat', 'hPrev', [
    [C.left + IO.w / 2, hLine],
    [C.concat - DOT / 2, hLine],
  ]);
  const tapLayer = (id: string, x: number) =>
    B.edge('concat', id, 'hx', [
      [C.concat + DOT / 2, hLine],
      [x, hLine],
      [x, layer + LAYER.h / 2],
    ]);

  // Gates. A coupled cell has one gate layer; a 1− op stands where the other layer would be.
  const fIsLayer = coupling !== 'f=1-i';
  const iIsLayer = coupling !== 'i=1-f';
  if (fIsLayer) {
    B.node('layerF', 'layer', 'σ', C.f, layer, 'f');
    tapLayer('layerF', C.f);
  } else {
    B.node('oneMinus', 'pointwise', '1−', C.f, layer, 'f', ONE_MINUS);
  }
  if (iIsLayer) {
    B.node('layerI', 'layer', 'σ', C.i, layer, 'i');
    tapLayer('layerI', C.i);
  } else {
    B.node('oneMinus', 'pointwise', '1−', C.i, layer, 'i', ONE_MINUS);
  }
  const fSource = fIsLayer ? 'layerF' : 'oneMinus';
  const iSource = iIsLayer ? 'layerI' : 'oneMinus';
  const srcTop = (id: string) => layer - (id === 'oneMinus' ? ONE_MINUS.h : LAYER.h) / 2;
  const fork = layer - COUPLED.fork;
  if (coupling === 'i=1-f') {
    B.node('fork', 'junction', '', C.f, fork, 'f');
    B.edge('layerF', 'fork', 'f', [
      [C.f, srcTop('layerF')],
      [C.f, fork],
    ]);
    B.edge('fork', 'mulF', 'f', [
      [C.f, fork],
      [C.f, top + OP / 2],
    ]);
    B.edge('fork', 'oneMinus', 'f', [
      [C.f, fork],
      [C.f + COUPLED.detour, fork],
      [C.f + COUPLED.detour, layer],
      [C.i - ONE_MINUS.w / 2, layer],
    ]);
  } else {
    B.edge(fSource, 'mulF', 'f', [
      [C.f, srcTop(fSource)],
      [C.f, top + OP / 2],
    ]);
  }
  if (coupling === 'f=1-i') {
    B.node('fork', 'junction', '', C.i, fork, 'i');
    B.edge('layerI', 'fork', 'i', [
      [C.i, srcTop('layerI')],
      [C.i, fork],
    ]);
    B.edge('fork', 'mulI', 'i', [
      [C.i, fork],
      [C.i, mid],
      [C.g - OP / 2, mid],
    ]);
    B.edge('fork', 'oneMinus', 'i', [
      [C.i, fork],
      [C.i - COUPLED.detour, fork],
      [C.i - COUPLED.detour, layer],
      [C.f + ONE_MINUS.w / 2, layer],
    ]);
  } else {
    B.edge(iSource, 'mulI', 'i', [
      [C.i, srcTop(iSource)],
      [C.i, mid],
      [C.g - OP / 2, mid],
    ]);
  }
  B.node('layerG', 'layer', 'tanh', C.g, layer, 'cTilde');
  tapLayer('layerG', C.g);
  B.node('mulI', 'pointwise', '×', C.g, mid, 'written');
  B.edge('layerG', 'mulI', 'cTilde', [
    [C.g, layer - LAYER.h / 2],
    [C.g, mid + OP / 2],
  ]);
  B.edge('mulI', 'add', 'written', [
    [C.g, mid - OP / 2],
    [C.g, top + OP / 2],
  ]);

  // Output: o scales tanh(C_t) into h_t.
  B.node('layerO', 'layer', 'σ', C.o, layer, 'o');
  tapLayer('layerO', C.o);
  const tanhC = top + TANH_C.dy;
  B.node('tanhC', 'pointwise', 'tanh', C.out, tanhC, 'tanhC', TANH_C);
  B.node('mulO', 'pointwise', '×', C.out, mid, 'h');
  B.node('h', 'io', 'h_t', C.right, hLine, 'h');
  B.edge('tap', 'tanhC', 'c', [
    [C.out, top],
    [C.out, tanhC - TANH_C.h / 2],
  ]);
  B.edge('tanhC', 'mulO', 'tanhC', [
    [C.out, tanhC + TANH_C.h / 2],
    [C.out, mid - OP / 2],
  ]);
  B.edge('layerO', 'mulO', 'o', [
    [C.o, layer - LAYER.h / 2],
    [C.o, mid],
    [C.out - OP / 2, mid],
  ]);
  B.edge('mulO', 'hFork', 'h', [
    [C.out, mid + OP / 2],
    [C.out, hLine],
    [C.up, hLine],
  ]);
  B.edge('hFork', 'h', 'h', [
    [C.up, hLine],
    [C.right - IO.w / 2, hLine],
  ]);
  B.upOut(C.up, hLine, top);

  if (peep) {
    // Peepholes: f and i look at C_{t−1} (before ×f), o looks at the new C_t (after +).
    B.edge(
      'peepIn',
      'layerF',
      'cPrev',
      [
        [C.peepIn, top],
        [C.peepIn, layer],
        [C.f - LAYER.w / 2, layer],
      ],
      { peephole: true },
    );
    B.edge(
      'peepIn',
      'layerI',
      'cPrev',
      [
        [C.peepIn, top],
        [C.peepIn, layer + PEEP_I.under],
        [C.i - PEEP_I.aside, layer + PEEP_I.under],
        [C.i - PEEP_I.aside, layer],
        [C.i - LAYER.w / 2, layer],
      ],
      { peephole: true },
    );
    B.edge(
      'peepOut',
      'layerO',
      'c',
      [
        [C.peepOut, top],
        [C.peepOut, layer],
        [C.o - LAYER.w / 2, layer],
      ],
      { peephole: true },
    );
  }

  // Swatch columns. Header: the belt read as an equation, C_{t−1} × f → kept + written = C_t.
  B.column('cPrev', 'C_{t−1}', C.left, HEADER, 'centre');
  B.column('kept', 'f⊙C_{t−1}', HEAD_COL.kept, HEADER, 'centre');
  B.column('written', 'i⊙C̃_t', HEAD_COL.written, HEADER, 'centre');
  B.column('c', 'C_t', C.right, HEADER, 'centre');
  headerGlyphs(B, 'f_t');
  B.column('f', 'f_t', C.f, b.bandA, 'right');
  B.column('tanhC', 'tanh(C_t)', C.out, b.bandA, 'right');
  B.column('i', 'i_t', C.i, b.bandB, 'right');
  B.column('cTilde', 'C̃_t', C.g, b.bandB, 'right');
  B.column('o', 'o_t', C.o, b.bandB, 'left');
  B.column('hPrev', 'h_{t−1}', C.left, hLine - PILL_COL_GAP - b.S, 'centre');
  B.column('h', 'h_t', C.right, hLine - PILL_COL_GAP - b.S, 'centre');

  const frameBottom = hLine + FRAME_PAD.bottom;
  B.input(C.concat, frameBottom, 'concat', hLine);
  return B.finish(kind, frameBottom, true);
}

const GRU_COL = { ...END_COL, r: 300, z: 520, n: 820, one: 670, up: 1030, jh: 130, jr: 170, concat: 240 };
/** The GRU's [r⊙h_{t−1}, x_t] line below its [h_{t−1}, x_t] line. */
const GRU_R_LINE = 34;

/**
 * The GRU after colah's figure, in the frameworks' convention: the top line is h_{t−1}; z keeps
 * (× on the top line), 1 − z admits the candidate n; r multiplies what the candidate sees.
 */
function gru(o: LayoutOptions): CellLayout {
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

/** The RNN's own, compact viewBox: one layer needs neither the belt header nor the gate rows. */
export const RNN_WIDTH = 1000;
/** The RNN's columns: h_{t−1} in, the merge, the tanh layer, the h_t fork, h_t out. */
const RNN_COL = { left: 50, concat: 260, layer: 440, tap: 720, right: 950 };
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
function rnn(o: LayoutOptions): CellLayout {
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
  B.node('layerA', 'layer', 'tanh', X.layer, L, 'h');
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

export function cellLayout(kind: CellKind, o: LayoutOptions): CellLayout {
  switch (kind) {
    case 'rnn':
      return rnn(o);
    case 'gru':
      return gru(o);
    default:
      return lstmFamily(kind, o);
  }
}
