import { describe, expect, it } from 'vitest';
import { randomTableModel } from '../models/random';
import { parseModelId } from './modelLoader';
import { chosenStateful } from './modelSlice';

describe('the stateful character model’s id', () => {
  it('is the charlm task and the LSTM, one layer, marked stateful; no other task has one', () => {
    expect(parseModelId('charlm-lstm-stateful')).toEqual({ task: 'charlm', kind: 'lstm', layers: 1, stateful: true });
    expect(parseModelId('charlm-lstm')).toEqual({ task: 'charlm', kind: 'lstm', layers: 1 });
    expect(parseModelId('sentiment-lstm-stateful')).toBeNull();
    expect(parseModelId('charlm-lstm-2layers-stateful')).toBeNull();
  });

  it('is what the picker shows as chosen: the model loading, else the one on screen', () => {
    const on = randomTableModel('lstm', 3, 4, ['a'], 1, 'charlm-lstm-stateful');
    const off = randomTableModel('lstm', 3, 4, ['a'], 1, 'charlm-lstm');
    expect(chosenStateful({ model: on, loading: null })).toBe(true);
    expect(chosenStateful({ model: off, loading: null })).toBe(false);
    expect(chosenStateful({ model: on, loading: 'charlm-gru' })).toBe(false);
    expect(chosenStateful({ model: off, loading: 'charlm-lstm-stateful' })).toBe(true);
  });
});
