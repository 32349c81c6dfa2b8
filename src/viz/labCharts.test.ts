import { describe, expect, it } from 'vitest';
import { GRAD_FLOOR, LAB_CHART, curveChart, gateGrid, gradChart, lossTop, shortCount } from './labCharts';

describe('lab charts', () => {
  it('learning curves: x from 0 to the most examples seen, y clamped to its domain, no NaN in a path', () => {
    const g = curveChart(4000, [0, 1], (v) => `${v * 100}%`);
    expect(g.x(0)).toBe(LAB_CHART.left);
    expect(g.x(4000)).toBe(LAB_CHART.width - LAB_CHART.right);
    expect(g.y(1)).toBe(LAB_CHART.top);
    expect(g.y(2)).toBe(LAB_CHART.top);
    expect(g.yTicks.map((t) => t.label)).toContain('40%');
    const d = g.path([
      { x: 0, y: 0.2 },
      { x: 250, y: Number.NaN },
      { x: 500, y: 0.9 },
    ]);
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(d.match(/[ML]/g)!.length).toBe(2);
    expect(g.xTicks.at(-1)!.label).toBe('4k');
  });

  it('loss axis: just above the largest finite loss', () => {
    expect(lossTop([1.79, 0.5, Number.NaN])).toBeCloseTo(2, 10);
    expect(lossTop([])).toBeCloseTo(0.2, 10);
  });

  it('gradient chart: whole decades spanning every series, exact zeros on the floor', () => {
    const g = gradChart(4, [
      [1e-7, 1e-3, 0.1, 2],
      [0, 0.5, 0.5, 0.5],
    ]);
    const labels = g.yTicks.map((t) => t.label);
    expect(labels[0]).toBe('10¹');
    expect(g.y(0)).toBe(g.y(GRAD_FLOOR));
    expect(g.y(0)).toBe(LAB_CHART.height - LAB_CHART.bottom);
    expect(g.path([0, 1e-3, Number.NaN, 1])).not.toMatch(/NaN/);
    expect(g.x(3)).toBe(LAB_CHART.width - LAB_CHART.right);
  });

  it('gate grid: token across, unit down', () => {
    const grid = gateGrid(
      [
        [0.1, 0.2],
        [0.3, 0.4],
        [0.5, 0.6],
      ],
      10,
      4,
    );
    expect(grid.width).toBe(30);
    expect(grid.height).toBe(8);
    expect(grid.cells.find((c) => c.t === 2 && c.unit === 1)).toEqual({ t: 2, unit: 1, x: 20, y: 4, value: 0.6 });
  });

  it('short counts', () => {
    expect([0, 750, 1000, 12500, 2_000_000].map(shortCount)).toEqual(['0', '750', '1k', '12.5k', '2M']);
  });
});

describe('lab numbers', () => {
  it('formats norms and percentages without NaN', async () => {
    const { formatNorm, formatPct } = await import('./labCharts');
    expect([0, 0.5, 1.23456, 0.000321, 4.5e-9, 12345, Number.NaN].map(formatNorm)).toEqual(['0', '0.500', '1.23', '3.21×10⁻⁴', '4.50×10⁻⁹', '1.23×10⁴', '—']);
    expect([0.975, 1, Number.NaN].map(formatPct)).toEqual(['97.5%', '100.0%', '—']);
  });
});
