import { describe, expect, it } from 'vitest';
import { CHART, flowChart, superscript } from './flowChart';

describe('flow chart geometry', () => {
  it('maps gain 1 to the 10⁰ tick and smaller gains lower, within the frame', () => {
    const g = flowChart(25, -8);
    const one = g.yTicks.find((t) => t.label === '1')!;
    expect(g.y(1)).toBeCloseTo(one.y, 9);
    expect(g.y(1e-4)).toBeGreaterThan(g.y(1));
    for (const tk of g.yTicks) expect(tk.y).toBeGreaterThanOrEqual(CHART.top - 1e-9);
    expect(g.y(0)).toBeLessThanOrEqual(CHART.height); // an exact zero is clamped, not -Infinity
    expect(g.x(0)).toBe(CHART.left);
    expect(g.x(24)).toBe(CHART.width - CHART.right);
  });
  it('labels powers of ten with superscripts and draws a finite path', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    const g = flowChart(3, -2);
    expect(g.path([1, 0.1, 0])).not.toMatch(/NaN|Infinity/);
  });
});
