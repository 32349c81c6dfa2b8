import { describe, expect, it } from 'vitest';
import { NAME_COLUMN_PX, UNIT_COLUMN_PX, tableWindow } from './tableWindow';

describe('the values table window', () => {
  it('covers every column on screen, with a few either side, and never runs past the ends', () => {
    const count = 128;
    for (const scroll of [0, 10, 500, 4000, 20000]) {
      for (const width of [390, 960, 1280, 1920]) {
        const w = tableWindow(scroll, width, count);
        expect(w.first).toBeGreaterThanOrEqual(0);
        expect(w.end).toBeLessThanOrEqual(count);
        // Every unit column whose box [k·px, (k+1)·px) meets the seen span is built.
        const seenFrom = Math.max(0, scroll);
        const seenTo = seenFrom + width - NAME_COLUMN_PX;
        for (let k = 0; k < count; k++) {
          const meets = k * UNIT_COLUMN_PX < seenTo && (k + 1) * UNIT_COLUMN_PX > seenFrom;
          if (meets) expect(k >= w.first && k < w.end, `scroll ${scroll}, width ${width}, column ${k}`).toBe(true);
        }
        expect(w.end - w.first).toBeLessThanOrEqual(Math.ceil(width / UNIT_COLUMN_PX) + 7);
      }
    }
  });
  it('builds at least one column, and none of an empty table', () => {
    expect(tableWindow(0, 100, 5).end).toBeGreaterThan(0);
    expect(tableWindow(0, 1280, 0)).toEqual({ first: 0, end: 0 });
    // Scrolled past the end (the model shrank): the last columns.
    const w = tableWindow(1e6, 1280, 10);
    expect(w.end).toBe(10);
    expect(w.first).toBeLessThan(10);
  });
});
