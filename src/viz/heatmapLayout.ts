/**
 * Geometry of one heatmap (rows = units, columns = tokens) and the two mappings every
 * interaction goes through: cell -> rectangle (drawing, the focus outline) and pixel -> cell
 * (hover and click on the canvas, where there are no elements to hit). Pure, unit-tested.
 */
import type { StepTrace } from '../engine';
import type { MessageKey } from '../i18n';
import { figureOf } from './kinds';
import { traceVectors, type VectorRange } from './vectors';

/** Past this many marks (tokens × units × heatmaps) the heatmaps draw on canvas, not SVG. */
const CANVAS_AFTER_MARKS = 1000;
/** Up to this many tokens the cells are wide enough to print their value. */
const NUMBERS_UP_TO_TOKENS = 30;

export interface HeatmapLayout {
  readonly tokens: number;
  readonly units: number;
  readonly cellW: number;
  readonly cellH: number;
  /** Blank pixels between neighbouring cells (so single cells stay distinguishable). */
  readonly inset: number;
  readonly width: number;
  readonly height: number;
  readonly showNumbers: boolean;
}

export interface Cell {
  /** The step (column). */
  readonly t: number;
  /** The unit (row), 0-based. */
  readonly k: number;
}

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function heatmapLayout(tokens: number, units: number): HeatmapLayout {
  const showNumbers = tokens <= NUMBERS_UP_TO_TOKENS && units <= 16;
  const cellW = showNumbers ? 50 : tokens <= 80 ? 16 : 9;
  // 24 px rows keep the unit buttons at WCAG 2.5.8's minimum target size; condensed rows are
  // thinner and the panel offers a unit menu instead (HeatmapPanel).
  const cellH = showNumbers ? 24 : units <= 8 ? 14 : 10;
  const inset = cellW >= 16 ? 1 : 0;
  return { tokens, units, cellW, cellH, inset, width: tokens * cellW, height: units * cellH, showNumbers };
}

export function cellRect(L: HeatmapLayout, { t, k }: Cell): Rect {
  return { x: t * L.cellW, y: k * L.cellH, w: L.cellW - L.inset, h: L.cellH - L.inset };
}

/** The cell under a point in the heatmap's own pixels, or null outside the grid. */
export function cellAt(L: HeatmapLayout, px: number, py: number): Cell | null {
  if (!(px >= 0 && py >= 0 && px < L.width && py < L.height)) return null;
  return { t: Math.floor(px / L.cellW), k: Math.floor(py / L.cellH) };
}

/** Arrow keys, Home/End and PageUp/PageDown on the grid, clamped to it. */
export function moveCell(L: HeatmapLayout, c: Cell, key: string): Cell | null {
  const clampT = (t: number) => Math.max(0, Math.min(L.tokens - 1, t));
  const clampK = (k: number) => Math.max(0, Math.min(L.units - 1, k));
  switch (key) {
    case 'ArrowRight':
      return { t: clampT(c.t + 1), k: c.k };
    case 'ArrowLeft':
      return { t: clampT(c.t - 1), k: c.k };
    case 'ArrowDown':
      return { t: c.t, k: clampK(c.k + 1) };
    case 'ArrowUp':
      return { t: c.t, k: clampK(c.k - 1) };
    case 'Home':
      return { t: 0, k: c.k };
    case 'End':
      return { t: L.tokens - 1, k: c.k };
    case 'PageUp':
      return { t: clampT(c.t - 10), k: c.k };
    case 'PageDown':
      return { t: clampT(c.t + 10), k: c.k };
    default:
      return null;
  }
}

export function renderMode(tokens: number, units: number, heatmaps: number): 'svg' | 'canvas' {
  return tokens * units * heatmaps > CANVAS_AFTER_MARKS ? 'canvas' : 'svg';
}

/** One heatmap's data: a vector over the whole sentence, values[t][k]. */
export interface HeatmapSeries {
  readonly id: string;
  readonly symbol: string;
  readonly label: MessageKey;
  readonly range: VectorRange;
  readonly values: ReadonlyArray<ArrayLike<number>>;
}

export function heatmapSeries(traces: readonly StepTrace[]): HeatmapSeries[] {
  const first = traces[0];
  if (!first) return [];
  const perStep = traces.map((tr) => new Map(traceVectors(tr).map((v) => [v.id, v])));
  return figureOf(first.kind).heatmaps.map((id) => {
    const v = perStep[0]!.get(id)!;
    return { id, symbol: v.symbol, label: v.label, range: v.range, values: perStep.map((m) => m.get(id)!.values) };
  });
}
