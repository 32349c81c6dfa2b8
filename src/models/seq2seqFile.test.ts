/**
 * The encoder–decoder file: written and read back to the same numbers (6 digits, as every
 * shipped file), broken files named by the half and field that is wrong, and the shipped
 * translate models' reports measured again from their own weights.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../engine';
import { initSeq2Seq, scoreTranslations } from '../train/seq2seq';
import { translateData, TRANSLATE } from '../train/translateTask';
import { readSeq2SeqFile, toSeq2SeqFile } from './seq2seqFile';

const tiny = (attention = false, locationReach = 0) =>
  initSeq2Seq({
    id: attention ? 'translate-attn-gru' : 'translate-gru',
    kind: 'gru',
    srcWords: ['i', 'like', 'tea'],
    tgtTokens: ['我', '喜', '欢', '茶'],
    embedDim: 3,
    hidden: 4,
    seed: 2,
    attention,
    locationReach,
  });

describe('the seq2seq file', () => {
  it('round-trips: the same translation, every step within the 6-digit rounding', () => {
    const m = tiny();
    const back = readSeq2SeqFile(JSON.parse(JSON.stringify(toSeq2SeqFile(m, { presets: ['i like tea'] })))).model;
    expect(back.encoder.head).toBeNull();
    const [a, b] = [translate(m, ['i', 'like', 'tea'], 6), translate(back, ['i', 'like', 'tea'], 6)];
    expect(b.output).toEqual(a.output);
    a.decoder.forEach((d, u) => d.probs.forEach((p, k) => expect(Math.abs(p - b.decoder[u]!.probs[k]!)).toBeLessThan(1e-4)));
  });

  it('names what is wrong', () => {
    const good = () => JSON.parse(JSON.stringify(toSeq2SeqFile(tiny())));
    expect(() => readSeq2SeqFile({ ...good(), format: 'gatescope-model' })).toThrow(/^format: expected "gatescope-seq2seq"/);
    const f = good();
    f.encoder.head = f.decoder.head;
    expect(() => readSeq2SeqFile(f)).toThrow(/^encoder\.head: this half has no head: its final state is its output/);
    const g = good();
    g.decoder.cell.hiddenSize = 5;
    expect(() => readSeq2SeqFile(g)).toThrow(/^decoder\.cell/);
    const h = good();
    h.encoder.embedding.table[0][0] = 'x';
    expect(() => readSeq2SeqFile(h)).toThrow(/^encoder\.embedding\.table/);
    const k = good();
    k.decoder.head.labels = [...k.decoder.head.labels].reverse();
    expect(() => readSeq2SeqFile(k)).toThrow(/^decoder: the decoder head’s labels must be its vocabulary/);
    expect(() => readSeq2SeqFile([])).toThrow(/expected a JSON object/);
  });

  it('with attention: round-trips the attention weights, and every step’s weights are the same', () => {
    const m = tiny(true);
    const json = JSON.parse(JSON.stringify(toSeq2SeqFile(m)));
    expect(json.attention.score).toBe('luong-general');
    const back = readSeq2SeqFile(json).model;
    expect(back.attention).toBeDefined();
    const [a0, a1] = [m.attention!, back.attention!];
    for (const [x, y] of [
      [a0.Wa.data, a1.Wa.data],
      [a0.Wc.data, a1.Wc.data],
      [a0.bc, a1.bc],
    ] as const) {
      expect(y.length).toBe(x.length);
      x.forEach((v, j) => expect(Math.abs(y[j]! - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-5 + 1e-12));
    }
    const src = ['i', 'like', 'tea'];
    const [a, b] = [translate(m, src, 6), translate(back, src, 6)];
    expect(b.output).toEqual(a.output);
    a.decoder.forEach((d, u) => d.attention!.weights.forEach((w, t) => expect(Math.abs(w - b.decoder[u]!.attention!.weights[t]!)).toBeLessThan(1e-4)));
    // A file without the block is the plain model, as every file before attention.
    expect(readSeq2SeqFile({ ...json, attention: undefined }).model.attention).toBeUndefined();
  });

  it('names what is wrong in the attention block', () => {
    const good = () => JSON.parse(JSON.stringify(toSeq2SeqFile(tiny(true))));
    const bad = (change: (f: { attention: Record<string, unknown> & { Wa: number[][]; Wc: number[][]; bc: unknown[] } }) => void) => {
      const f = good();
      change(f);
      return () => readSeq2SeqFile(f);
    };
    expect(bad((f) => (f.attention = 'yes' as never))).toThrow(/^attention: expected an object, found string/);
    expect(bad((f) => (f.attention.score = 'bahdanau'))).toThrow(/^attention\.score: unknown attention score "bahdanau"; expected one of luong-general/);
    expect(bad((f) => Reflect.deleteProperty(f.attention, 'Wa'))).toThrow(/^attention\.Wa: missing/);
    expect(bad((f) => f.attention.Wa.pop())).toThrow(/^attention\.Wa: expected 4×4 \(rows×cols\), found 3 rows/);
    expect(bad((f) => f.attention.Wc[1]!.pop())).toThrow(/^attention\.Wc\[1\]: expected 8 values, found 7/);
    expect(bad((f) => (f.attention.bc[2] = null))).toThrow(/^attention\.bc\[2\]: expected a finite number, found null/);
    expect(bad((f) => (f.attention.location = [1, 2, 3]))).toThrow(/^attention\.location: location weights need the score "luong-general\+location"/);
  });

  it('with location weights: named in the score, round-tripped, the same weights at every step; broken ones named', () => {
    const m = tiny(true, 2);
    m.attention!.loc!.set([0.5, -1, 2, 1.5, -0.25]);
    const json = JSON.parse(JSON.stringify(toSeq2SeqFile(m)));
    expect(json.attention.score).toBe('luong-general+location');
    expect(json.attention.location).toEqual([0.5, -1, 2, 1.5, -0.25]);
    const back = readSeq2SeqFile(json).model;
    expect([...back.attention!.loc!]).toEqual([0.5, -1, 2, 1.5, -0.25]);
    const src = ['i', 'like', 'tea', 'tea'];
    const [a, b] = [translate(m, src, 6), translate(back, src, 6)];
    expect(b.output).toEqual(a.output);
    a.decoder.forEach((d, u) => d.attention!.weights.forEach((w, t) => expect(Math.abs(w - b.decoder[u]!.attention!.weights[t]!)).toBeLessThan(1e-4)));
    const broken = (change: (a: Record<string, unknown>) => void) => {
      const f = JSON.parse(JSON.stringify(json));
      change(f.attention);
      return () => readSeq2SeqFile(f);
    };
    expect(broken((a) => Reflect.deleteProperty(a, 'location'))).toThrow(/^attention\.location: missing/);
    expect(broken((a) => (a.location = [1, 2]))).toThrow(/^attention\.location: expected an odd number of weights \(w_−K … w_K\), found 2/);
    expect(broken((a) => (a.location = [1, null, 2]))).toThrow(/^attention\.location\[1\]: expected a finite number, found null/);
  });

  it('the hard window is named in the score and read back as one', () => {
    const m = initSeq2Seq({
      id: 'translate-attn-gru',
      kind: 'gru',
      srcWords: ['i', 'like', 'tea'],
      tgtTokens: ['我', '喜', '欢', '茶'],
      embedDim: 3,
      hidden: 4,
      seed: 2,
      attention: true,
      locationReach: 1,
      windowed: true,
    });
    const json = JSON.parse(JSON.stringify(toSeq2SeqFile(m)));
    expect(json.attention.score).toBe('luong-general+location-window');
    const back = readSeq2SeqFile(json).model;
    expect(back.attention!.windowed).toBe(true);
    expect(readSeq2SeqFile({ ...json, attention: { ...json.attention, score: 'luong-general+location' } }).model.attention!.windowed).toBeUndefined();
    const src = ['i', 'like', 'tea', 'tea', 'i'];
    expect(translate(back, src, 6).output).toEqual(translate(m, src, 6).output);
  });

  it('reading only (</s> after the source, no hand-over): written, read back, the same translation; wrong flags named', () => {
    const m = initSeq2Seq({
      id: 'translate-attn-gru',
      kind: 'gru',
      srcWords: ['i', 'like', 'tea'],
      tgtTokens: ['我', '喜', '欢', '茶'],
      embedDim: 3,
      hidden: 4,
      seed: 2,
      attention: true,
      locationReach: 1,
      readOnly: true,
    });
    const json = JSON.parse(JSON.stringify(toSeq2SeqFile(m)));
    expect([json.sourceEnd, json.handOver]).toEqual([true, false]);
    const back = readSeq2SeqFile(json).model;
    expect([back.sourceEnd, back.handOver]).toEqual([true, false]);
    const [a, b] = [translate(m, ['i', 'like', 'tea'], 6), translate(back, ['i', 'like', 'tea'], 6)];
    expect(b.source).toEqual(['i', 'like', 'tea', '</s>']);
    expect(b.output).toEqual(a.output);
    expect(() => readSeq2SeqFile({ ...json, handOver: 'no' })).toThrow(/^handOver: expected true or false, found "no"/);
    expect(() => readSeq2SeqFile({ ...json, attention: undefined })).toThrow(/^attention: without attention the decoder needs the hand-over/);
    const plain = JSON.parse(JSON.stringify(toSeq2SeqFile(tiny())));
    expect(() => readSeq2SeqFile({ ...plain, sourceEnd: true })).toThrow(/^encoder: the encoder reads "<\/s>" after the source, so its vocabulary needs it/);
  });
});

const DIR = 'public/models/translate';
describe.runIf(existsSync(DIR))('the shipped translate models', () => {
  const data = translateData(TRANSLATE);
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
  const classic = ['coupled', 'gru', 'lstm', 'peephole', 'rnn'];
  it('are all five kinds, plain and with attention', () => expect(files.sort()).toEqual([...classic.map((k) => `translate-${k}.json`), ...classic.map((k) => `translate-attn-${k}.json`)].sort()));
  for (const f of files) {
    it(`${f}: its held-out report is what its own weights score`, () => {
      const json = JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'));
      const { model } = readSeq2SeqFile(json);
      expect(model.attention !== undefined).toBe(f.startsWith('translate-attn-'));
      const r = json.report as { heldout: { exact: number; chars: number; pairs: number } };
      const outs = data.heldout.map((p) => translate(model, p.src, 64).output);
      const s = scoreTranslations(
        outs,
        data.heldout.map((p) => p.tgt),
      );
      expect(s.pairs).toBe(r.heldout.pairs);
      // The file's weights are rounded to 6 digits: a pair or two may flip, no more.
      expect(Math.abs(s.exact - r.heldout.exact)).toBeLessThanOrEqual(2 / s.pairs);
      expect(Math.abs(s.chars - r.heldout.chars)).toBeLessThan(0.005);
    });
  }
});
