import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS, stackOf } from '../engine';
import { fullTraces } from '../store/sentenceTraces';
import { createCompareRowSelector, demoTraces as compareTraces } from './compare';
import { createGatescopeStore } from '../store/store';

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

describe('the comparison row selector', () => {
  const fromDisk = async (id: string) => JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')) as unknown;
  const flush = () => new Promise((r) => setTimeout(r, 0));

  it('with the demo: the demo cell of the compared kind, memoized until an input changes', () => {
    const s = createGatescopeStore({ text: TEXT, kind: 'lstm' });
    const select = createCompareRowSelector();
    const row = select(s.getState());
    expect(row.source).toBe('demo');
    expect(row.partnerId).toBeNull();
    expect(row.traces).toBe(compareTraces('rnn', s.getState().embedded));
    s.getState().goTo(3); // stepping changes no input of the row
    expect(select(s.getState())).toBe(row);
    s.getState().setCompareKind('gru');
    const gru = select(s.getState());
    expect(gru).not.toBe(row);
    expect(gru.traces![0]!.kind).toBe('gru');
  });

  it('with a trained model: the same task’s model of the other kind, through its own embedding', async () => {
    const s = createGatescopeStore({ text: 'the movie was not good', fetchModel: fromDisk });
    await s.getState().loadModel('sentiment-lstm');
    const select = createCompareRowSelector();
    const waiting = select(s.getState());
    expect(waiting).toMatchObject({ source: 'shipped', partnerId: 'sentiment-rnn', traces: null, error: null });
    s.getState().requestPartner(waiting.partnerId);
    await flush();
    const row = select(s.getState());
    // The store's own history of that model on the same sentence, stepped to the end.
    const other = createGatescopeStore({ text: 'the movie was not good', fetchModel: fromDisk });
    await other.getState().loadModel('sentiment-rnn');
    other.getState().goTo(99);
    const expected = other.getState().history;
    expect(row.traces).toHaveLength(expected.length);
    row.traces!.forEach((tr, t) => expect(Array.from(tr.h)).toEqual(Array.from(expected[t]!.h)));
  });
});
