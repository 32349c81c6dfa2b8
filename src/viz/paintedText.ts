/**
 * The text painted by one unit (Karpathy, Johnson & Fei-Fei 2015): each token's background is
 * the unit's value after that token, on the heatmaps' colour scale. Pure data for the component.
 */
import type { HeatmapSeries } from './heatmapLayout';

/** A unit the trainer found by measurement (report.units), as the painted text offers it. */
export interface MeasuredUnit {
  /** Heatmap series id: 'h' or 'c'. */
  readonly series: string;
  /** 0-based unit index. */
  readonly unit: number;
  readonly feature: string;
  readonly r: number;
}

/**
 * report.units of a charlm model file (anything malformed is skipped: the report is optional),
 * strongest first; a report that names the feature it was trained to look for (`paint`, the
 * stateful model's quotation unit) puts that feature's unit first, whatever its r, so the text
 * opens painted by it.
 */
export function measuredUnits(report: Readonly<Record<string, unknown>> | null, hidden: number): MeasuredUnit[] {
  const units = report?.units;
  if (!Array.isArray(units)) return [];
  const out: MeasuredUnit[] = [];
  for (const u of units as unknown[]) {
    if (typeof u !== 'object' || u === null) continue;
    const { vector, unit, feature, r } = u as Record<string, unknown>;
    if ((vector !== 'h' && vector !== 'C') || typeof unit !== 'number' || !Number.isInteger(unit) || unit < 0 || unit >= hidden) continue;
    if (typeof feature !== 'string' || typeof r !== 'number' || !Number.isFinite(r)) continue;
    out.push({ series: vector === 'C' ? 'c' : 'h', unit, feature, r });
  }
  const lead = report?.paint;
  const first = (u: MeasuredUnit) => (u.feature === lead ? 1 : 0);
  return out.sort((a, b) => first(b) - first(a) || Math.abs(b.r) - Math.abs(a.r));
}

/** The unit's value after each token. */
export function unitValues(series: HeatmapSeries, unit: number): number[] {
  return series.values.map((v) => v[unit] ?? NaN);
}
