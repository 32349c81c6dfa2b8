import { describe, expect, it } from 'vitest';
import { ALL_KINDS, type CellKind } from '../engine';
import { accumulateLmGrads, baselineBpc, bigramBaseline, charVocab, encodeChars, heldoutChunks, modelBpc, sampleWindows, unigramBaseline } from './charlm';
import { initNetwork, modelGrads, modelParams, zeroModelGrads } from './network';

const VOCAB = ['<unk>', ' ', 'a', 'b', '"'];
const tiny = (kind: CellKind, vocab = VOCAB) => initNetwork({ id: 't', task: 'charlm', kind, vocab, embedDim: 3, hidden: 4, headKind: 'softmax', labels: vocab, seed: 11, tokenizer: 'chars' });

describe('next-character loss', () => {
  for (const kind of ALL_KINDS) {
    it(`${kind}: every parameter's gradient matches central differences of the mean loss`, () => {
      const m = tiny(kind);
      const ids = [2, 3, 1, 2, 4, 0, 2];
      const g = zeroModelGrads(m);
      const loss = accumulateLmGrads(m, ids, g);
      const grads = modelGrads(g);
      // The loss on its own, as modelBpc counts it (in nats): mean over the 6 predicted characters.
      const lossOf = () => modelBpc(m, [Int32Array.from(ids)]) * Math.LN2;
      expect(loss).toBeCloseTo(lossOf(), 12);
      const eps = 1e-5;
      for (const [j, p] of modelParams(m).entries()) {
        for (let k = 0; k < p.data.length; k++) {
          const o = p.data[k]!;
          p.data[k] = o + eps;
          const up = lossOf();
          p.data[k] = o - eps;
          const down = lossOf();
          p.data[k] = o;
          expect(Math.abs(grads[j]!.data[k]! - (up - down) / (2 * eps)), `${p.name}[${k}]`).toBeLessThan(1e-8);
        }
      }
    });
  }
});

describe('bits per character', () => {
  it('a model that predicts every character equally gives log2 of the vocabulary size', () => {
    const m = tiny('lstm');
    m.head.W.data.fill(0);
    m.head.b.fill(0);
    const chunks = heldoutChunks([encodeChars(VOCAB, 'ab ba "ab" a')], 5);
    expect(modelBpc(m, chunks)).toBeCloseTo(Math.log2(VOCAB.length), 12);
  });

  it('the unigram baseline is add-one character frequency; the bigram one sums to 1 after every character', () => {
    const train = [Int32Array.from([2, 2, 3, 1])];
    const uni = unigramBaseline(train, 5);
    // Counts + 1: <unk> 1, ' ' 2, a 3, b 2, " 1, of 9.
    expect([0, 1, 2, 3, 4].map((y) => uni.prob(0, y))).toEqual([1 / 9, 2 / 9, 3 / 9, 2 / 9, 1 / 9]);
    const bi = bigramBaseline(train, 5, 0.5);
    for (let x = 0; x < 5; x++) expect([0, 1, 2, 3, 4].reduce((a, y) => a + bi.prob(x, y), 0)).toBeCloseTo(1, 12);
    // After 'a' the training text had 'a' once and 'b' once: (1 + 0.5) / (2 + 0.5·5).
    expect(bi.prob(2, 3)).toBeCloseTo(1.5 / 4.5, 12);
    // Both baselines score the same predicted characters as the model: the chunk's first is context.
    const chunk = [Int32Array.from([2, 3])];
    expect(baselineBpc(uni, chunk)).toBeCloseTo(-Math.log2(2 / 9), 12);
    expect(baselineBpc(bi, chunk)).toBeCloseTo(-Math.log2(1.5 / 4.5), 12);
  });
});

describe('vocabulary and windows', () => {
  it('keeps characters seen often enough, most frequent first, after <unk>', () => {
    expect(charVocab(['aab', 'a c'], 2)).toEqual(['<unk>', 'a']);
    expect(charVocab(['aab', 'a c'], 1)).toEqual(['<unk>', 'a', ' ', 'b', 'c']);
    expect(Array.from(encodeChars(['<unk>', 'a'], 'aza'))).toEqual([1, 0, 1]);
  });

  it('held-out chunks overlap by one character (context) and cover every character once as a target', () => {
    const ids = Int32Array.from({ length: 23 }, (_, k) => k);
    const chunks = heldoutChunks([ids], 10);
    expect(chunks.map((c) => c.length)).toEqual([11, 11, 3]);
    expect(chunks.flatMap((c) => Array.from(c.subarray(1)))).toEqual(Array.from(ids.subarray(1)));
  });

  it('training windows come from the given texts only, and the same seed draws the same windows', () => {
    const a = Int32Array.from({ length: 50 }, () => 1);
    const b = Int32Array.from({ length: 50 }, () => 2);
    const w = sampleWindows([a, b], 10, 40, 3);
    expect(w.every((x) => x.length === 11 && (x.every((v) => v === 1) || x.every((v) => v === 2)))).toBe(true);
    expect(w.some((x) => x[0] === 1) && w.some((x) => x[0] === 2)).toBe(true);
    expect(sampleWindows([a, b], 10, 40, 3).map((x) => x[0])).toEqual(w.map((x) => x[0]));
  });
});

describe('windows of short texts', () => {
  it('a text shorter than a window is taken whole, and texts are drawn in proportion to their length', () => {
    const short = Int32Array.from([1, 2, 3]);
    const long = Int32Array.from({ length: 300 }, () => 4);
    const w = sampleWindows([short, long], 10, 2000, 5);
    const whole = w.filter((x) => x.length === 3);
    expect(whole.every((x) => Array.from(x).join() === '1,2,3')).toBe(true);
    expect(w.filter((x) => x.length === 11).every((x) => x.every((v) => v === 4))).toBe(true);
    // 3 of 303 characters are the short text's: about 1% of the windows.
    expect(whole.length / w.length).toBeGreaterThan(0.003);
    expect(whole.length / w.length).toBeLessThan(0.03);
  });
});
