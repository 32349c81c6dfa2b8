import { describe, expect, it } from 'vitest';
import { CELL_KINDS, kindOf } from '../engine';
import { alwaysUpTo, gradientOf, learnData, learnLayout, markerOf, markerPath, neverFrom, seriesOf, startsIn } from './learnChart';

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

  it('reads each kind’s starts: a row without one is the kind’s first start; and the gradient at the start beside them', () => {
    const withStarts = {
      ...report,
      summary: [
        ...report.summary,
        { ...row('rnn', 2, 1, 3), start: 'orthogonal' },
        { ...row('rnn', 5, 0.9, 3), start: 'orthogonal' },
        { ...row('rnn', 10, 0.8, 2), start: 'orthogonal' },
        { ...row('rnn', 2, 1), start: 'nonsense' },
      ],
      gradientAtStart: [
        { kind: 'rnn', start: 'default', gap: 20, share: 5e-8, min: 1e-8, max: 1e-7 },
        { kind: 'rnn', start: 'orthogonal', gap: 20, share: 0.015, min: 0.01, max: 0.02 },
        { kind: 'lstm', gap: 20, share: 'x', min: 0, max: 1 },
      ],
    };
    const d = learnData(withStarts)!;
    expect(d.series.map((s) => `${s.kind}:${s.start}`)).toEqual(['rnn:default', 'rnn:orthogonal', 'lstm:chrono']);
    expect(startsIn(d, 'rnn')).toEqual(['default', 'orthogonal']);
    expect(seriesOf(d, 'rnn')!.points.map((p) => p.median)).toEqual([1, 0.5, 0.3]);
    expect(seriesOf(d, 'rnn', 'orthogonal')!.points.map((p) => p.median)).toEqual([1, 0.9, 0.8]);
    expect(alwaysUpTo(d, 'rnn', 'orthogonal')).toBe(5);
    expect(neverFrom(d, 'rnn', 'orthogonal')).toBeNull();
    expect(gradientOf(d, 'rnn', 'orthogonal')?.share).toBe(0.015);
    expect(gradientOf(d, 'lstm', 'chrono')).toBeUndefined();
    expect(learnData(report)!.gradient).toEqual([]);
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

describe('learnability chart markers', () => {
  it('no two kinds share a group (the line’s dash) and a marker: every line can be told apart without colour', () => {
    const looks = CELL_KINDS.map((k) => `${kindOf(k).group}:${markerOf(k)}`);
    expect(new Set(looks).size).toBe(CELL_KINDS.length);
  });

  it('draws each marker as a closed path around its point', () => {
    for (const k of CELL_KINDS) {
      const d = markerPath(markerOf(k), 50, 20, 4);
      expect(d).toMatch(/^M[\d.]+,[\d.]+.*Z$/);
      const xs = Array.from(d.matchAll(/[ML]([\d.]+),([\d.]+)/g), (m) => Number(m[1]));
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(50 - 4 * 1.3);
      expect(Math.max(...xs)).toBeLessThanOrEqual(50 + 4 * 1.3);
    }
  });
});
