import { describe, expect, it } from 'vitest';
import { CLAUSES, pairOf } from './translate';
import { FRESH_TRANSLATIONS } from './translateFresh';

describe('the fresh translation set (written after training)', () => {
  it('each hand-written Chinese is the grammar’s translation of its English, clause by clause', () => {
    const byEn = new Map(CLAUSES.map((c) => [c.en, c]));
    for (const [en, zh] of FRESH_TRANSLATIONS) {
      const clauses = en.split(' and ').map((c) => byEn.get(c));
      expect(
        clauses.every((c) => c !== undefined),
        `"${en}" is in the grammar`,
      ).toBe(true);
      expect(pairOf(clauses as NonNullable<(typeof clauses)[number]>[]).tgt.join(''), en).toBe(zh);
    }
  });

  it('has at least 6 one-clause and 12 multi-clause sentences, all distinct', () => {
    const clauses = FRESH_TRANSLATIONS.map(([en]) => en.split(' and ').length);
    expect(clauses.filter((n) => n === 1).length).toBeGreaterThanOrEqual(6);
    expect(clauses.filter((n) => n > 1).length).toBeGreaterThanOrEqual(12);
    expect(new Set(FRESH_TRANSLATIONS.map(([en]) => en)).size).toBe(FRESH_TRANSLATIONS.length);
  });
});
