/**
 * The learnability chart (public/reports/memory-learnability.json, written by
 * `npm run train -- --task learnability --all`): for each kind and start, the median held-out
 * accuracy over seeds at each gap it was trained on from scratch, with the range over seeds; and
 * beside it, for each, how much of the loss gradient reaches the remembered word before training.
 * Gaps are evenly spaced (2, 5, 10, 20, 40, 80 roughly double), accuracy runs from 0 at the bottom.
 */
import { CELL_KINDS, type CellKind, kindOf, type StartId, startIds } from '../engine';

interface LearnPoint {
  readonly gap: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly learned: number;
  readonly seeds: number;
}

interface LearnSeries {
  readonly kind: CellKind;
  /** How the cells started (the kind's KindStart); a row without one is the kind's first start. */
  readonly start: StartId;
  readonly points: readonly LearnPoint[];
}

/** ‖∂L/∂x‖ at the remembered word over the last word's, before training (median, seeds' range). */
interface GradientPoint {
  readonly kind: CellKind;
  readonly start: StartId;
  readonly gap: number;
  readonly share: number;
  readonly min: number;
  readonly max: number;
}

export interface LearnData {
  readonly gaps: readonly number[];
  readonly classes: number;
  /** Per kind (the pickers' order), then per start (the kind's order: the first start first). */
  readonly series: readonly LearnSeries[];
  readonly gradient: readonly GradientPoint[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const fin = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

const startOfRow = (kind: CellKind, r: Record<string, unknown>): unknown => r.start ?? startIds(kind)[0];

/** The report as the chart needs it; null when it is missing or malformed. */
export function learnData(report: unknown): LearnData | null {
  if (!isObj(report) || !Array.isArray(report.summary) || !Array.isArray(report.gaps) || !fin(report.classes)) return null;
  const gaps = report.gaps.filter(fin);
  const rows = report.summary.filter(isObj);
  const series = CELL_KINDS.flatMap((kind) =>
    startIds(kind).map((start) => ({
      kind,
      start,
      points: gaps
        .map((gap) => rows.find((r) => r.kind === kind && startOfRow(kind, r) === start && r.gap === gap))
        .filter((r): r is Record<string, unknown> => !!r && fin(r.median) && fin(r.min) && fin(r.max) && fin(r.learned) && fin(r.seeds))
        .map((r) => ({ gap: r.gap as number, median: r.median as number, min: r.min as number, max: r.max as number, learned: r.learned as number, seeds: r.seeds as number })),
    })),
  ).filter((s) => s.points.length > 0);
  const grads = Array.isArray(report.gradientAtStart) ? report.gradientAtStart.filter(isObj) : [];
  const gradient = series.flatMap(({ kind, start }) => {
    const r = grads.find((g) => g.kind === kind && startOfRow(kind, g) === start);
    return r && fin(r.gap) && fin(r.share) && fin(r.min) && fin(r.max) ? [{ kind, start, gap: r.gap, share: r.share, min: r.min, max: r.max }] : [];
  });
  return series.length > 0 && gaps.length > 0 ? { gaps, classes: report.classes, series, gradient } : null;
}

/** The series of a kind from one start (by default its first, the one every kind was first measured from). */
export function seriesOf(d: LearnData, kind: CellKind, start: StartId = startIds(kind)[0]!): LearnSeries | undefined {
  return d.series.find((x) => x.kind === kind && x.start === start);
}

/** The starts of a kind the report measured, the first first. */
export function startsIn(d: LearnData, kind: CellKind): StartId[] {
  return d.series.filter((x) => x.kind === kind).map((x) => x.start);
}

/** The gradient reaching the remembered word before training, for a kind and start, if measured. */
export function gradientOf(d: LearnData, kind: CellKind, start: StartId): GradientPoint | undefined {
  return d.gradient.find((g) => g.kind === kind && g.start === start);
}

/** The longest gap up to which every seed of the kind learned (at every gap from the shortest); null if not even the shortest. */
export function alwaysUpTo(d: LearnData, kind: CellKind, start?: StartId): number | null {
  const s = seriesOf(d, kind, start);
  let best: number | null = null;
  for (const gap of d.gaps) {
    const p = s?.points.find((q) => q.gap === gap);
    if (!p || p.learned < p.seeds) break;
    best = gap;
  }
  return best;
}

/** The shortest gap from which on no seed of the kind learned (at that gap and every longer one); null if some seed learned the longest. */
export function neverFrom(d: LearnData, kind: CellKind, start?: StartId): number | null {
  const s = seriesOf(d, kind, start);
  let from: number | null = null;
  for (const gap of [...d.gaps].reverse()) {
    const p = s?.points.find((q) => q.gap === gap);
    if (!p || p.learned > 0) break;
    from = gap;
  }
  return from;
}

interface LearnGeometry {
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly x: (gap: number) => number;
  readonly y: (acc: number) => number;
}

export function learnLayout(d: LearnData, width: number, height: number): LearnGeometry {
  const plot = { left: 44, right: width - 70, top: 10, bottom: height - 30 };
  const n = d.gaps.length;
  const x = (gap: number) => {
    const k = d.gaps.indexOf(gap);
    return n <= 1 ? (plot.left + plot.right) / 2 : plot.left + (Math.max(0, k) / (n - 1)) * (plot.right - plot.left);
  };
  const y = (acc: number) => plot.bottom - Math.max(0, Math.min(1, acc)) * (plot.bottom - plot.top);
  return { plot, x, y };
}

type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'plus';
const MARKERS: readonly Marker[] = ['circle', 'square', 'triangle', 'diamond', 'plus'];

/**
 * The marker of a kind's points, by its place in its group (the pickers' order): with the line's
 * dash by group (classic solid, today's dashed), no two kinds' lines look alike without colour.
 */
export function markerOf(kind: CellKind): Marker {
  const group = kindOf(kind).group;
  const same = CELL_KINDS.filter((k) => kindOf(k).group === group);
  return MARKERS[same.indexOf(kind) % MARKERS.length]!;
}

const n2 = (v: number) => String(Math.round(v * 100) / 100);

/** A marker of about radius r at (x, y), as a filled path. */
export function markerPath(m: Marker, x: number, y: number, r: number): string {
  const p = (pts: Array<[number, number]>) => `M${pts.map(([a, b]) => `${n2(x + a * r)},${n2(y + b * r)}`).join('L')}Z`;
  switch (m) {
    case 'circle':
      return `M${n2(x - r)},${n2(y)}a${n2(r)},${n2(r)} 0 1,0 ${n2(2 * r)},0a${n2(r)},${n2(r)} 0 1,0 ${n2(-2 * r)},0Z`;
    case 'square':
      return p([
        [-0.9, -0.9],
        [0.9, -0.9],
        [0.9, 0.9],
        [-0.9, 0.9],
      ]);
    case 'triangle':
      return p([
        [0, -1.2],
        [1.1, 0.8],
        [-1.1, 0.8],
      ]);
    case 'diamond':
      return p([
        [0, -1.25],
        [1.25, 0],
        [0, 1.25],
        [-1.25, 0],
      ]);
    case 'plus': {
      const w = 0.4;
      const l = 1.2;
      return p([
        [-w, -l],
        [w, -l],
        [w, -w],
        [l, -w],
        [l, w],
        [w, w],
        [w, l],
        [-w, l],
        [-w, w],
        [-l, w],
        [-l, -w],
        [-w, -w],
      ]);
    }
  }
}
