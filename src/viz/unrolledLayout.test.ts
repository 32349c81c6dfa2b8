import { describe, expect, it } from 'vitest';
import { CONDENSE_AFTER, SLIDE_UNITS, scrollLeftFor, unrolledLayout } from './unrolledLayout';

describe('unrolled chain layout', () => {
  it('cells sit left to right without overlapping, with room for the arrows between them', () => {
    for (const n of [1, 6, 30, 31, 200]) {
      for (const columns of [1, 2] as const) {
        const L = unrolledLayout({ n, current: 0, hidden: 6, columns });
        expect(L.cells).toHaveLength(n);
        for (let t = 1; t < n; t++) {
          const a = L.cells[t - 1]!;
          const b = L.cells[t]!;
          expect(b.x - (a.x + a.w)).toBeGreaterThanOrEqual(8);
          expect(a.input.cx + a.input.r).toBeLessThan(b.input.cx - b.input.r);
        }
        const last = L.cells[n - 1]!;
        expect(last.x + last.w).toBeLessThanOrEqual(L.width);
      }
    }
  });

  it('marks past, current and future steps', () => {
    const L = unrolledLayout({ n: 6, current: 3, hidden: 6, columns: 2 });
    expect(L.cells.map((c) => c.phase)).toEqual(['past', 'past', 'past', 'current', 'future', 'future']);
    expect(L.cells.filter((c) => c.phase === 'current').map((c) => c.t)).toEqual([3]);
  });

  it('stacks vertically: h circle, box (belt above the swatches, state line below), x circle, token', () => {
    const L = unrolledLayout({ n: 6, current: 0, hidden: 6, columns: 2 });
    const c = L.cells[0]!;
    expect(c.output.cy + c.output.r).toBeLessThan(c.y);
    expect(L.beltY).toBeGreaterThan(c.y);
    expect(L.beltY).toBeLessThan(L.unitY[0]!);
    expect(L.unitY[5]! + L.swatch.h).toBeLessThan(L.stateY);
    expect(L.stateY).toBeLessThan(c.y + c.h);
    expect(c.input.cy - c.input.r).toBeGreaterThan(c.y + c.h);
    expect(c.tokenY).toBeGreaterThan(c.input.cy + c.input.r);
    expect(L.height).toBeGreaterThan(c.tokenY);
    // Two columns of swatches and numbers fit inside the box.
    expect(c.x + L.columnX[1]! + L.swatch.w + L.numberW).toBeLessThanOrEqual(c.x + c.w);
  });

  it(`shows numbers up to ${CONDENSE_AFTER} tokens and condenses past that`, () => {
    const short = unrolledLayout({ n: CONDENSE_AFTER, current: 0, hidden: 6, columns: 2 });
    const long = unrolledLayout({ n: CONDENSE_AFTER + 1, current: 0, hidden: 6, columns: 2 });
    expect(short.condensed).toBe(false);
    expect(short.showNumbers).toBe(true);
    expect(long.condensed).toBe(true);
    expect(long.showNumbers).toBe(false);
    expect(long.cells[0]!.w).toBeLessThan(short.cells[0]!.w / 3);
    // 200 tokens condensed stay within a few screens.
    expect(unrolledLayout({ n: 200, current: 0, hidden: 6, columns: 2 }).width).toBeLessThan(200 * 40);
  });

  it('a wide model keeps its swatches inside the box without numbers', () => {
    const L = unrolledLayout({ n: 6, current: 0, hidden: 32, columns: 2 });
    expect(L.showNumbers).toBe(false);
    expect(L.unitY[L.unitY.length - 1]! + L.swatch.h).toBeLessThan(L.stateY);
  });

  it('scrolls so the current cell is centred, clamped at both ends', () => {
    const L = unrolledLayout({ n: 200, current: 0, hidden: 6, columns: 2 });
    expect(scrollLeftFor(L, 0, 390)).toBe(0);
    expect(scrollLeftFor(L, 199, 390)).toBe(L.width - 390);
    const mid = L.cells[100]!;
    const s = scrollLeftFor(L, 100, 390);
    expect(mid.x - s).toBeGreaterThan(0);
    expect(mid.x + mid.w - s).toBeLessThan(390);
  });
});

describe('a large cell in the chain', () => {
  it('draws at most MAX_CHAIN_UNITS rows, so the cell keeps a sensible height', async () => {
    const { MAX_CHAIN_UNITS } = await import('./unrolledLayout');
    const big = unrolledLayout({ n: 200, current: 0, hidden: 512, columns: 2 });
    const at = unrolledLayout({ n: 200, current: 0, hidden: MAX_CHAIN_UNITS, columns: 2 });
    expect(big.unitY.length).toBe(MAX_CHAIN_UNITS);
    expect(big.height).toBe(at.height);
    expect(unrolledLayout({ n: 5, current: 0, hidden: 6, columns: 1 }).unitY.length).toBe(6);
  });
});

describe('the slide layout', () => {
  it('draws SLIDE_UNITS units with their numbers in larger type, every row inside its box above the h line', () => {
    for (const hidden of [3, 6, 24, 512]) {
      const page = unrolledLayout({ n: 5, current: 2, hidden, columns: 2 });
      const slide = unrolledLayout({ n: 5, current: 2, hidden, columns: 2, slide: true });
      expect(slide.unitY).toHaveLength(Math.min(hidden, SLIDE_UNITS));
      expect(slide.showNumbers).toBe(true);
      for (const k of ['numberSize', 'labelSize', 'subSize', 'tokenSize'] as const) expect(slide[k]).toBeGreaterThan(page[k]);
      const cell = slide.cells[0]!;
      const lastRowBottom = slide.unitY[slide.unitY.length - 1]! + slide.swatch.h;
      expect(lastRowBottom).toBeLessThan(slide.stateY - 2);
      expect(slide.unitY[0]!).toBeGreaterThan(slide.beltY + 2);
      expect(cell.input.cy - cell.input.r).toBeGreaterThan(cell.y + cell.h);
      expect(cell.tokenY).toBeLessThanOrEqual(slide.height);
    }
  });

  it('leaves a long sentence condensed (no numbers) as on the page', () => {
    const slide = unrolledLayout({ n: 60, current: 2, hidden: 6, columns: 2, slide: true });
    expect(slide).toEqual(unrolledLayout({ n: 60, current: 2, hidden: 6, columns: 2 }));
  });
});
