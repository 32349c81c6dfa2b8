import { describe, expect, it } from 'vitest';
import { prefixScan } from '../engine';
import { SCAN, scanLayout, scanOf } from './scanLayout';

const steps = (as: number[], bs: number[]) => as.map((a, t) => ({ a: Float64Array.of(a, 0.5), b: Float64Array.of(bs[t]!, 0) }));

describe('scanLayout', () => {
  const scan = prefixScan(steps([0.5, 0.25, 1, 0.5, 0.5], [1, 2, 3, 4, 5]), new Float64Array(2));
  const L = scanLayout(scan, 0);

  it('draws one box per token per level, each covering the steps its map combines', () => {
    expect(scan.levels.length).toBe(4); // the steps, then reach 1, 2, 4
    expect(L.boxes.length).toBe(5 * 4);
    const last = L.boxes.filter((b) => b.level === 3);
    expect(last.map((b) => [b.from, b.to])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
      [1, 4],
      [1, 5],
    ]);
    // Box (level 1, t = 1): steps 1..2 as one map: a = 0.25 · 0.5, b = 0.25 · 1 + 2.
    const b = L.boxes.find((x) => x.level === 1 && x.t === 1)!;
    expect([b.from, b.to, b.a, b.b]).toEqual([1, 2, 0.125, 2.25]);
  });

  it('the last level holds h_t for h_0 = 0 in b, the unit asked for', () => {
    const last = L.boxes.filter((b) => b.level === 3).map((b) => b.b);
    expect(last).toEqual(scan.h.map((h) => h[0]!));
    const other = scanLayout(scan, 1)
      .boxes.filter((b) => b.level === 3)
      .map((b) => b.b);
    expect(other).toEqual([0, 0, 0, 0, 0]);
  });

  it('a slanted line comes from reach columns to the left, a straight one from above', () => {
    const take = L.lines.filter((l) => l.role === 'take');
    // reach 1: 4 boxes take in a neighbour; reach 2: 3; reach 4: 1.
    expect(take.length).toBe(4 + 3 + 1);
    const t = take.find((l) => l.id === 't3-4')!;
    expect(t.x2 - t.x1).toBe(4 * SCAN.colW);
    expect(L.lines.filter((l) => l.role === 'keep').length).toBe(3 * 5);
    expect(L.width).toBe(SCAN.left + 5 * SCAN.colW);
  });
});

describe('scanOf', () => {
  it('for minGRU and minLSTM the scan gives the states stepping gave; kinds whose gates read h_{t−1} have none', async () => {
    const { CELL_KINDS, kindOf, run } = await import('../engine');
    const { demoModel } = await import('../models/demo');
    const xs = Array.from({ length: 9 }, (_, t) => Float64Array.from({ length: 32 }, (_, k) => Math.sin(t + k)));
    let scanned = 0;
    for (const kind of CELL_KINDS) {
      const m = demoModel(kind);
      const traces = run(
        m.cell,
        xs.map((x) => x.slice(0, m.cell.inputSize)),
      ).traces;
      const s = scanOf(traces);
      if (!kindOf(kind).linearStep) {
        expect(s).toBeNull();
        continue;
      }
      scanned++;
      expect(s!.scan.levels.length).toBe(1 + Math.ceil(Math.log2(9)));
      expect(s!.diff).toBeLessThan(1e-12);
      expect(s!.values).toBe(9 * m.cell.hiddenSize);
    }
    expect(scanned).toBe(2);
  });
});
