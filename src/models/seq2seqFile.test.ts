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

const tiny = () => initSeq2Seq({ id: 'translate-gru', kind: 'gru', srcWords: ['i', 'like', 'tea'], tgtTokens: ['我', '喜', '欢', '茶'], embedDim: 3, hidden: 4, seed: 2 });

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
});

const DIR = 'public/models/translate';
describe.runIf(existsSync(DIR))('the shipped translate models', () => {
  const data = translateData(TRANSLATE);
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
  it('are all five kinds', () => expect(files.sort()).toEqual(['translate-coupled.json', 'translate-gru.json', 'translate-lstm.json', 'translate-peephole.json', 'translate-rnn.json']));
  for (const f of files) {
    it(`${f}: its held-out report is what its own weights score`, () => {
      const json = JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'));
      const { model } = readSeq2SeqFile(json);
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
