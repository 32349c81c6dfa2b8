import { describe, expect, it } from 'vitest';
import { embedToken, initialState, predict, step, type Model } from '../engine';
import { demoModel } from '../models/demo';
import { initNetwork } from '../train/network';
import { linePoints, predictionsOverSentence, topK } from './predictions';

const net = (headKind: 'sigmoid' | 'softmax', kind: 'lstm' | 'rnn' = 'lstm'): Model =>
  initNetwork({ id: 't', task: 'custom', kind, vocab: ['<unk>', 'a', 'b'], embedDim: 3, hidden: 4, headKind, labels: headKind === 'sigmoid' ? ['neg', 'pos'] : ['x', 'y', 'z'], seed: 7 });

describe('predictionsOverSentence', () => {
  it('is the head applied to h after every step, computed step by step', () => {
    for (const headKind of ['sigmoid', 'softmax'] as const) {
      const m = net(headKind);
      const embedded = ['a', 'b', 'zzz', 'a'].map((t) => embedToken(m.embedding, t));
      const got = predictionsOverSentence(m, embedded);
      let s = initialState(m.cell);
      expect(got).toHaveLength(4);
      embedded.forEach((e, t) => {
        s = step(m.cell, s, e.x).state;
        expect(got[t]).toEqual(predict(m.head!, s.h));
        expect(got[t]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      });
      expect(got[0]).toHaveLength(headKind === 'sigmoid' ? 2 : 3);
    }
  });
  it('is empty without a head or without tokens', () => {
    const demo = demoModel('gru');
    expect(demo.head ?? null).toBeNull();
    expect(predictionsOverSentence(demo, [embedToken(demo.embedding, 'hello')])).toEqual([]);
    expect(predictionsOverSentence(net('softmax'), [])).toEqual([]);
  });
});

describe('topK', () => {
  it('ranks labels by probability, best first, keeping their indices', () => {
    expect(topK([0.1, 0.6, 0.3], ['x', 'y', 'z'], 2)).toEqual([
      { label: 'y', index: 1, p: 0.6 },
      { label: 'z', index: 2, p: 0.3 },
    ]);
  });
  it('keeps the first on ties, falls back to the index for a missing label, and caps k', () => {
    expect(topK([0.5, 0.5], ['a'], 5)).toEqual([
      { label: 'a', index: 0, p: 0.5 },
      { label: '1', index: 1, p: 0.5 },
    ]);
    expect(topK([], [], 3)).toEqual([]);
  });
});

describe('linePoints', () => {
  it('spreads the tokens across the width and puts p = 1 at the top', () => {
    expect(linePoints([1, 0.5, 0], 100, 60, 10)).toEqual([
      { x: 10, y: 10 },
      { x: 50, y: 30 },
      { x: 90, y: 50 },
    ]);
  });
  it('centres a single token', () => {
    expect(linePoints([0.25], 100, 60, 10)).toEqual([{ x: 50, y: 40 }]);
    expect(linePoints([], 100, 60, 10)).toEqual([]);
  });
});
