import { describe, expect, it } from 'vitest';
import { monthName, seriesChartLayout } from './seriesChart';

describe('the real-series chart geometry', () => {
  const values = Array.from({ length: 36 }, (_, k) => 100 + 10 * k);
  const predicted = values.map((v, t) => (t >= 13 ? v + (t % 2 ? 5 : -5) : null));
  const g = seriesChartLayout({ values, start: '1949-07', testStart: 30, predicted, width: 900, height: 270, errorHeight: 70, font: 13 });

  it('places each value on the y axis its ticks label (the ticks are what a reader measures by)', () => {
    const [a, b] = [g.yTicks[0]!, g.yTicks.at(-1)!];
    const valueAt = (y: number) => Number(a.label) + ((y - a.at) / (b.at - a.at)) * (Number(b.label) - Number(a.label));
    for (const t of [0, 17, 35]) expect(valueAt(g.y(values[t]!))).toBeCloseTo(values[t]!, 9);
    // The ticks cover every value and every prediction.
    expect(Number(a.label)).toBeLessThanOrEqual(100);
    expect(Number(b.label)).toBeGreaterThanOrEqual(455);
  });

  it('marks Januaries with their years, the split at the first test month, and one error bar per test month', () => {
    expect(g.xTicks.map((k) => k.label)).toEqual(['1950', '1951', '1952']);
    // 1950-01 is month 6 from 1949-07: its slot's left edge.
    expect(g.xTicks[0]!.at).toBeCloseTo(g.x(6) - (g.x(1) - g.x(0)) / 2, 9);
    expect(g.splitX).toBeLessThan(g.x(30));
    expect(g.splitX).toBeGreaterThan(g.x(29));
    expect(g.bars.map((b) => b.month)).toEqual([30, 31, 32, 33, 34, 35]);
    expect(g.bars.map((b) => b.error)).toEqual([-5, 5, -5, 5, -5, 5]);
    // A positive error rises above the zero line, a negative one hangs below it.
    expect(g.bars[1]!.y + g.bars[1]!.h).toBeCloseTo(g.err.zero, 9);
    expect(g.bars[0]!.y).toBeCloseTo(g.err.zero, 9);
    expect(g.predictedPath.split('L')).toHaveLength(6);
  });

  it('round ticks and month names', () => {
    // Ticks at round steps: 1, 2 or 5 times a power of ten.
    expect(g.yTicks.map((k) => k.label)).toEqual(['100', '200', '300', '400', '500']);
    expect(g.errTicks.map((k) => k.label)).toEqual(['−5', '0', '+5']);
    expect(monthName('1949-07', 6)).toBe('1950-01');
    expect(monthName('1949-01', 143)).toBe('1960-12');
  });
});
