import { describe, expect, it } from 'vitest';
import { SPEEDS } from '../store/defaults';
import { MAX_SEQUENCE_MS, MIN_STAGE_MS, STAGE_COUNT, stepSequenceMs } from './stages';

describe('stepSequenceMs', () => {
  it('takes at most 80 % of the time between steps, and never longer than the cap', () => {
    expect(stepSequenceMs(0.5)).toBe(MAX_SEQUENCE_MS);
    expect(stepSequenceMs(2)).toBe(400);
    expect(stepSequenceMs(4)).toBe(200);
  });

  it('plays no sequence when a stage would be shorter than three frames', () => {
    expect(stepSequenceMs(8)).toBe(0);
    expect(stepSequenceMs(16)).toBe(0);
    expect(stepSequenceMs(30)).toBe(0);
  });

  it('at every offered speed: either no sequence, or stages of at least the minimum', () => {
    for (const speed of SPEEDS) {
      const ms = stepSequenceMs(speed);
      expect(ms === 0 || ms / STAGE_COUNT >= MIN_STAGE_MS).toBe(true);
      expect(ms).toBeLessThanOrEqual((1000 / speed) * 0.8);
    }
  });
});
