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

/** report.units of a charlm model file (anything malformed is skipped: the report is optional). */
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
  return out.sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
}

/** The unit's value after each token. */
export function unitValues(series: HeatmapSeries, unit: number): number[] {
  return series.values.map((v) => v[unit] ?? NaN);
}

/**
 * Black or white text, whichever contrasts more with the CSS colour `rgb(r, g, b)` (WCAG relative
 * luminance). Pure black, not a soft #111: on mid-tones only pure black or white reach 4.5:1.
 */
export function inkOn(css: string): '#000' | '#fff' {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const L = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast against black (L + 0.05) / 0.05 vs against white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return L > 0.179 ? '#000' : '#fff';
}
