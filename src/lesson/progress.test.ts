import { describe, expect, it } from 'vitest';
import { parseProgress } from './progress';

/** Where a reader with nothing saved starts: the first chapter, no answers. */
const NO_PROGRESS = { chapter: 0, answers: {} };

describe('lesson progress', () => {
  it('reads back what was saved', () => {
    expect(parseProgress(JSON.stringify({ chapter: 3, answers: { forgetUnit: 'keep', cEstimate: 0.7 } }), 12)).toEqual({ chapter: 3, answers: { forgetUnit: 'keep', cEstimate: 0.7 } });
  });
  it('treats anything unreadable as no progress', () => {
    expect(parseProgress(null, 12)).toEqual(NO_PROGRESS);
    expect(parseProgress('{oops', 12)).toEqual(NO_PROGRESS);
    expect(parseProgress(JSON.stringify({ chapter: 40, answers: { a: {} } }), 12)).toEqual({ chapter: 0, answers: {} });
  });
});
