/**
 * The building blocks of the cell diagrams (cellLayout.ts lays out each kind with them): the
 * sizes and columns, the vertical bands, and the Builder that collects nodes, edges and strips.
 */
import { line } from 'd3-shape';
import type { Coupling } from '../engine';
import type { CellLayout, DiagramEdge, DiagramNode, DiagramVector, Glyph, LegendKey, NodeKind, SwatchStrip } from './layoutTypes';

export const SWATCH_W = 62;
export const ROW_H = 22;
export const COLLAPSED_H = 10;
/** Most units drawn with numbers; the rest collapse into a thin strip. */
export const MAX_ROWS = 8;
export const WIDTH = 1200;
export const HEADER = 48;
export const LAYER = { w: 64, h: 36 };
export const OP = 32;
export const IO = { w: 60, h: 30 };
export const DOT = 8;
export const FRAME_X = 110;
export const FRAME_W = 980;
/** The header's equation row: C_{t−1} × f → kept + written = C_t, with the bars before "=". */
export const HEAD_COL = { kept: 380, written: 600, eq: 1085 };
export const BARS = { x: 670, w: 390 };
/** Room between the header and the frame for the h_t that leaves up. */
export const UP_ROOM = 48;
/** Half the break in a line that crosses another without joining it. */
export const CROSS_GAP = 9;

export interface LayoutOptions {
  /** Units drawn as numbered swatches (≤ MAX_ROWS). */
  rows: number;
  /** True when some units are hidden in a thin collapsed strip. */
  collapsed: boolean;
  /** Input swatches drawn in the x_t row. */
  inputRows: number;
  coupling?: Coupling;
}

export const pathOf = line();

export interface Bands {
  S: number;
  top: number;
  bandA: number;
  mid: number;
  bandB: number;
  layer: number;
  hLine: number;
}

export function bands(o: LayoutOptions): Bands {
  const S = o.rows * ROW_H + (o.collapsed ? COLLAPSED_H + 4 : 0);
  const top = HEADER + S + 40 + UP_ROOM;
  // Band A starts below the tanh(C_t) op that hangs off the belt, with room for a strip label.
  const mid = top + S + 86;
  const layer = mid + 32 + S + 30;
  return { S, top, bandA: top + 64, mid, bandB: mid + 32, layer, hLine: layer + 60 };
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

  /** h_t's second exit: a fork at (x, y) on its line, and a line up to a pill above the frame. */
  upOut(x: number, y: number, crossAt?: number): void {
    const pillY = this.b.top - 30 - 28;
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
    const left = align === 'centre' ? x - SWATCH_W / 2 : align === 'right' ? x + 8 : x - 8 - SWATCH_W;
    this.strips.push({
      vector,
      orientation: 'column',
      x: left,
      y,
      cellW: SWATCH_W,
      cellH: ROW_H,
      count: this.o.rows,
      collapsed: this.o.collapsed,
      labelX: left + SWATCH_W / 2,
      labelY: y - 8,
      symbol,
    });
  }

  finish(kind: string, frameBottom: number, beltBand: boolean, size: { width: number; frameX: number; frameW: number } = { width: WIDTH, frameX: FRAME_X, frameW: FRAME_W }): CellLayout {
    const legend: LegendKey[] = ['layer', 'pointwise', 'line', 'merge', 'fork'];
    const frameTop = this.b.top - 30;
    return {
      kind,
      width: size.width,
      height: frameBottom + 56, // the x_t pill ends 51 below the frame
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
    const y = frameBottom + 36;
    this.node('x', 'io', 'x_t', xAt, y, 'x');
    this.edge('x', to, 'x', [
      [xAt, y - IO.h / 2],
      [xAt, toY + DOT / 2],
    ]);
    const left = xAt + IO.w / 2 + 16;
    this.strips.push({
      vector: 'x',
      orientation: 'row',
      x: left,
      y: y - ROW_H / 2,
      cellW: SWATCH_W,
      cellH: ROW_H,
      count: this.o.inputRows,
      collapsed: false,
      labelX: left + this.o.inputRows * SWATCH_W + 30,
      labelY: y + 5,
      symbol: 'x_t',
    });
  }
}

/** A vertical polyline's path with a break of ±CROSS_GAP around y = at. */
export function brokenAt(points: ReadonlyArray<readonly [number, number]>, at: number): string {
  const [x0, y0] = points[0]!;
  const [x1, y1] = points[points.length - 1]!;
  if (x0 !== x1 || points.length !== 2) throw new Error('brokenAt: only straight vertical edges');
  const dir = Math.sign(y1 - y0);
  return `M${x0},${y0}L${x0},${at - dir * CROSS_GAP}M${x0},${at + dir * CROSS_GAP}L${x1},${y1}`;
}

export function headerGlyphs(B: Builder, gate: string): void {
  const y = HEADER + B.b.S / 2 + 6;
  B.glyphs.push({ x: (50 + HEAD_COL.kept) / 2, y, text: `× ${gate} →` });
  B.glyphs.push({ x: (HEAD_COL.kept + HEAD_COL.written) / 2, y, text: '+' });
  B.glyphs.push({ x: HEAD_COL.eq, y, text: '=' });
}
