/** Geometry of one gradient-flow chart: token index on x, log10 gain on y. Plain data out. */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { log10Gain } from './gradientFlow';

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 10⁻⁶ reads better on a projector than 10^-6. */
export function superscript(n: number): string {
  return String(n).replace(/[-0-9]/g, (c) => SUP[c]!);
}

const SMALL = { width: 600, height: 280, left: 56, right: 12, top: 14, bottom: 36 } as const;
/**
 * Presenting to a room: the same width, wider margins for labels set twice as large (styles.css:
 * `.flow-chart.large`), and half as many ticks, so that they stay apart at that size.
 */
const LARGE = { width: 600, height: 300, left: 92, right: 16, top: 18, bottom: 56 } as const;
type Box = { readonly width: number; readonly height: number; readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };

interface ChartGeometry {
  /** The chart's viewBox and margins. */
  readonly box: Box;
  readonly x: (k: number) => number;
  readonly y: (gain: number) => number;
  readonly yTicks: { value: number; label: string; y: number }[];
  readonly xTicks: { k: number; x: number }[];
  readonly path: (values: readonly number[]) => string;
}

export function flowChart(count: number, minLog: number, large = false): ChartGeometry {
  const CHART: Box = large ? LARGE : SMALL;
  const lo = Math.min(-1, Math.floor(minLog));
  const x = scaleLinear()
    .domain([0, Math.max(1, count - 1)])
    .range([CHART.left, CHART.width - CHART.right]);
  // Clamped: a gain below the axis floor (an exact 0 from a saturated gate) sits on the floor.
  const yLog = scaleLinear()
    .domain([lo, 0.5])
    .range([CHART.height - CHART.bottom, CHART.top])
    .clamp(true);
  const y = (g: number) => yLog(log10Gain(g));
  const step = Math.max(1, Math.ceil(-lo / (large ? 4 : 6)));
  const yTicks = [];
  for (let e = 0; e >= lo; e -= step) yTicks.push({ value: 10 ** e, label: e === 0 ? '1' : `10${superscript(e)}`, y: yLog(e) });
  const every = Math.max(1, Math.ceil(count / (large ? 6 : 12)));
  const xTicks = [];
  for (let k = 0; k < count; k += every) xTicks.push({ k, x: x(k) });
  const gen = line<number>()
    .x((_, k) => x(k))
    .y((g) => y(g));
  return { box: CHART, x, y, yTicks, xTicks, path: (v) => gen([...v]) ?? '' };
}
