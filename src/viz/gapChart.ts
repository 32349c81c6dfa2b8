/**
 * The memory task's accuracy-by-gap chart: data read from the model index (or one model's
 * report) and the chart's geometry. Pure, so the numbers drawn are testable: x is linear in the
 * gap (so 60 and 80 sit as far out as they are), y is accuracy with 0 at the bottom.
 */
import { CELL_KINDS, type CellKind } from '../engine';

export interface GapPoint {
  readonly gap: number;
  readonly accuracy: number;
}

export interface GapSeries {
  readonly kind: CellKind;
  readonly points: readonly GapPoint[];
  /** Held-out examples behind each point, when the report says. */
  readonly perGap: number | null;
  /** Longest gap seen in training, when the report says. */
  readonly maxTrainGap: number | null;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One series from a model report (`heldoutAccuracyByGap`); null if the report has none. */
export function seriesFromReport(kind: CellKind, report: unknown): GapSeries | null {
  if (!isObj(report) || !isObj(report.heldoutAccuracyByGap)) return null;
  const points = Object.entries(report.heldoutAccuracyByGap)
    .map(([g, a]) => ({ gap: Number(g), accuracy: a }))
    .filter((p): p is GapPoint => Number.isFinite(p.gap) && typeof p.accuracy === 'number' && Number.isFinite(p.accuracy))
    .sort((a, b) => a.gap - b.gap);
  if (points.length === 0) return null;
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return { kind, points, perGap: num(report.heldoutPerGap), maxTrainGap: num(report.maxTrainGap) };
}

/** Every `<task>-<kind>` model of public/models/index.json with a per-gap report, in cell-kind order. */
export function seriesFromIndex(index: unknown, task = 'memory'): GapSeries[] {
  if (!isObj(index) || !Array.isArray(index.models)) return [];
  const out: GapSeries[] = [];
  for (const kind of CELL_KINDS) {
    const entry = index.models.find((m: unknown) => isObj(m) && m.task === task && m.kind === kind);
    const s = isObj(entry) ? seriesFromReport(kind, entry.report) : null;
    if (s) out.push(s);
  }
  return out;
}

export interface GapChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly xTicks: ReadonlyArray<{ readonly gap: number; readonly x: number }>;
  readonly yTicks: ReadonlyArray<{ readonly value: number; readonly y: number }>;
  /** y of the chance level (1 / classes). */
  readonly chanceY: number;
  /** The current kind last, so its line is drawn on top. */
  readonly lines: ReadonlyArray<{
    readonly kind: CellKind;
    readonly current: boolean;
    readonly points: ReadonlyArray<GapPoint & { readonly x: number; readonly y: number }>;
    readonly path: string;
  }>;
}

export interface GapChartOptions {
  readonly width: number;
  readonly height: number;
  readonly current: CellKind;
  readonly chance: number;
  /** Room for the axis labels: left, right, top, bottom. */
  readonly margin?: readonly [number, number, number, number];
}

export function gapChartLayout(series: readonly GapSeries[], o: GapChartOptions): GapChartGeometry {
  const [ml, mr, mt, mb] = o.margin ?? [40, 12, 10, 28];
  const plot = { left: ml, right: o.width - mr, top: mt, bottom: o.height - mb };
  const gaps = [...new Set(series.flatMap((s) => s.points.map((p) => p.gap)))].sort((a, b) => a - b);
  const g0 = gaps[0] ?? 0;
  const g1 = gaps.at(-1) ?? 1;
  const x = (g: number) => (g1 === g0 ? (plot.left + plot.right) / 2 : plot.left + ((g - g0) / (g1 - g0)) * (plot.right - plot.left));
  const y = (a: number) => plot.bottom - Math.min(1, Math.max(0, a)) * (plot.bottom - plot.top);
  const lines = series
    .map((s) => {
      const points = s.points.map((p) => ({ ...p, x: x(p.gap), y: y(p.accuracy) }));
      return {
        kind: s.kind,
        current: s.kind === o.current,
        points,
        path: points.map((p, k) => `${k === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' '),
      };
    })
    .sort((a, b) => Number(a.current) - Number(b.current));
  return {
    width: o.width,
    height: o.height,
    plot,
    xTicks: gaps.map((gap) => ({ gap, x: x(gap) })),
    yTicks: [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, y: y(value) })),
    chanceY: y(o.chance),
    lines,
  };
}

const round = (v: number) => Math.round(v * 100) / 100;
