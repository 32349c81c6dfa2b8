import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../engine';
import { demoTraces as compareTraces } from '../selectors/compare';
import { createGatescopeStore } from '../store/store';
import { cellAt, cellRect, heatmapLayout, heatmapSeries, moveCell, renderMode } from './heatmapLayout';

describe('heatmap layout', () => {
  it('pixel -> cell -> rectangle round-trips for every cell and every point inside it', () => {
    for (const [n, u] of [
      [6, 6],
      [40, 6],
      [200, 32],
    ] as const) {
      const L = heatmapLayout(n, u);
      for (let t = 0; t < n; t += 7) {
        for (let k = 0; k < u; k += 3) {
          const r = cellRect(L, { t, k });
          for (const [fx, fy] of [
            [0, 0],
            [0.5, 0.5],
            [0.99, 0.99],
          ] as const) {
            expect(cellAt(L, r.x + fx * L.cellW, r.y + fy * L.cellH)).toEqual({ t, k });
          }
        }
      }
      expect(cellAt(L, -1, 0)).toBeNull();
      expect(cellAt(L, L.width, 0)).toBeNull();
      expect(cellAt(L, 0, L.height)).toBeNull();
    }
  });

  it('rectangles never overlap their neighbours', () => {
    const L = heatmapLayout(12, 6);
    const a = cellRect(L, { t: 3, k: 2 });
    const right = cellRect(L, { t: 4, k: 2 });
    const below = cellRect(L, { t: 3, k: 3 });
    expect(a.x + a.w).toBeLessThanOrEqual(right.x);
    expect(a.y + a.h).toBeLessThanOrEqual(below.y);
  });

  it('prints numbers for short sentences only and switches to canvas past 1000 marks', () => {
    expect(heatmapLayout(6, 6).showNumbers).toBe(true);
    expect(heatmapLayout(200, 6).showNumbers).toBe(false);
    expect(renderMode(6, 6, 6)).toBe('svg');
    expect(renderMode(200, 6, 6)).toBe('canvas');
  });

  it('arrow keys move within the grid and stop at its edges', () => {
    const L = heatmapLayout(5, 6);
    expect(moveCell(L, { t: 0, k: 0 }, 'ArrowLeft')).toEqual({ t: 0, k: 0 });
    expect(moveCell(L, { t: 0, k: 0 }, 'ArrowRight')).toEqual({ t: 1, k: 0 });
    expect(moveCell(L, { t: 0, k: 5 }, 'ArrowDown')).toEqual({ t: 0, k: 5 });
    expect(moveCell(L, { t: 2, k: 1 }, 'End')).toEqual({ t: 4, k: 1 });
    expect(moveCell(L, { t: 2, k: 1 }, 'x')).toBeNull();
  });
});

describe('heatmap series', () => {
  it('one heatmap per state, gate and candidate; values equal the store history', () => {
    const text = 'the clouds are in the sky';
    for (const kind of CELL_KINDS) {
      const s = createGatescopeStore({ text, kind });
      const series = heatmapSeries(compareTraces(kind, s.getState().embedded)!);
      s.getState().goTo(5);
      const hist = s.getState().history;
      const h = series.find((x) => x.id === 'h')!;
      hist.forEach((tr, t) => expect(Array.from(h.values[t]!)).toEqual(Array.from(tr.h)));
      const want: Record<string, string[]> = {
        rnn: ['h', 'pre.a'],
        gru: ['h', 'z', 'r', 'n'],
        mingru: ['h', 'z', 'hTilde'],
        minlstm: ['h', 'fPrime', 'f', 'i', 'hTilde'],
        slstm: ['h', 'c', 'n', 'm', 'fPrime', 'iPrime', 'o', 'z'],
        mlstm: ['h', 'hTilde', 'n', 'o', 'q', 'k', 'v'],
      };
      expect(series.map((x) => x.id)).toEqual(want[kind] ?? ['h', 'c', 'f', 'i', 'o', 'cTilde']);
    }
  });
});
