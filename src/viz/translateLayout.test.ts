import { describe, expect, it } from 'vitest';
import { TRANSLATE_CHAIN, sideOf, translateChain } from './translateLayout';

describe('the encoder–decoder chain', () => {
  it('one step index across both sides', () => {
    expect(sideOf(0, 5)).toEqual({ side: 'encoder', index: 0 });
    expect(sideOf(4, 5)).toEqual({ side: 'encoder', index: 4 });
    expect(sideOf(5, 5)).toEqual({ side: 'decoder', index: 0 });
  });

  it('cells do not overlap, and the hand-over sits between the two chains', () => {
    const { cells, handoverX, width } = translateChain(3, 4);
    expect(cells.map((c) => c.side)).toEqual(['encoder', 'encoder', 'encoder', 'decoder', 'decoder', 'decoder', 'decoder']);
    for (let k = 1; k < cells.length; k++) expect(cells[k]!.x).toBeGreaterThanOrEqual(cells[k - 1]!.x + TRANSLATE_CHAIN.cell);
    expect(handoverX[0]).toBe(cells[2]!.x + TRANSLATE_CHAIN.cell);
    expect(handoverX[1]).toBe(cells[3]!.x);
    expect(width).toBe(cells[6]!.x + TRANSLATE_CHAIN.cell + TRANSLATE_CHAIN.pad);
  });
});
