import { describe, expect, it } from 'vitest';
import { CELL_KINDS, stackOf } from '../engine';
import { compareTraces, fullTraces } from './compare';
import { createGatescopeStore } from './store';

const TEXT = 'i grew up in france and i speak fluent french';

describe('whole-sentence traces', () => {
  it('fullTraces equals the store history run to the last step, for every kind', () => {
    for (const kind of CELL_KINDS) {
      const s = createGatescopeStore({ text: TEXT, kind });
      const full = fullTraces(stackOf(s.getState().model), s.getState().embedded)[0]!;
      expect(s.getState().t).toBe(0); // computing it did not move the student
      s.getState().goTo(99);
      const hist = s.getState().history;
      expect(full).toHaveLength(hist.length);
      full.forEach((tr, t) => expect(Array.from(tr.h)).toEqual(Array.from(hist[t]!.h)));
    }
  });

  it('compareTraces of a kind equals the store running that kind on the same sentence', () => {
    const lstm = createGatescopeStore({ text: TEXT, kind: 'lstm' });
    for (const kind of CELL_KINDS) {
      const other = createGatescopeStore({ text: TEXT, kind });
      other.getState().goTo(99);
      const cmp = compareTraces(kind, lstm.getState().embedded)!;
      cmp.forEach((tr, t) => {
        expect(tr.kind).toBe(kind);
        expect(Array.from(tr.h)).toEqual(Array.from(other.getState().history[t]!.h));
      });
    }
  });

  it('is memoized per token list and cell', () => {
    const s = createGatescopeStore({ text: TEXT });
    const e = s.getState().embedded;
    expect(compareTraces('rnn', e)).toBe(compareTraces('rnn', e));
    expect(compareTraces('gru', e)).not.toBe(compareTraces('rnn', e));
  });
});
