import { describe, expect, it } from 'vitest';
import { run } from '../../engine';
import { translator } from '../../i18n';
import { randomTableModel } from '../../models/random';
import { embedAll } from '../../store/history';
import { formatValue } from '../../viz/vectors';
import { MAX_CHAIN_UNITS, unrolledLayout } from '../../viz/unrolledLayout';
import { chainCellName } from './ChainRow';

describe("a chain cell's accessible name", () => {
  it('reads every unit of a small cell, and the drawn units then a count for a large one', () => {
    const en = translator('en');
    for (const [H, spoken] of [
      [6, 6],
      [512, MAX_CHAIN_UNITS],
    ] as const) {
      const m = randomTableModel('lstm', 4, H, ['a', 'b'], 2);
      const tr = run(
        m.cell,
        embedAll(m, ['a', 'b']).map((e) => e.x),
      ).traces;
      const L = unrolledLayout({ n: 2, current: 1, hidden: H, columns: 2 });
      const name = chainCellName(en, L.cells[1]!, 'b', tr[1]!);
      const t1 = tr[1]!;
      if (t1.kind !== 'lstm') throw new Error('an LSTM trace');
      const h = Array.from(t1.h.slice(0, spoken), formatValue).join(', ');
      const c = Array.from(t1.c.slice(0, spoken), formatValue).join(', ');
      const more = H > spoken ? `, ${H - spoken} more units in the values table` : '';
      expect(name).toBe(`step 1, token “b”, h = [${h}${more}], C = [${c}${more}], current step`);
    }
  });
});
