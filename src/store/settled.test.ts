import { describe, expect, it } from 'vitest';
import { settled } from './store';

describe('settled: no model on its way (main.tsx mounts, the build draws the first screen)', () => {
  const err = { id: 'sentiment-lstm', message: 'HTTP 404' };
  it('waits while the opening model or another one loads', () => {
    expect(settled({ opening: 'sentiment-lstm', loading: 'sentiment-lstm', loadError: null })).toBe(false);
    expect(settled({ opening: null, loading: 'sentiment-gru', loadError: null })).toBe(false);
  });
  it('is settled once it has landed, or has failed', () => {
    expect(settled({ opening: null, loading: null, loadError: null })).toBe(true);
    expect(settled({ opening: null, loading: null, loadError: err })).toBe(true);
    expect(settled({ opening: 'sentiment-lstm', loading: null, loadError: err })).toBe(true);
  });
});
