/**
 * The building blocks of the cell diagrams (cellLayout.ts lays out each kind with them): the
 * sizes and columns, the vertical bands, and the Builder that collects nodes, edges and strips.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Coupling, SlstmForget, StateActivation } from '../engine';
import type { CellLayout, DiagramEdge, DiagramNode, DiagramVector, Glyph, LegendKey, NodeKind, SwatchStrip } from './layoutTypes';

const SWATCH_W = 62;
const ROW_H = 22;
/**
 * Presenting to a room (`large`): fewer rows, each swatch wider and taller, so that its number
 * can be set larger (diagram.css) and still fit, three decimals and a sign (≈ 0.6 em a digit).
 */
const LARGE_SWATCH = { w: 90, h: 32 };
const swatchW = (o: LayoutOptions) => (o.large ? LARGE_SWATCH.w : SWATCH_W);
const rowH = (o: LayoutOptions) => (o.large ? LARGE_SWATCH.h : ROW_H);
export const COLLAPSED_H = 10;
/** Room between a column's numbered swatches and the collapsed strip under them. */
const COLLAPSED_GAP = 4;
/** Most units drawn with numbers; the rest collapse into a thin strip. */
export const MAX_ROWS = 8;
export const WIDTH = 1200;
export const HEADER = 48;
export const LAYER = { w: 64, h: 36 };
export const OP = 32;
export const IO = { w: 60, h: 30 };
export const DOT = 8;
/** The frame's left edge; it is centred, so its width is what the viewBox leaves. */
export const FRAME_X = 110;
const FRAME_W = WIDTH - 2 * FRAME_X;
/** The frame's padding: from its top edge down to the belt, and from the lowest line down to its bottom edge. */
export const FRAME_PAD = { top: 30, bottom: 30 };
/** Grid steps across the standard viewBox: a column slot is a whole (or half) step. */
export const GRID_STEPS = 120;

/**
 * Columns are named slots on a grid, not pixel offsets: each kind lists where its columns sit
 * in grid steps, and one linear scale (steps → viewBox x) places them all. A narrower or wider
 * viewBox over the same steps re-spaces every column together (the RNN's narrower viewBox has
 * fewer steps of the same size instead), and x is rounded to whole units so lines stay crisp.
 */
export function columns<K extends string>(slots: Readonly<Record<K, number>>, steps = GRID_STEPS, width = WIDTH): Record<K, number> {
  const x = scaleLinear().domain([0, steps]).rangeRound([0, width]);
  const out = {} as Record<K, number>;
  for (const k of Object.keys(slots) as K[]) out[k] = x(slots[k]);
  return out;
}

/** The pills at the cell's two ends (C_{t−1}, h_{t−1} in; C_t, h_t out), with their header columns, in grid steps. */
export const END_SLOTS = { left: 5, right: 114 } as const;
const END_COL = columns(END_SLOTS);
/** The header's equation row: C_{t−1} × f → kept + written = C_t, with the bars before "=". */
export const HEAD_COL = columns({ kept: 38, written: 60, eq: 108.5 });
const BARS = { x: 670, w: 390 };
/** Room between the header and the frame for the h_t that leaves up. */
const UP_ROOM = 48;
/** Gap under the header's swatches, above UP_ROOM. */
const HEADER_GAP = 10;
/** The h_t pill's centre above the frame's top edge. */
const UP_PILL = 28;
/** The x_t pill's centre below the frame's bottom edge. */
const INPUT_PILL = 36;
/** The viewBox's margin below the x_t pill. */
const BOTTOM_MARGIN = 5;
/** Gap between a swatch column and the line it hangs beside. */
const SWATCH_GAP = 8;
/** A strip's label baseline above the strip. */
const LABEL_RISE = 8;
/** Room above a strip for its label, between it and the op above. */
const LABEL_ROOM = 24;
/** Gap between the x_t pill and its row of swatches. */
const INPUT_STRIP_GAP = 16;
/** Gap between the x_t row's last swatch and its label. */
const INPUT_LABEL_GAP = 30;
/** How far a text's baseline sits below the centre of the row it labels (x_t's label; the header's glyphs). */
const TEXT_DROP = { label: 5, glyph: 6 };
/** The tanh(C_t) op that hangs off the belt: its centre below the belt, and its size. */
export const TANH_C = { dy: 26, w: 56, h: 28 };
/** The 1− op (a coupled cell's second gate, the GRU's 1 − z). */
export const ONE_MINUS = { w: 46, h: 28 };
/** The bands below band A, each from the one above (a band's top or a row's centre, S = one swatch column). */
const BAND_GAP = {
  /** The mid row's centre below band A's last swatch. */
  mid: 22,
  /** Band B's top below the mid row's centre. */
  bandB: 32,
  /** The layers' centre below band B's last swatch. */
  layer: 30,
  /** The [h_{t−1}, x_t] line below the layers' centre. */
  hLine: 60,
};
/** Half the break in a line that crosses another without joining it. */
const CROSS_GAP = 9;

export interface LayoutOptions {
  /** Units drawn as numbered swatches (≤ MAX_ROWS). */
  rows: number;
  /** True when some units are hidden in a thin collapsed strip. */
  collapsed: boolean;
  /** Input swatches drawn in the x_t row. */
  inputRows: number;
  coupling?: Coupling;
  /** The state's nonlinearity, which names the RNN's layer (tanh or relu). */
  activation?: StateActivation;
  /** The sLSTM's forget gate, which names its layer (exp or σ). */
  forget?: SlstmForget;
  /** Larger swatches, for a figure presented to a room (LARGE_SWATCH). */
  large?: boolean;
}

const pathOf = line();

export interface Bands {
  S: number;
  top: number;
  bandA: number;
  mid: number;
  bandB: number;
  layer: number;
  hLine: number;
}

/** The height of one swatch column, its collapsed strip included. */
export function swatchHeight(o: LayoutOptions): number {
  return o.rows * rowH(o) + (o.collapsed ? COLLAPSED_H + COLLAPSED_GAP : 0);
}

export function bands(o: LayoutOptions): Bands {
  const S = swatchHeight(o);
  const top = HEADER + S + HEADER_GAP + UP_ROOM + FRAME_PAD.top;
  // Band A starts below the tanh(C_t) op that hangs off the belt, with room for a strip label.
  const bandA = top + TANH_C.dy + TANH_C.h / 2 + LABEL_ROOM;
  const mid = bandA + S + BAND_GAP.mid;
  const bandB = mid + BAND_GAP.bandB;
  const layer = bandB + S + BAND_GAP.layer;
  return { S, top, bandA, mid, bandB, layer, hLine: layer + BAND_GAP.hLine };
}

/** Collects nodes, edges and strips, and finishes the layout with the frame and viewBox. */
export class Builder {
  readonly nodes: DiagramNode[] = [];
  readonly edges: DiagramEdge[] = [];
  readonly strips: SwatchStrip[] = [];
  readonly glyphs: Glyph[] = [];
  constructor(
    readonly o: LayoutOptions,
    readonly b: Bands,
  ) {}

  node(id: string, kind: NodeKind, label: string, x: number, y: number, vector: DiagramVector | null, size?: { w: number; h: number }): void {
    const s = size ?? (kind === 'layer' ? LAYER : kind === 'pointwise' ? { w: OP, h: OP } : kind === 'io' ? IO : { w: DOT, h: DOT });
    this.nodes.push({ id, kind, label, x, y, w: s.w, h: s.h, vector });
  }

  /**
   * `crossAt`: the y where this (vertical) edge crosses a line it does not join; the path is
   * broken there, as colah draws h_t crossing the belt.
   */
  edge(from: string, to: string, vector: DiagramVector, points: Array<[number, number]>, extra: { belt?: boolean; peephole?: boolean; crossAt?: number } = {}): void {
    const d = extra.crossAt === undefined ? (pathOf(points) ?? '') : brokenAt(points, extra.crossAt);
    this.edges.push({
      id: `${from}->${to}`,
      from,
      to,
      vector,
      belt: extra.belt ?? false,
      peephole: extra.peephole ?? false,
      points,
      d,
    });
  }

  /** The frame's top edge, above the belt. */
  frameTop(): number {
    return this.b.top - FRAME_PAD.top;
  }

  /** h_t's second exit: a fork at (x, y) on its line, and a line up to a pill above the frame. */
  upOut(x: number, y: number, crossAt?: number): void {
    const pillY = this.frameTop() - UP_PILL;
    this.node('hFork', 'junction', '', x, y, 'h');
    this.node('hUp', 'io', 'h_t', x, pillY, 'h');
    this.edge(
      'hFork',
      'hUp',
      'h',
      [
        [x, y],
        [x, pillY + IO.h / 2],
      ],
      crossAt === undefined ? {} : { crossAt },
    );
  }

  /** A column of swatches; `side` says which side of the line at x it hangs on. */
  column(vector: DiagramVector, symbol: string, x: number, y: number, align: 'left' | 'right' | 'centre'): void {
    const w = swatchW(this.o);
    const left = align === 'centre' ? x - w / 2 : align === 'right' ? x + SWATCH_GAP : x - SWATCH_GAP - w;
    this.strips.push({
      vector,
      orientation: 'column',
      x: left,
      y,
      cellW: w,
      cellH: rowH(this.o),
      count: this.o.rows,
      collapsed: this.o.collapsed,
      labelX: left + w / 2,
      labelY: y - LABEL_RISE,
      symbol,
    });
  }

  finish(kind: string, frameBottom: number, beltBand: boolean, size: { width: number; frameX: number; frameW: number } = { width: WIDTH, frameX: FRAME_X, frameW: FRAME_W }): CellLayout {
    const legend: LegendKey[] = ['layer', 'pointwise', 'line', 'merge', 'fork'];
    const frameTop = this.frameTop();
    return {
      kind,
      width: size.width,
      height: frameBottom + INPUT_PILL + IO.h / 2 + BOTTOM_MARGIN,
      frame: { x: size.frameX, y: frameTop, w: size.frameW, h: frameBottom - frameTop },
      nodes: this.nodes,
      edges: this.edges,
      strips: this.strips,
      glyphs: this.glyphs,
      legend,
      beltBand: beltBand ? { y: HEADER, h: this.b.S } : null,
      beltBars: beltBand ? { x: BARS.x, w: BARS.w, y: HEADER } : null,
    };
  }

  /** x_t enters from below; its swatches are a row beside it. */
  input(xAt: number, frameBottom: number, to: string, toY: number): void {
    const y = frameBottom + INPUT_PILL;
    this.node('x', 'io', 'x_t', xAt, y, 'x');
    this.edge('x', to, 'x', [
      [xAt, y - IO.h / 2],
      [xAt, toY + DOT / 2],
    ]);
    const left = xAt + IO.w / 2 + INPUT_STRIP_GAP;
    const [w, h] = [swatchW(this.o), rowH(this.o)];
    this.strips.push({
      vector: 'x',
      orientation: 'row',
      x: left,
      y: y - h / 2,
      cellW: w,
      cellH: h,
      count: this.o.inputRows,
      collapsed: false,
      labelX: left + this.o.inputRows * w + INPUT_LABEL_GAP,
      labelY: y + TEXT_DROP.label,
      symbol: 'x_t',
    });
  }
}

/** A vertical polyline's path with a break of ±CROSS_GAP around y = at. */
function brokenAt(points: ReadonlyArray<readonly [number, number]>, at: number): string {
  const [x0, y0] = points[0]!;
  const [x1, y1] = points[points.length - 1]!;
  if (x0 !== x1 || points.length !== 2) throw new Error('brokenAt: only straight vertical edges');
  const dir = Math.sign(y1 - y0);
  return `M${x0},${y0}L${x0},${at - dir * CROSS_GAP}M${x0},${at + dir * CROSS_GAP}L${x1},${y1}`;
}

export function headerGlyphs(B: Builder, gate: string): void {
  const y = HEADER + B.b.S / 2 + TEXT_DROP.glyph;
  B.glyphs.push({ x: (END_COL.left + HEAD_COL.kept) / 2, y, text: `× ${gate} →` });
  B.glyphs.push({ x: (HEAD_COL.kept + HEAD_COL.written) / 2, y, text: '+' });
  B.glyphs.push({ x: HEAD_COL.eq, y, text: '=' });
}
