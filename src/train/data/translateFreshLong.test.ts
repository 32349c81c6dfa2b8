import { describe, expect, it } from 'vitest';
import { TRANSLATE, translateData } from '../translateTask';
import { CLAUSES, pairOf } from './translate';
import { FRESH_TRANSLATIONS } from './translateFresh';
import { FRESH_LONG_TRANSLATIONS } from './translateFreshLong';

describe('the second fresh set: three and four clauses (written after training)', () => {
  it('each hand-written Chinese is the grammar’s translation of its English, clause by clause', () => {
    const byEn = new Map(CLAUSES.map((c) => [c.en, c]));
    for (const [en, zh] of FRESH_LONG_TRANSLATIONS) {
      const clauses = en.split(' and ').map((c) => byEn.get(c));
      expect(
        clauses.every((c) => c !== undefined),
        `"${en}" is in the grammar`,
      ).toBe(true);
      expect(pairOf(clauses as NonNullable<(typeof clauses)[number]>[]).tgt.join(''), en).toBe(zh);
    }
  });

  it('at least 10 sentences of three or four clauses, distinct, and none in the first fresh set, the held-out long sentences or training', () => {
    const clauses = FRESH_LONG_TRANSLATIONS.map(([en]) => en.split(' and ').length);
    expect(clauses.every((n) => n === 3 || n === 4)).toBe(true);
    expect(clauses.length).toBeGreaterThanOrEqual(10);
    expect(clauses.filter((n) => n === 4).length).toBeGreaterThanOrEqual(4);
    expect(new Set(FRESH_LONG_TRANSLATIONS.map(([en]) => en)).size).toBe(FRESH_LONG_TRANSLATIONS.length);
    const d = translateData(TRANSLATE);
    const seen = new Set([...FRESH_TRANSLATIONS.map(([en]) => en), ...[...d.train, ...d.validation, ...d.heldout, ...d.long].map((p) => p.src.join(' '))]);
    for (const [en] of FRESH_LONG_TRANSLATIONS) expect(seen.has(en), en).toBe(false);
  });
});
