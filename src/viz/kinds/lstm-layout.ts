/** The LSTM family's diagram (LSTM, peephole, coupled), after colah's figure: see cellLayout.ts for the bands. */
import type { CellLayout } from '../layoutTypes';
import { HEADER, LAYER, OP, IO, DOT, HEAD_COL, FRAME_PAD, TANH_C, ONE_MINUS, END_SLOTS, bands, Builder, columns, headerGlyphs } from '../cellLayoutBuilder';
import type { LayoutOptions } from '../cellLayoutBuilder';

/**
 * The LSTM family's columns in grid steps, left to right: the concat, the peephole taps (C_{t−1}
 * before ×f, the new C_t after +), the four layers (σf under ×f, C̃ under +), the belt's tap for
 * tanh(C_t), and h_t's exit up.
 */
const LSTM_COL = columns({ ...END_SLOTS, concat: 13, peepIn: 16, f: 22, i: 37, g: 52, peepOut: 62, o: 72, out: 88, up: 103 });

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

export function lstmFamily(kind: 'lstm' | 'peephole' | 'coupled', o: LayoutOptions): CellLayout {
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
