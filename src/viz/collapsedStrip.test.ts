import { describe, expect, it } from 'vitest';
import { valueColor } from './colors';
import { bandLevel, collapsedBand } from './collapsedStrip';

const box = { x: 10, y: 20, width: 60, height: 10 };

/** Every sliver of a band path, as [x, width]. */
const slivers = (d: string) => [...d.matchAll(/M([\d.-]+) [\d.-]+h([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

describe('collapsed band', () => {
  it('draws every unit not shown, once, left to right in unit order, filling the box', () => {
    const values = Array.from({ length: 128 }, (_, u) => Math.sin(u));
    const shown = [3, 7, 50, 99];
    const band = collapsedBand(values, shown, 'signed', 'light', box);
    const all = band.flatMap((p) => slivers(p.d)).sort((a, b) => a[0] - b[0]);
    expect(all).toHaveLength(124);
    expect(all[0]![0]).toBeCloseTo(10, 2);
    expect(all.at(-1)![0] + all.at(-1)![1] - 0.3).toBeCloseTo(70, 1);
    // The sliver of unit u sits at its rank among the hidden units, in the colour of its level.
    const rest = values.map((_, u) => u).filter((u) => !shown.includes(u));
    rest.forEach((u, j) => {
      const x = +(10 + (j * 60) / 124).toFixed(2);
      const path = band.find((p) => slivers(p.d).some(([sx]) => Math.abs(sx - x) < 1e-9))!;
      const k = bandLevel('signed', values[u]!);
      expect(path.fill).toBe(valueColor(-1 + (2 * k) / 24, 'signed', 'light'));
    });
  });

  it('uses at most one path per level, whatever the hidden size', () => {
    const values = Array.from({ length: 4096 }, (_, u) => ((u * 37) % 101) / 50 - 1);
    const band = collapsedBand(values, [], 'signed', 'dark', box);
    expect(band.length).toBeLessThanOrEqual(25);
    expect(new Set(band.map((p) => p.fill)).size).toBe(band.length);
  });

  it('levels clamp to the scale and never turn NaN into a colour outside it', () => {
    expect(bandLevel('gate', -5)).toBe(0);
    expect(bandLevel('gate', 7)).toBe(24);
    expect(bandLevel('unbounded', 0)).toBe(12);
    expect(bandLevel('signed', Number.NaN)).toBe(12);
    expect(collapsedBand([0.5], [0], 'gate', 'light', box)).toEqual([]);
  });
});
