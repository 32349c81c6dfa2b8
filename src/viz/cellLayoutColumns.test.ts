import { describe, expect, it } from 'vitest';
import { GRID_STEPS, WIDTH, columns } from './cellLayoutBuilder';
import { CELL_KINDS } from '../engine';
import { cellLayout } from './cellLayout';

describe('column slots', () => {
  it('places grid steps on the viewBox by one scale, rounded to whole units', () => {
    expect(columns({ a: 0, b: 22, c: 108.5, d: GRID_STEPS })).toEqual({ a: 0, b: 220, c: 1085, d: WIDTH });
    // 37 steps of 1200/120 is 369.99999999999994 in floating point before rounding.
    expect(columns({ i: 37 }).i).toBe(370);
  });

  it('re-spaces every column together when the viewBox is narrower', () => {
    const wide = columns({ left: 5, mid: 60, right: 115 });
    const narrow = columns({ left: 5, mid: 60, right: 115 }, GRID_STEPS, WIDTH / 2);
    expect(narrow).toEqual({ left: Math.round(wide.left / 2), mid: wide.mid / 2, right: Math.round(wide.right / 2) });
  });

  it('keeps every node of every kind inside its viewBox', () => {
    for (const kind of CELL_KINDS) {
      const l = cellLayout(kind, { rows: 8, collapsed: true, inputRows: 8 });
      for (const n of l.nodes) {
        expect(n.x - n.w / 2, `${kind} ${n.id}`).toBeGreaterThanOrEqual(0);
        expect(n.x + n.w / 2, `${kind} ${n.id}`).toBeLessThanOrEqual(l.width);
      }
    }
  });
});
