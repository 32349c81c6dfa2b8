/**
 * sLSTM's diagram: the LSTM's geometry (its gates read [h_{t−1}, x_t] as the LSTM's do, and c runs
 * along the top as its belt), with what differs written on it: the input gate is exp, the forget
 * gate exp or σ, the gates drawn are the stabilised i′ and f′ (each e^{… − m_t}), and h_t divides c_t
 * by the normaliser n_t where the LSTM takes tanh(C_t).
 *
 * n and m are states like c, so they get belts of their own under c's, entering and leaving the
 * cell as c does: m_{t−1} → max → m_t (m_t = max(log f_t + m_{t−1}, ĩ_t)), and n_{t−1} × f′ + i′ → n_t,
 * the same update as c's with the write z_t replaced by 1; n_t drops into the ÷ n_t. Everything
 * under the belts moves down to make room; the lines that cross a belt are broken there, as h_t is
 * where it crosses c's. Beside f′ and i′ hang the gates as they would be without m (exp(ĩ_t),
 * exp(f̃_t)), which overflow a double where the stabilised ones are at most 1.
 */
import { OP, TANH_C, IO } from '../cellLayoutBuilder';
import type { LayoutOptions } from '../cellLayoutBuilder';
import type { CellLayout, DiagramEdge, DiagramNode, DiagramVector, SwatchStrip } from '../layoutTypes';
import { lstmFamily } from './lstm-layout';

const STRIP_SYMBOL: Record<string, string> = {
  'C_{t−1}': 'c_{t−1}',
  'f⊙C_{t−1}': 'f′⊙c_{t−1}',
  'i⊙C̃_t': 'i′⊙z_t',
  C_t: 'c_t',
  f_t: 'f′_t',
  i_t: 'i′_t',
  C̃_t: 'z_t',
  'tanh(C_t)': 'c_t/n_t',
};

/** The m belt this far under c's, and the n belt as far again; everything under them moves down by DROP. */
const LANE = 46;
const DROP = 2 * LANE + 8;
/** f′ forks this far under the n belt, into n's × this far right of f′'s line. */
const F_FORK = { dy: 26, dx: 40 };
/** n_t leaves its belt this far right of the ÷ n_t, and drops into its right side. */
const N_DROP_DX = 44;
/** The max node, wider than a circle for its label. */
const MAX = { w: 56, h: 28 };
/** Half the break in a line where it crosses a belt: narrower than where h_t crosses c, so the pieces between belts stay long. */
const CROSS_GAP = 6;
/** Room between swatch columns that stand side by side, and between them and a line. */
const COL_GAP = 8;

const num = (v: number) => String(Math.round(v * 100) / 100);

/** A polyline's path, broken where a vertical segment crosses one of the belts at ys (strictly inside it). */
function pathOf(points: ReadonlyArray<readonly [number, number]>, ys: readonly number[]): string {
  let d = `M${num(points[0]![0])},${num(points[0]![1])}`;
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1]!;
    const [x1, y1] = points[k]!;
    if (x0 === x1) {
      const dir = Math.sign(y1 - y0);
      const lo = Math.min(y0, y1);
      const hi = Math.max(y0, y1);
      const cuts = ys.filter((y) => y - CROSS_GAP > lo && y + CROSS_GAP < hi).sort((a, b) => dir * (a - b));
      for (const y of cuts) d += `L${num(x0)},${num(y - dir * CROSS_GAP)}M${num(x0)},${num(y + dir * CROSS_GAP)}`;
    }
    d += `L${num(x1)},${num(y1)}`;
  }
  return d;
}

export function slstm(o: LayoutOptions): CellLayout {
  const base = lstmFamily('lstm', o);
  const at = (id: string) => base.nodes.find((n) => n.id === id)!;
  const top = at('cPrev').y;
  const [mY, nY] = [top + LANE, top + 2 * LANE];
  const below = (y: number) => y > top + 1;
  const down = (y: number) => (below(y) ? y + DROP : y);

  // Everything under the belt moves down (h_t's pill above the frame stays).
  const label: Record<string, string> = {
    cPrev: 'c_{t−1}',
    c: 'c_t',
    layerI: 'exp',
    layerF: o.forget === 'sigmoid' ? 'σ' : 'exp',
    tanhC: '÷ n_t',
  };
  const nodes: DiagramNode[] = base.nodes.map((n) => ({ ...n, y: down(n.y), label: label[n.id] ?? n.label }));
  const strips: SwatchStrip[] = base.strips.map((s) => ({
    ...s,
    y: down(s.y),
    labelY: below(s.y) ? s.labelY + DROP : s.labelY,
    symbol: STRIP_SYMBOL[s.symbol] ?? s.symbol,
  }));
  // A line's end on a node of the belt stays with the belt; the rest of it moves down.
  const onBelt = (id: string) => at(id).y === top;
  const pts = (e: DiagramEdge) =>
    e.points.map(([x, y], k) => {
      const end = (k === 0 && onBelt(e.from)) || (k === e.points.length - 1 && onBelt(e.to));
      return [x, end ? y : down(y)] as [number, number];
    });
  // f′ and i′ each feed n's update too: their lines into c's update are re-drawn with a fork.
  const edges: Array<Omit<DiagramEdge, 'd'>> = base.edges.filter((e) => e.id !== 'layerF->mulF' && e.id !== 'layerI->mulI').map((e) => ({ ...e, points: pts(e) }));

  const N = Object.fromEntries(nodes.map((n) => [n.id, n])) as Record<string, DiagramNode>;
  const [xF, xI, xAdd, xOut, xL, xR] = [N.layerF!.x, N.layerI!.x, N.add!.x, N.tanhC!.x, N.cPrev!.x, N.c!.x];
  const mid = N.mulI!.y;
  const node = (id: string, kind: DiagramNode['kind'], text: string, x: number, y: number, vector: DiagramVector, size: { w: number; h: number }) =>
    nodes.push({ id, kind, label: text, x, y, w: size.w, h: size.h, vector });
  const edge = (from: string, to: string, vector: DiagramVector, points: Array<[number, number]>, belt = false) =>
    edges.push({ id: `${from}->${to}`, from, to, vector, belt, peephole: false, points });
  /** A piece of a belt: a straight run at height y, from x0 to x1. */
  const belt = (from: string, to: string, vector: DiagramVector, x0: number, x1: number, y: number) =>
    edge(
      from,
      to,
      vector,
      [
        [x0, y],
        [x1, y],
      ],
      true,
    );
  const op = { w: OP, h: OP };
  const dot = { w: N.concat!.w, h: N.concat!.h };

  // The m belt: m_{t−1} → max(log f_t + m_{t−1}, ĩ_t) → m_t.
  node('mPrev', 'io', 'm_{t−1}', xL, mY, 'mPrev', IO);
  node('mMax', 'pointwise', 'max', xI, mY, 'm', MAX);
  node('m', 'io', 'm_t', xR, mY, 'm', IO);
  belt('mPrev', 'mMax', 'mPrev', xL + IO.w / 2, xI - MAX.w / 2, mY);
  belt('mMax', 'm', 'm', xI + MAX.w / 2, xR - IO.w / 2, mY);

  // The n belt: n_{t−1} × f′ → + i′ → n_t, which also drops into the ÷ n_t.
  const xNMul = xF + F_FORK.dx;
  const xNTap = xOut + N_DROP_DX;
  node('nPrev', 'io', 'n_{t−1}', xL, nY, 'nPrev', IO);
  node('nMul', 'pointwise', '×', xNMul, nY, 'nKept', op);
  node('nAdd', 'pointwise', '+', xI, nY, 'nState', op);
  node('nTap', 'junction', '', xNTap, nY, 'nState', dot);
  node('n', 'io', 'n_t', xR, nY, 'nState', IO);
  belt('nPrev', 'nMul', 'nPrev', xL + IO.w / 2, xNMul - OP / 2, nY);
  belt('nMul', 'nAdd', 'nKept', xNMul + OP / 2, xI - OP / 2, nY);
  belt('nAdd', 'nTap', 'nState', xI + OP / 2, xNTap, nY);
  belt('nTap', 'n', 'nState', xNTap, xR - IO.w / 2, nY);
  const tanhY = N.tanhC!.y;
  edge('nTap', 'tanhC', 'nState', [
    [xNTap, nY],
    [xNTap, tanhY],
    [xOut + TANH_C.w / 2, tanhY],
  ]);

  // f′ forks under the n belt: up to c's ×, and right into n's ×.
  const fForkY = nY + F_FORK.dy;
  const layerTop = N.layerF!.y - N.layerF!.h / 2;
  node('forkF', 'junction', '', xF, fForkY, 'f', dot);
  edge('layerF', 'forkF', 'f', [
    [xF, layerTop],
    [xF, fForkY],
  ]);
  edge('forkF', 'mulF', 'f', [
    [xF, fForkY],
    [xF, top + OP / 2],
  ]);
  edge('forkF', 'nMul', 'f', [
    [xF, fForkY],
    [xNMul, fForkY],
    [xNMul, nY + OP / 2],
  ]);
  // i′ forks where it turns towards c's write: on into the ×, and up into n's +.
  node('forkI', 'junction', '', xI, mid, 'i', dot);
  edge('layerI', 'forkI', 'i', [
    [xI, layerTop],
    [xI, mid],
  ]);
  edge('forkI', 'mulI', 'i', [
    [xI, mid],
    [xAdd - OP / 2, mid],
  ]);
  edge('forkI', 'nAdd', 'i', [
    [xI, mid],
    [xI, nY + OP / 2],
  ]);

  // Swatch columns: beside f′ and i′ (hung on the other side of their lines) the gates without m;
  // the belts' states in band A, right of c's write, where no line runs.
  const [fCol, iCol] = [strips.find((s) => s.vector === 'f')!, strips.find((s) => s.vector === 'i')!];
  const W = fCol.cellW;
  const column = (vector: DiagramVector, symbol: string, x: number, like: SwatchStrip): SwatchStrip => ({ ...like, vector, x, labelX: x + W / 2, symbol });
  const raw = o.forget === 'sigmoid' ? 'σ(f̃_t)' : 'exp(f̃_t)';
  strips.push(column('fRaw', raw, xF - COL_GAP - W, fCol), column('iRaw', 'exp(ĩ_t)', xI - COL_GAP - W, iCol));
  const all: Array<[DiagramVector, string]> = [
    ['mPrev', 'm_{t−1}'],
    ['m', 'm_t'],
    ['nPrev', 'n_{t−1}'],
    ['nState', 'n_t'],
  ];
  // Up to the tanh(c)'s column and the line beside it. With a projector's larger swatches the four
  // do not fit there: the states after the step stay (the ones before are the last step's).
  const x0 = xAdd + 2 * COL_GAP;
  const room = strips.find((s) => s.vector === 'tanhC')!.x - COL_GAP - x0;
  const states = 4 * W + 3 * COL_GAP <= room ? all : all.filter(([v]) => v === 'm' || v === 'nState');
  states.forEach(([v, s], k) => strips.push(column(v, s, x0 + k * (W + COL_GAP), fCol)));

  const glyphs = base.glyphs.map((g) => (g.text.includes('f_t') ? { ...g, text: g.text.replace('f_t', 'f′_t') } : g));
  const ys = [top, mY, nY];
  return {
    ...base,
    kind: 'slstm',
    height: base.height + DROP,
    frame: { ...base.frame, h: base.frame.h + DROP },
    nodes,
    edges: edges.map((e) => ({ ...e, d: pathOf(e.points, e.belt ? [] : ys) })),
    strips,
    glyphs,
  };
}
