import { describe, expect, it } from 'vitest';
import { gapChartLayout, seriesFromIndex, seriesFromReport } from './gapChart';

const index = {
  models: [
    { id: 'sentiment-rnn', task: 'sentiment', kind: 'rnn', report: { heldoutAccuracy: 1 } },
    { id: 'memory-lstm', task: 'memory', kind: 'lstm', report: { heldoutAccuracyByGap: { '10': 1, '5': 1, '80': 0.9 }, heldoutPerGap: 200, maxTrainGap: 40 } },
    { id: 'memory-rnn', task: 'memory', kind: 'rnn', report: { heldoutAccuracyByGap: { '5': 0.9, '80': 0.2, '10': 0.5 }, heldoutPerGap: 200 } },
    { id: 'memory-gru', task: 'memory', kind: 'gru', report: null },
  ],
};

describe('gap chart data', () => {
  it('reads the memory models of the index in cell-kind order, gaps sorted numerically', () => {
    const s = seriesFromIndex(index);
    expect(s.map((x) => x.kind)).toEqual(['rnn', 'lstm']);
    expect(s[0]!.points).toEqual([
      { gap: 5, accuracy: 0.9 },
      { gap: 10, accuracy: 0.5 },
      { gap: 80, accuracy: 0.2 },
    ]);
    expect(s[0]!.perGap).toBe(200);
    expect(s[0]!.maxTrainGap).toBeNull();
    expect(s[1]!.maxTrainGap).toBe(40);
  });
  it('ignores what is not a per-gap report', () => {
    expect(seriesFromIndex(null)).toEqual([]);
    expect(seriesFromIndex({ models: 'x' })).toEqual([]);
    expect(seriesFromReport('rnn', { heldoutAccuracyByGap: { five: 1, '10': 'x' } })).toBeNull();
    expect(seriesFromReport('rnn', { heldoutAccuracy: 1 })).toBeNull();
  });
});

describe('gap chart geometry', () => {
  const s = seriesFromIndex(index);
  const g = gapChartLayout(s, { width: 500, height: 200, current: 'rnn', chance: 1 / 6, margin: [40, 10, 10, 30] });
  it('puts x linear in the gap between the plot edges', () => {
    expect(g.xTicks).toEqual([
      { gap: 5, x: 40 },
      { gap: 10, x: 40 + (5 / 75) * 450 },
      { gap: 80, x: 490 },
    ]);
  });
  it('puts accuracy 1 at the top, 0 at the bottom, chance in between', () => {
    expect(g.yTicks[0]).toEqual({ value: 0, y: 170 });
    expect(g.yTicks.at(-1)).toEqual({ value: 1, y: 10 });
    expect(g.chanceY).toBeCloseTo(170 - 160 / 6, 10);
  });
  it('draws the current kind last and its points at the measured values', () => {
    expect(g.lines.map((l) => [l.kind, l.current])).toEqual([
      ['lstm', false],
      ['rnn', true],
    ]);
    const rnn = g.lines[1]!;
    expect(rnn.points.map((p) => p.y)).toEqual([170 - 0.9 * 160, 170 - 0.5 * 160, 170 - 0.2 * 160]);
    expect(rnn.path).toBe(`M40,${170 - 0.9 * 160} L70,90 L490,138`);
  });
  it('copes with a single gap', () => {
    const one = gapChartLayout([{ kind: 'gru', points: [{ gap: 30, accuracy: 1 }], perGap: null, maxTrainGap: null }], { width: 100, height: 100, current: 'lstm', chance: 0.5 });
    expect(one.lines[0]!.points[0]!.x).toBe((40 + 88) / 2);
    expect(one.lines[0]!.current).toBe(false);
  });
});
