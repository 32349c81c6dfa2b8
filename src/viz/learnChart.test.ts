import { describe, expect, it } from 'vitest';
import { alwaysUpTo, learnData, learnLayout, neverFrom } from './learnChart';

const row = (kind: string, gap: number, median: number, learned = 3) => ({ kind, gap, median, min: median - 0.1, max: median, learned, seeds: 3 });
const report = {
  gaps: [2, 5, 10],
  classes: 6,
  summary: [row('rnn', 2, 1, 3), row('rnn', 5, 0.5, 1), row('rnn', 10, 0.3, 0), row('lstm', 2, 1), row('lstm', 5, 1), row('lstm', 10, 0.99), { kind: 'gru', gap: 2, median: 'x' }],
};

describe('learnability chart data', () => {
  it('reads the report per kind and gap, skipping malformed rows', () => {
    const d = learnData(report)!;
    expect(d.series.map((s) => s.kind)).toEqual(['rnn', 'lstm']);
    expect(d.series[0]!.points.map((p) => p.median)).toEqual([1, 0.5, 0.3]);
    expect(learnData({})).toBeNull();
    expect(learnData(null)).toBeNull();
  });

  it('finds the gap up to which every seed learned, and the gap from which none did', () => {
    const d = learnData(report)!;
    expect(alwaysUpTo(d, 'rnn')).toBe(2);
    expect(neverFrom(d, 'rnn')).toBe(10);
    expect(alwaysUpTo(d, 'lstm')).toBe(10);
    expect(neverFrom(d, 'lstm')).toBeNull();
    expect(alwaysUpTo(d, 'gru')).toBeNull();
  });

  it('spaces the gaps evenly and puts accuracy 0 at the bottom, 1 at the top', () => {
    const g = learnLayout(learnData(report)!, 640, 220);
    expect(g.x(2)).toBe(g.plot.left);
    expect(g.x(10)).toBe(g.plot.right);
    expect(g.x(5)).toBeCloseTo((g.plot.left + g.plot.right) / 2, 9);
    expect(g.y(0)).toBe(g.plot.bottom);
    expect(g.y(1)).toBe(g.plot.top);
  });
});
