import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate, type CellKind } from '../engine';
import { readSeq2SeqFile } from '../models/seq2seqFile';
import { createGatescopeStore } from '../store/store';
import { tokenize } from '../text/tokenize';
import { translateStepsOf, translationOf } from './translation';

const fromDisk = (kind: CellKind) => JSON.parse(readFileSync(`public/models/translate/translate-${kind}.json`, 'utf8')) as unknown;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the translate view’s encoder–decoder, owned by the store', () => {
  it('is fetched once per kind by the store, and its steps are derived from it and the sentence', async () => {
    const asked: CellKind[] = [];
    const store = createGatescopeStore({ kind: 'gru', text: 'i grew up in france', fetchSeq2Seq: async (k) => (asked.push(k), fromDisk(k)) });
    expect(translateStepsOf(store.getState())).toBe(0);
    store.getState().requestSeq2Seq('gru');
    store.getState().requestSeq2Seq('gru');
    expect(translationOf(store.getState())).toBeNull();
    await flush();
    const shown = translationOf(store.getState())!;
    // The engine's own run, independently: encoder steps, then the decoder's.
    const { model } = readSeq2SeqFile(fromDisk('gru'));
    const source = tokenize('i grew up in france', model.encoder.tokenizer).tokens;
    const r = translate(model, source);
    expect(shown.total).toBe(source.length + r.decoder.length);
    expect(shown.result.output).toEqual(r.output);
    expect(translateStepsOf(store.getState())).toBe(shown.total);

    // A new sentence: new steps, without another fetch.
    store.getState().setText('i speak fluent french');
    const again = translationOf(store.getState())!;
    expect(again.source).toEqual(tokenize('i speak fluent french', model.encoder.tokenizer).tokens);
    expect(again.total).toBe(again.source.length + translate(model, again.source).decoder.length);
    expect(asked).toEqual(['gru']);
  });

  it('shows nothing of another kind’s model, and names a failed fetch', async () => {
    const store = createGatescopeStore({
      kind: 'lstm',
      text: 'i grew up in france',
      fetchSeq2Seq: async (k) => {
        if (k === 'rnn') throw new Error('models/translate/translate-rnn.json: HTTP 404');
        return fromDisk(k);
      },
    });
    store.getState().requestSeq2Seq('lstm');
    await flush();
    expect(translationOf(store.getState())?.model.encoder.cell.kind).toBe('lstm');
    store.getState().setCellKind('rnn');
    expect(translationOf(store.getState())).toBeNull();
    store.getState().requestSeq2Seq('rnn');
    await flush();
    expect(store.getState().seq2seq?.error).toContain('HTTP 404');
    expect(translateStepsOf(store.getState())).toBe(0);
  });

  it('with attention: the attentive file of the kind, cached apart from the plain one, shown only while attention is chosen', async () => {
    const asked: string[] = [];
    const file = (k: CellKind, attention: boolean) => JSON.parse(readFileSync(`public/models/translate/translate-${attention ? 'attn-' : ''}${k}.json`, 'utf8')) as unknown;
    const store = createGatescopeStore({ kind: 'rnn', text: 'i grew up in france', translateAttention: true, fetchSeq2Seq: async (k, a) => (asked.push(`${k}|${a}`), file(k, a)) });
    const s = () => store.getState();
    s().requestSeq2Seq('rnn', s().translateAttention);
    await flush();
    const shown = translationOf(s())!;
    expect(shown.model.attention).toBeDefined();
    const r = translate(readSeq2SeqFile(file('rnn', true)).model, ['i', 'grew', 'up', 'in', 'france']);
    shown.result.decoder.forEach((d, u) => expect(Array.from(d.attention!.weights)).toEqual(Array.from(r.decoder[u]!.attention!.weights)));
    // Attention off: the attentive model is not shown as the plain one, until the plain one lands.
    s().setTranslateAttention(false);
    expect(translationOf(s())).toBeNull();
    s().requestSeq2Seq('rnn', false);
    await flush();
    expect(translationOf(s())!.model.attention).toBeUndefined();
    s().setTranslateAttention(true);
    s().requestSeq2Seq('rnn', true);
    await flush();
    expect(translationOf(s())!.model.attention).toBeDefined();
    expect(asked).toEqual(['rnn|true', 'rnn|false']);
  });
});
