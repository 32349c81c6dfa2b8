import { describe, expect, it } from 'vitest';
import { flowChart, superscript } from './flowChart';

describe('flow chart geometry', () => {
  it('maps gain 1 to the 10⁰ tick and smaller gains lower, within the frame', () => {
    const g = flowChart(25, -8);
    const CHART = g.box;
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
  it('presenting: labels twice the size keep apart (a tick per ≥ 1.5 label heights) and inside the margins', () => {
    const FONT = 24;
    for (const [count, minLog] of [
      [5, -1],
      [35, -12],
      [60, -30],
    ] as const) {
      const g = flowChart(count, minLog, true);
      const ys = g.yTicks.map((t) => t.y);
      for (let k = 1; k < ys.length; k++) expect(ys[k]! - ys[k - 1]!).toBeGreaterThanOrEqual(1.5 * FONT);
      const xs = g.xTicks.map((t) => t.x);
      // The widest x label is two digits (≈ 0.6 em each in the mono font).
      for (let k = 1; k < xs.length; k++) expect(xs[k]! - xs[k - 1]!).toBeGreaterThanOrEqual(3 * 0.6 * FONT);
      // "10⁻³⁰" is five characters, right-aligned 6 units left of the plot.
      for (const t of g.yTicks) expect(t.label.length * 0.6 * FONT).toBeLessThanOrEqual(g.box.left - 6);
    }
  });
});
