import { describe, expect, it } from 'vitest';
import { type initialState, run } from '../engine';
import { Adam } from './adam';
import { accumulateLmGradsFrom, modelBpc } from './charlm';
import { embedIds } from './loss';
import { initNetwork, modelGrads, modelParams, zeroModelGrads } from './network';
import { Streams, joinTexts, statefulBpc, statefulUpdate, zeroStates } from './statefulLm';

const VOCAB = ['<unk>', ' ', 'a', 'b', '"'];
const tiny = () => initNetwork({ id: 't', task: 'charlm', kind: 'lstm', vocab: VOCAB, embedDim: 3, hidden: 4, headKind: 'softmax', labels: VOCAB, seed: 5, tokenizer: 'chars' });
const text = Int32Array.from({ length: 61 }, (_, k) => (k * 7 + (k >> 2)) % VOCAB.length);

describe('stateful streams', () => {
  it('cut the text into contiguous streams, read window by window; each window starts where the last one ended', () => {
    const s = new Streams(text, 3, 5);
    expect(s.length).toBe(20);
    expect(s.windows).toBe(3);
    // Stream 1 is characters 20..39: its windows share their boundary characters.
    expect(Array.from(s.at(1, 0))).toEqual(Array.from(text.subarray(20, 26)));
    expect(s.at(1, 1)[0]).toBe(s.at(1, 0)[5]);
    expect(Array.from(s.at(2, 2))).toEqual(Array.from(text.subarray(50, 56)));
    expect(() => new Streams(text, 30, 5)).toThrow(/no window/);
  });

  it('joins texts with a space after each', () => {
    expect(Array.from(joinTexts([Int32Array.from([2, 3]), Int32Array.from([4])], 1))).toEqual([2, 3, 1, 4, 1]);
  });

  it('carries each stream’s state across windows: after k updates it is the state of reading the stream from its start, from zero', () => {
    const m = tiny();
    const s = new Streams(text, 3, 5);
    const states = zeroStates(m, 3);
    expect(states.every((x) => x.h.every((v) => v === 0) && x.c!.every((v) => v === 0))).toBe(true);
    // lr 0: the weights stay, so the carried state can be checked against one run over the stream.
    const adam = new Adam(modelParams(m), { lr: 0 });
    for (let k = 0; k < 3; k++) statefulUpdate(m, adam, s, states, k, 1);
    for (let b = 0; b < 3; b++) {
      const read = Array.from(text.subarray(b * 20, b * 20 + 15));
      const { final } = run(m.cell, embedIds(m, read));
      for (let u = 0; u < 4; u++) {
        expect(states[b]!.h[u]).toBeCloseTo(final.h[u]!, 12);
        expect(states[b]!.c![u]).toBeCloseTo(final.c![u]!, 12);
      }
    }
  });

  it('stops the gradient at the window’s start: it is the derivative with the carried state held fixed, not through the window before', () => {
    const m = tiny();
    const before = Array.from(text.subarray(0, 8));
    const win = Array.from(text.subarray(8, 15));
    const meanNll = (s0: ReturnType<typeof initialState>) => {
      const { traces } = run(m.cell, embedIds(m, win.slice(0, -1)), s0);
      const p = traces.map((tr, t) => {
        const z = m.head.W.data;
        const H = m.cell.hiddenSize;
        const logits = Array.from({ length: VOCAB.length }, (_, y) => m.head.b[y]! + Array.from(tr.h).reduce((a, h, k) => a + z[y * H + k]! * h, 0));
        const mx = Math.max(...logits);
        const lse = mx + Math.log(logits.reduce((a, l) => a + Math.exp(l - mx), 0));
        return lse - logits[win[t + 1]!]!;
      });
      return p.reduce((a, b) => a + b, 0) / p.length;
    };
    const carried = run(m.cell, embedIds(m, before)).final;
    const g = zeroModelGrads(m);
    const out = accumulateLmGradsFrom(m, win, carried, g);
    expect(out.loss).toBeCloseTo(meanNll(carried), 12);
    const grads = modelGrads(g);
    const eps = 1e-5;
    let throughBefore = 0;
    for (const [j, p] of modelParams(m).entries()) {
      for (let k = 0; k < p.data.length; k++) {
        const o = p.data[k]!;
        // Truncated: s0 is the constant carried in; full: s0 recomputed from the nudged weights.
        p.data[k] = o + eps;
        const up = meanNll(carried);
        const upFull = meanNll(run(m.cell, embedIds(m, before)).final);
        p.data[k] = o - eps;
        const down = meanNll(carried);
        const downFull = meanNll(run(m.cell, embedIds(m, before)).final);
        p.data[k] = o;
        expect(Math.abs(grads[j]!.data[k]! - (up - down) / (2 * eps)), `${p.name}[${k}]`).toBeLessThan(1e-8);
        throughBefore = Math.max(throughBefore, Math.abs(grads[j]!.data[k]! - (upFull - downFull) / (2 * eps)));
      }
    }
    // The full gradient differs: the window before does reach the loss, and is cut off on purpose.
    expect(throughBefore).toBeGreaterThan(1e-4);
  });

  it('scores whole texts statefully, equal to one chunk from the zero state', () => {
    const m = tiny();
    expect(statefulBpc(m, [text]).bpc).toBeCloseTo(modelBpc(m, [text]), 12);
    expect(statefulBpc(m, [text]).count).toBe(60);
    expect(() => statefulBpc(m, [Int32Array.from([1])])).toThrow(/no character/);
  });
});
