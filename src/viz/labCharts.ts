/**
 * Geometry of the training lab's charts, as plain data (the components draw it):
 *  - learning curves: examples seen on x (0 … the most either run has seen), a loss or an
 *    accuracy on y, one path per run;
 *  - the probe's gradient norms: token index on x, log10 ‖∂L/∂h_t‖ on y, so a gradient that
 *    fades by ten orders of magnitude toward the first word reads as a straight fall;
 *  - the gates over the probe's tokens: a grid, token by unit, per gate.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { superscript } from './flowChart';

export const LAB_CHART = { width: 400, height: 220, left: 54, right: 12, top: 12, bottom: 40 } as const;

export interface XY {
  readonly x: number;
  readonly y: number;
}

export interface Tick {
  readonly value: number;
  readonly label: string;
  readonly at: number;
}

interface CurveGeometry {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  readonly path: (pts: readonly XY[]) => string;
}

/** "12k" for 12,000: the x axis of a run that has seen many examples. */
export function shortCount(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`;
  return String(n);
}

/** Finite values only: a diverged run's last point must not put NaN into an SVG path. */
const finite = (pts: readonly XY[]) => pts.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));

export function curveChart(xMax: number, yDomain: readonly [number, number], yLabel: (v: number) => string, yCount = 5): CurveGeometry {
  const C = LAB_CHART;
  const xs = scaleLinear()
    .domain([0, Math.max(1, xMax)])
    .range([C.left, C.width - C.right])
    .nice(5);
  const ys = scaleLinear()
    .domain(yDomain)
    .range([C.height - C.bottom, C.top])
    .clamp(true);
  const xTicks = xs.ticks(5).map((v) => ({ value: v, label: shortCount(v), at: xs(v) }));
  const yTicks = ys.ticks(yCount).map((v) => ({ value: v, label: yLabel(v), at: ys(v) }));
  const gen = line<XY>()
    .x((p) => xs(p.x))
    .y((p) => ys(p.y));
  return { x: xs, y: ys, xTicks, yTicks, path: (pts) => gen([...finite(pts)]) ?? '' };
}

/** A loss axis from 0 to just above the largest finite loss seen (at least 0.1). */
export function lossTop(values: readonly number[]): number {
  const m = Math.max(0.1, ...values.filter(Number.isFinite));
  return Math.ceil(m * 11) / 10;
}

/** The floor of the gradient chart: norms below it (exact zeros) sit on the axis. */
export const GRAD_FLOOR = 1e-12;

interface GradGeometry {
  readonly x: (t: number) => number;
  readonly y: (norm: number) => number;
  readonly yTicks: readonly Tick[];
  readonly xTicks: readonly Tick[];
  readonly path: (norms: readonly number[]) => string;
}

/** Token index on x; log10 of the norm on y, spanning every series' range in whole decades. */
export function gradChart(count: number, series: ReadonlyArray<readonly number[]>): GradGeometry {
  const C = LAB_CHART;
  const logs = series
    .flat()
    .filter((v) => Number.isFinite(v))
    .map((v) => Math.log10(Math.max(GRAD_FLOOR, v)));
  const lo = Math.min(-1, Math.floor(Math.min(0, ...logs)));
  const hi = Math.max(0, Math.ceil(Math.max(-Infinity, ...logs, lo + 1)));
  const xs = scaleLinear()
    .domain([0, Math.max(1, count - 1)])
    .range([C.left, C.width - C.right]);
  const yl = scaleLinear()
    .domain([lo, hi])
    .range([C.height - C.bottom, C.top])
    .clamp(true);
  const y = (v: number) => yl(Math.log10(Math.max(GRAD_FLOOR, Number.isFinite(v) ? v : GRAD_FLOOR)));
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  const yTicks: Tick[] = [];
  for (let e = hi; e >= lo; e -= step) yTicks.push({ value: 10 ** e, label: e === 0 ? '1' : `10${superscript(e)}`, at: yl(e) });
  const every = Math.max(1, Math.ceil(count / 10));
  const xTicks: Tick[] = [];
  for (let k = 0; k < count; k += every) xTicks.push({ value: k, label: String(k), at: xs(k) });
  const gen = line<number>()
    .x((_, k) => xs(k))
    .y((v) => y(v));
  return { x: xs, y, yTicks, xTicks, path: (v) => gen([...v]) ?? '' };
}

interface GateCell {
  readonly t: number;
  readonly unit: number;
  readonly x: number;
  readonly y: number;
  readonly value: number;
}

/** One gate's grid: token t across, unit down, cells of `w` × `h` px. */
export function gateGrid(values: ReadonlyArray<readonly number[]>, w: number, h: number): { width: number; height: number; cells: GateCell[] } {
  const units = values[0]?.length ?? 0;
  const cells: GateCell[] = [];
  values.forEach((row, t) => row.forEach((value, unit) => cells.push({ t, unit, x: t * w, y: unit * h, value })));
  return { width: values.length * w, height: units * h, cells };
}

/** A gradient norm as a student reads it: 3 significant digits, powers of ten in superscript. */
export function formatNorm(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  if (x >= 0.001 && x < 1000) return x.toPrecision(3);
  const [m, e] = x.toExponential(2).split('e');
  return `${m}×10${superscript(Number(e))}`;
}

/** A mean squared error: 3 significant digits. */
export function formatMse(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(3) : '—';
}

/** An accuracy in percent with one decimal ("97.5%"); a dash for a value that is not a number. */
export function formatPct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '—';
}
