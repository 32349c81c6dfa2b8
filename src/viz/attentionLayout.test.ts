import { describe, expect, it } from 'vitest';
import { attentionLinks, attentionMatrix, ATTENTION_MATRIX } from './attentionLayout';
import { TRANSLATE_CHAIN, translateChain } from './translateLayout';

describe('attention geometry', () => {
  it('the matrix: one cell per (decoder step, source word), rows and columns evenly spaced, nothing outside its size', () => {
    const m = attentionMatrix(3, 5);
    expect(m.cells).toHaveLength(15);
    for (const c of m.cells) {
      expect(c.x + ATTENTION_MATRIX.cellW).toBeLessThanOrEqual(m.width);
      expect(c.y + ATTENTION_MATRIX.cellH).toBeLessThanOrEqual(m.height);
    }
    expect(m.colX(1) - m.colX(0)).toBe(ATTENTION_MATRIX.cellW);
    expect(m.rowY(2) - m.rowY(1)).toBe(ATTENTION_MATRIX.cellH);
  });

  it('the lines: from the current decoder cell to each encoder cell, heavier and more opaque as the weight grows', () => {
    const S = 4;
    const chain = translateChain(S, 6);
    const links = attentionLinks(chain, S, 2, [0.1, 0.6, 0.05, 0.25]);
    expect(links).toHaveLength(S);
    const dec = chain.cells[S + 2]!.x + TRANSLATE_CHAIN.cell / 2;
    links.forEach((l, t) => {
      expect(l.d.startsWith(`M${dec},`)).toBe(true);
      expect(l.d.endsWith(`${chain.cells[t]!.x + TRANSLATE_CHAIN.cell / 2},${TRANSLATE_CHAIN.height + 12}`)).toBe(true);
    });
    const byWeight = [...links].sort((a, b) => a.weight - b.weight);
    for (let k = 1; k < byWeight.length; k++) {
      expect(byWeight[k]!.width).toBeGreaterThan(byWeight[k - 1]!.width);
      expect(byWeight[k]!.opacity).toBeGreaterThan(byWeight[k - 1]!.opacity);
    }
    expect(attentionLinks(chain, S, 9, [1])).toEqual([]);
  });
});
