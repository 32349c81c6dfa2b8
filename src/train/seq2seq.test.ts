/**
 * The encoder–decoder's gradient against central differences, for every kind, with the encoder's
 * weights reached only through the handed-over state; greedy decoding's stops; the data's split.
 */
import { describe, expect, it } from 'vitest';
import { ALL_KINDS, BOS, EOS, seq2seqMismatch, translate, type CellKind } from '../engine';
import { CLAUSES, grammarVocab, longPairs, pairOf, roleOfPair, singleClausePairs, translationPairs } from './data/translate';
import { sequenceKey } from './data/split';
import { accumulateSeq2SeqGrads, encodePair, initSeq2Seq, scoreTranslations, seq2seqGradArrays, seq2seqParams, trainSeq2Seq, zeroSeq2SeqGrads, type TrainableSeq2Seq } from './seq2seq';

const tiny = (kind: CellKind, seed = 1, attention = false, locationReach = 0, readOnly = false, windowed = false): TrainableSeq2Seq =>
  initSeq2Seq({ id: `t-${kind}`, kind, srcWords: ['a', 'b', 'c'], tgtTokens: ['x', 'y'], embedDim: 3, hidden: 4, seed, attention, locationReach, readOnly, windowed });

/** Location weights start at zero, where ∂L/∂α_{u−1} vanishes; set them to values that pass it back. */
function withLocation(m: TrainableSeq2Seq): TrainableSeq2Seq {
  m.attention!.loc!.forEach((_, j, w) => (w[j] = 0.7 * Math.sin(3 * j + 1)));
  return m;
}

describe('seq2seq gradients', () => {
  // Every registered kind: today's hand their further states over too (the mLSTM only them, its h not being read).
  for (const [kind, attention] of [...ALL_KINDS.map((k) => [k, false] as const), ...ALL_KINDS.map((k) => [k, true] as const)]) {
    it(`${kind}${attention ? ' with attention' : ''}: every parameter, the encoder's through the hand-over${attention ? ' and the attention' : ''}, matches central differences`, () => {
      const m = tiny(kind, 1, attention);
      const pair = encodePair(m, ['a', 'c', 'b', 'a'], ['x', 'y', 'y']);
      const g = zeroSeq2SeqGrads(m);
      accumulateSeq2SeqGrads(m, pair, g);
      const grads = seq2seqGradArrays(g);
      const loss = () => accumulateSeq2SeqGrads(m, pair, zeroSeq2SeqGrads(m));
      const eps = 1e-5;
      let checked = 0;
      for (const [j, p] of seq2seqParams(m).entries()) {
        expect(grads[j]!.name).toBe(p.name);
        for (let k = 0; k < p.data.length; k++) {
          const o = p.data[k]!;
          p.data[k] = o + eps;
          const up = loss();
          p.data[k] = o - eps;
          const down = loss();
          p.data[k] = o;
          expect(Math.abs(grads[j]!.data[k]! - (up - down) / (2 * eps)), `${p.name}[${k}]`).toBeLessThan(1e-8);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      expect(grads.some((a) => a.name === 'attention.Wa')).toBe(attention);
      // The encoder learns only through the context, and it does get a gradient.
      const enc = grads.filter((a) => a.name.startsWith('encoder.') && a.name !== 'encoder.embedding');
      expect(enc.length).toBeGreaterThan(0);
      expect(enc.some((a) => a.data.some((v) => Math.abs(v) > 1e-6))).toBe(true);
    });
  }
});

describe('seq2seq gradients with location-aware attention', () => {
  // α_u reads α_{u−1}: the chain of weights is differentiated step by step, back to the first.
  // readOnly: </s> read after the source and no hand-over, so the encoder learns through attention alone.
  for (const [kind, readOnly] of [
    ['lstm', false],
    ['gru', false],
    ['rnn', false],
    ['lstm', true],
    ['coupled', true],
    ['gru', 'windowed'],
  ] as const) {
    it(`${kind}${readOnly ? ', </s> read and no hand-over' : ''}${readOnly === 'windowed' ? ', the hard window' : ''}: every parameter, the location weights and the chain through the steps' weights, matches central differences`, () => {
      // A source longer than the window (±1 here), so the window does mask words.
      const m = withLocation(tiny(kind, 2, true, readOnly === 'windowed' ? 1 : 2, !!readOnly, readOnly === 'windowed'));
      expect(m.sourceEnd ?? false).toBe(!!readOnly);
      const pair = encodePair(m, ['a', 'c', 'b', 'a', 'b'], ['x', 'y', 'y', 'x']);
      const g = zeroSeq2SeqGrads(m);
      accumulateSeq2SeqGrads(m, pair, g);
      const grads = seq2seqGradArrays(g);
      const loss = () => accumulateSeq2SeqGrads(m, pair, zeroSeq2SeqGrads(m));
      if (readOnly === 'windowed') {
        const r = translate(m, ['a', 'c', 'b', 'a', 'b'], 4);
        expect(r.decoder[0]!.attention!.weights.slice(2).every((w) => w === 0)).toBe(true);
        r.decoder.forEach((d) => expect(d.attention!.weights.filter((w) => w > 0).length).toBeLessThanOrEqual(3));
      }
      const eps = 1e-5;
      let worst = 0;
      for (const [j, p] of seq2seqParams(m).entries()) {
        expect(grads[j]!.name).toBe(p.name);
        for (let k = 0; k < p.data.length; k++) {
          const o = p.data[k]!;
          p.data[k] = o + eps;
          const up = loss();
          p.data[k] = o - eps;
          const down = loss();
          p.data[k] = o;
          const err = Math.abs(grads[j]!.data[k]! - (up - down) / (2 * eps));
          expect(err, `${p.name}[${k}]`).toBeLessThan(1e-8);
          worst = Math.max(worst, err);
        }
      }
      const loc = grads.find((a) => a.name === 'attention.loc')!;
      expect(loc.data.length).toBe(readOnly === 'windowed' ? 3 : 5);
      expect(loc.data.some((v) => Math.abs(v) > 1e-4)).toBe(true);
      const enc = grads.filter((a) => a.name.startsWith('encoder.') && a.name !== 'encoder.embedding');
      expect(enc.some((a) => a.data.some((v) => Math.abs(v) > 1e-6))).toBe(true);
      console.log(`${kind} with location${readOnly ? ', read only' : ''}: max absolute gradient error ${worst.toExponential(2)}`);
    });
  }

  it('readOnly: the encoder reads </s> after the source and the decoder starts from zero', () => {
    const m = tiny('gru', 4, true, 2, true);
    const r = translate(m, ['a', 'b'], 5);
    expect(r.source).toEqual(['a', 'b', EOS]);
    expect(r.encoder.length).toBe(3);
    expect([...r.context.h]).toEqual([0, 0, 0, 0]);
    for (const d of r.decoder) expect(d.attention!.weights.length).toBe(3);
    expect(seq2seqMismatch({ ...m, attention: undefined })).toMatch(/^without attention/);
  });

  it('zero location weights give exactly the content-only model', () => {
    const a = tiny('lstm', 3, true, 0);
    const b = tiny('lstm', 3, true, 3);
    const src = ['a', 'b', 'c', 'a'];
    const [ta, tb] = [translate(a, src, 6), translate(b, src, 6)];
    expect(tb.output).toEqual(ta.output);
    ta.decoder.forEach((d, u) => d.attention!.weights.forEach((w, t) => expect(tb.decoder[u]!.attention!.weights[t]).toBe(w)));
  });
});

describe('greedy decoding', () => {
  it('stops at </s>, and otherwise at the length limit', () => {
    const m = tiny('lstm');
    const head = m.decoder.head;
    const eos = head.labels.indexOf(EOS);
    const y = head.labels.indexOf('y');
    // Bias the head hard towards "y": it never ends, so the limit stops it.
    head.b.fill(0);
    head.b[y] = 50;
    let r = translate(m, ['a', 'b'], 7);
    expect(r.ended).toBe(false);
    expect(r.output).toEqual(Array(7).fill('y'));
    expect(r.decoder[0]!.input).toBe(BOS);
    expect(r.decoder[1]!.input).toBe('y');
    // Towards </s>: it ends at once, writing nothing.
    head.b[eos] = 100;
    r = translate(m, ['a', 'b'], 7);
    expect(r.ended).toBe(true);
    expect(r.output).toEqual([]);
    expect(r.decoder).toHaveLength(1);
    expect(r.decoder[0]!.top[0]!.token).toBe(EOS);
    expect(r.decoder[0]!.top.map((t) => t.p)).toEqual([...r.decoder[0]!.top.map((t) => t.p)].sort((a, b) => b - a));
    expect(r.encoder).toHaveLength(2);
    expect(Array.from(r.context.h)).toEqual(Array.from(r.encoder[1]!.h));
  });

  it('refuses halves that cannot hand a state over', () => {
    const a = tiny('lstm');
    const b = tiny('gru');
    expect(seq2seqMismatch({ ...a, decoder: b.decoder })).toMatch(/encoder is "lstm" but the decoder is "gru"/);
    expect(() => translate({ ...a, decoder: b.decoder }, ['a'])).toThrow(/translate:/);
  });

  it('a tiny copy task is learned (the loss falls and greedy output is exact)', () => {
    const m = initSeq2Seq({ id: 't', kind: 'lstm', srcWords: ['a', 'b'], tgtTokens: ['x', 'y'], embedDim: 4, hidden: 8, seed: 3 });
    const srcs = [['a'], ['b'], ['a', 'b'], ['b', 'a'], ['a', 'a'], ['b', 'b']];
    const data = srcs.map((s) =>
      encodePair(
        m,
        s,
        s.map((w) => (w === 'a' ? 'x' : 'y')),
      ),
    );
    const { losses } = trainSeq2Seq(m, { epochs: 150, batchSize: 6, lrAt: () => 0.03, clipNorm: 5, seed: 1, data: () => data });
    expect(losses[losses.length - 1]!).toBeLessThan(losses[0]! / 10);
    const outs = srcs.map((s) => translate(m, s, 6).output);
    expect(
      scoreTranslations(
        outs,
        srcs.map((s) => s.map((w) => (w === 'a' ? 'x' : 'y'))),
      ),
    ).toEqual({ pairs: 6, exact: 1, chars: 1 });
  });
});

describe('translation data', () => {
  it('the grammar: 468 clauses, all distinct, each with its Chinese', () => {
    expect(CLAUSES).toHaveLength(468);
    expect(new Set(CLAUSES.map((c) => c.en)).size).toBe(468);
    expect(pairOf([CLAUSES[0]!])).toEqual({ src: ['i', 'grew', 'up', 'in', 'france'], tgt: Array.from('我在法国长大') });
    const v = grammarVocab();
    expect(v.tgt).toContain('，');
    expect(v.src).toContain('and');
  });

  it('held-out, validation and training sentences are disjoint by construction', () => {
    const train = translationPairs('train', 2000, 1);
    const long = longPairs('test', 50, 4, 3);
    expect(long.every((p) => p.src.filter((w) => w === 'and').length === 2)).toBe(true);
    expect(new Set(long.map((p) => sequenceKey(p.src))).size).toBe(50);
    const test = [...translationPairs('test', 300, 2), ...singleClausePairs('test'), ...long];
    const val = translationPairs('validation', 300, 3);
    const keys = (ps: typeof train) => new Set(ps.map((p) => sequenceKey(p.src)));
    const [tr, te, va] = [keys(train), keys(test), keys(val)];
    for (const k of te) expect(tr.has(k) || va.has(k)).toBe(false);
    for (const k of va) expect(tr.has(k)).toBe(false);
    expect(test.every((p) => roleOfPair(p) === 'test')).toBe(true);
    // Both lengths are in the held-out set, so accuracy by length can be measured.
    expect(test.some((p) => p.src.includes('and'))).toBe(true);
    expect(test.some((p) => !p.src.includes('and'))).toBe(true);
  });

  it('scores: exact match and character accuracy count missing characters as wrong', () => {
    expect(
      scoreTranslations(
        [['我', '在'], ['他']],
        [
          ['我', '在'],
          ['他', '们'],
        ],
      ),
    ).toEqual({ pairs: 2, exact: 0.5, chars: 0.75 });
  });
});
