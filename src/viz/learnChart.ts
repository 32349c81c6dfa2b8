/**
 * The learnability chart (public/reports/memory-learnability.json, written by
 * `npm run train -- --task learnability --all`): for each kind, the median held-out accuracy
 * over seeds at each gap it was trained on from scratch, with the range over seeds. Gaps are
 * evenly spaced (2, 5, 10, 20, 40, 80 roughly double), accuracy runs from 0 at the bottom.
 */
import { CELL_KINDS, type CellKind } from '../engine';

interface LearnPoint {
  readonly gap: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly learned: number;
  readonly seeds: number;
}

export interface LearnData {
  readonly gaps: readonly number[];
  readonly classes: number;
  readonly series: ReadonlyArray<{ readonly kind: CellKind; readonly points: readonly LearnPoint[] }>;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const fin = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The report as the chart needs it; null when it is missing or malformed. */
export function learnData(report: unknown): LearnData | null {
  if (!isObj(report) || !Array.isArray(report.summary) || !Array.isArray(report.gaps) || !fin(report.classes)) return null;
  const gaps = report.gaps.filter(fin);
  const rows = report.summary.filter(isObj);
  const series = CELL_KINDS.map((kind) => ({
    kind,
    points: gaps
      .map((gap) => rows.find((r) => r.kind === kind && r.gap === gap))
      .filter((r): r is Record<string, unknown> => !!r && fin(r.median) && fin(r.min) && fin(r.max) && fin(r.learned) && fin(r.seeds))
      .map((r) => ({ gap: r.gap as number, median: r.median as number, min: r.min as number, max: r.max as number, learned: r.learned as number, seeds: r.seeds as number })),
  })).filter((s) => s.points.length > 0);
  return series.length > 0 && gaps.length > 0 ? { gaps, classes: report.classes, series } : null;
}

/** The longest gap up to which every seed of the kind learned (at every gap from the shortest); null if not even the shortest. */
export function alwaysUpTo(d: LearnData, kind: CellKind): number | null {
  const s = d.series.find((x) => x.kind === kind);
  let best: number | null = null;
  for (const gap of d.gaps) {
    const p = s?.points.find((q) => q.gap === gap);
    if (!p || p.learned < p.seeds) break;
    best = gap;
  }
  return best;
}

/** The shortest gap from which on no seed of the kind learned (at that gap and every longer one); null if some seed learned the longest. */
export function neverFrom(d: LearnData, kind: CellKind): number | null {
  const s = d.series.find((x) => x.kind === kind);
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
