import { describe, expect, it } from 'vitest';
import { Adam, clipByGlobalNorm, globalNorm } from './adam';

describe('adam', () => {
  it('minimises a quadratic', () => {
    const p = { name: 'p', data: Float64Array.from([3, -2]) };
    const g = { name: 'p', data: new Float64Array(2) };
    const opt = new Adam([p], { lr: 0.1 });
    for (let k = 0; k < 500; k++) {
      g.data[0] = 2 * p.data[0]!;
      g.data[1] = 2 * p.data[1]!;
      opt.step([g]);
    }
    expect(Math.abs(p.data[0]!)).toBeLessThan(1e-3);
    expect(Math.abs(p.data[1]!)).toBeLessThan(1e-3);
  });
  it('the first step moves each weight by lr against its gradient sign', () => {
    const p = { name: 'p', data: Float64Array.from([1, 1]) };
    new Adam([p], { lr: 0.5 }).step([{ name: 'p', data: Float64Array.from([10, -0.1]) }]);
    expect(p.data[0]).toBeCloseTo(0.5, 6);
    expect(p.data[1]).toBeCloseTo(1.5, 6);
  });
  it('clips to the global norm and keeps the direction', () => {
    const gs = [
      { name: 'a', data: Float64Array.from([3]) },
      { name: 'b', data: Float64Array.from([4]) },
    ];
    expect(clipByGlobalNorm(gs, 1)).toBeCloseTo(5);
    expect(globalNorm(gs)).toBeCloseTo(1);
    expect(gs[0]!.data[0]! / gs[1]!.data[0]!).toBeCloseTo(0.75);
  });
});
