import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../engine';
import { demoModel } from '../models/demo';
import { readSeq2SeqFile } from '../models/seq2seqFile';
import { grammarVocab } from '../train/data/translate';
import { initSeq2Seq } from '../train/seq2seq';
import { questionById } from './questions';

const read = (id: string) => readSeq2SeqFile(JSON.parse(readFileSync(`public/models/translate/${id}.json`, 'utf8'))).model;
const translators = (kind: 'gru' | 'lstm') => ({ plain: read(`translate-${kind}`), attention: read(`translate-attn-${kind}`) });
const TEXT = 'i grew up in france and she lives in japan';
const ask = (id: string, kind: 'gru' | 'lstm', text = TEXT, tr = translators(kind)) => questionById(id).solve({ model: demoModel(kind), text, translators: tr });

describe('the translator chapter’s questions', () => {
  it('judge the plain translator’s second clause from its own output: the GRU’s is wrong, the LSTM’s right', () => {
    const gru = ask('plainSecond', 'gru')!;
    const lstm = ask('plainSecond', 'lstm')!;
    // The numbers are the engine's: the output quoted is what the decoder writes here.
    const out = translate(translators('gru').plain, TEXT.split(' ')).output.join('');
    expect(gru.why.out).toBe(out);
    expect(gru.why.should).toBe('我在法国长大，她住在日本');
    expect(gru.answer).toBe(out.split('，')[1] === '她住在日本' ? 'right' : 'wrong');
    expect(gru.answer).toBe('wrong');
    expect(lstm.answer).toBe('right');
    // The figure opens at the first character that departs from the right translation.
    const off = Array.from(out).findIndex((c, k) => c !== Array.from('我在法国长大，她住在日本')[k]);
    expect(gru.reveal).toEqual({ view: 'translate', text: TEXT, attention: false, translateStep: 10 + off });
  });

  it('read the attention weights at the step that writes the second place, for another sentence too', () => {
    const a = ask('attnSource', 'gru')!;
    expect(a.ask).toEqual({ p1: 'france', p2: 'japan', zh: '日本' });
    const m = translators('gru').attention;
    const r = translate(m, TEXT.split(' '));
    const u = Array.from('我在法国长大，她住在日本').indexOf('日');
    const w = r.decoder[u]!.attention!.weights;
    expect(a.answer).toBe('place2');
    expect(a.why.w).toBe(w[9]!.toFixed(2));
    expect(a.reveal).toEqual({ view: 'translate', text: TEXT, attention: true, translateStep: r.source.length + u });
    const b = ask('attnSource', 'gru', 'she lives in germany and we grew up in spain')!;
    expect(b.ask).toEqual({ p1: 'germany', p2: 'spain', zh: '西班牙' });
  });

  it('follow the model: untrained encoder–decoders with attention give other answers, from their own weights', () => {
    const { src, tgt } = grammarVocab();
    const base = ask('attnSource', 'gru')!.answer;
    const answers: string[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = initSeq2Seq({ id: 'rnd', kind: 'gru', srcWords: src, tgtTokens: tgt, embedDim: 8, hidden: 12, seed, attention: true });
      const r = translate(rnd, TEXT.split(' '));
      const sol = ask('attnSource', 'gru', TEXT, { plain: rnd, attention: rnd });
      // An untrained decoder may stop before the step that would write the place: then nothing is asked.
      const u = Array.from('我在法国长大，她住在日本').indexOf('日');
      if (r.decoder.length <= u) {
        expect(sol).toBeNull();
        continue;
      }
      // The answer is the word the engine's weights put first at that step.
      const w = Array.from(r.decoder[u]!.attention!.weights);
      expect(sol!.why.word).toBe(TEXT.split(' ')[w.indexOf(Math.max(...w))]);
      answers.push(String(sol!.answer));
    }
    expect(answers.length).toBeGreaterThanOrEqual(3);
    expect(answers.filter((x) => x !== base).length).toBeGreaterThan(0);
    // Without translators (a chapter whose models have not landed), nothing is asked.
    expect(questionById('attnSource').solve({ model: demoModel('gru'), text: TEXT })).toBeNull();
    // A sentence the grammar cannot check (one clause) asks nothing either.
    expect(ask('plainSecond', 'gru', 'i grew up in france')).toBeNull();
  });
});
