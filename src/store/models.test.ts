import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGatescopeStore, kindOf } from './store';
import { parseUrlParams, writeUrlParams } from './urlParams';

/** Serves the shipped model files from disk, as the page's fetch would. */
const fromDisk = async (id: string) => JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')) as unknown;

describe('trained models in the store', () => {
  it('picking a task loads <task>-<kind>, and switching kinds keeps the task and the sentence', async () => {
    const s = createGatescopeStore({ text: 'the movie was not good', fetchModel: fromDisk });
    await s.getState().loadModel('sentiment-lstm');
    expect(s.getState().model.id).toBe('sentiment-lstm');
    expect(s.getState().task).toBe('sentiment');
    s.getState().setCellKind('gru');
    await vi_flush();
    expect(s.getState().model.id).toBe('sentiment-gru');
    expect(kindOf(s.getState())).toBe('gru');
    expect(s.getState().text).toBe('the movie was not good');
    s.getState().setTask('memory');
    await vi_flush();
    expect(s.getState().model.id).toBe('memory-gru');
    s.getState().setTask('demo');
    expect(s.getState().model.id).toBe('demo-gru');
    expect(s.getState().modelMeta).toBeNull();
  });

  it('a failed load keeps the current model and sets an error', async () => {
    const s = createGatescopeStore({ fetchModel: async () => Promise.reject(new Error('models/sentiment-rnn.json: HTTP 404')) });
    s.getState().setTask('sentiment');
    expect(s.getState().loading).toBe('sentiment-lstm');
    await vi_flush();
    expect(s.getState().model.id).toBe('demo-lstm');
    expect(s.getState().loading).toBeNull();
    expect(s.getState().loadError).toEqual({ id: 'sentiment-lstm', message: 'models/sentiment-rnn.json: HTTP 404' });
  });

  it('an invalid file is an error that names the field', async () => {
    const s = createGatescopeStore({ fetchModel: async () => ({ format: 'gatescope-model', version: 1 }) });
    await s.getState().loadModel('memory-rnn');
    expect(s.getState().model.id).toBe('demo-lstm');
    expect(s.getState().loadError?.message).toBe('id: missing');
  });

  it('a slow earlier load does not replace a later pick', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const s = createGatescopeStore({
      fetchModel: async (id) => {
        if (id === 'sentiment-rnn') await gate;
        return fromDisk(id);
      },
    });
    const slow = s.getState().loadModel('sentiment-rnn');
    await s.getState().loadModel('sentiment-gru');
    release();
    await slow;
    expect(s.getState().model.id).toBe('sentiment-gru');
  });

  it('the kind is the model on screen: while another kind loads it stays, and the link keeps it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const s = createGatescopeStore({
      text: 'the movie was not good',
      fetchModel: async (id) => {
        if (id === 'sentiment-gru') await gate;
        return fromDisk(id);
      },
    });
    await s.getState().loadModel('sentiment-lstm');
    s.getState().setCellKind('gru');
    expect(s.getState().loading).toBe('sentiment-gru');
    expect(kindOf(s.getState())).toBe('lstm');
    expect(writeUrlParams(s.getState())).toContain('model=sentiment-lstm');
    release();
    await vi_flush();
    expect(kindOf(s.getState())).toBe('gru');
    expect(s.getState().model.cell.kind).toBe('gru');
  });

  it('model= in the URL loads the model and sets the cell; the link writes it back', async () => {
    const { options, notices } = parseUrlParams('?model=sentiment-peephole&text=the%20movie%20was%20good');
    expect(notices).toEqual([]);
    const s = createGatescopeStore({ ...options, fetchModel: fromDisk });
    expect(kindOf(s.getState())).toBe('peephole');
    await vi_flush();
    expect(s.getState().model.id).toBe('sentiment-peephole');
    expect(writeUrlParams(s.getState())).toContain('model=sentiment-peephole');
    expect(parseUrlParams('?model=sentiment-transformer').notices[0]).toMatchObject({ param: 'model', reason: 'unknown' });
  });
});

/** Lets pending promise callbacks (the fake fetch, the load) run. */
async function vi_flush() {
  for (let k = 0; k < 5; k++) await new Promise((r) => setTimeout(r, 0));
}

describe('the time-series models', () => {
  it('picking "Time series" opens a model that reads numbers, on its first preset; the link reopens it', async () => {
    const s = createGatescopeStore({ text: 'the movie was not good', fetchModel: fromDisk, kind: 'gru' });
    s.getState().setTask('wave');
    await new Promise((r) => setTimeout(r, 0));
    await s.getState().loadModel('wave-gru');
    const st = s.getState();
    expect(st.model.id).toBe('wave-gru');
    expect(st.model.tokenizer).toBe('numbers');
    expect(st.text).toBe(st.modelMeta!.presets[0]);
    expect(st.tokenError).toBeNull();
    expect(st.tokens.length).toBe(48);
    const q = writeUrlParams(st);
    expect(q).toContain('model=wave-gru');
    const again = createGatescopeStore({ ...parseUrlParams(q).options, fetchModel: fromDisk });
    // Before the model arrives, the demo cell already reads the text as numbers would be read.
    expect(again.getState().model.tokenizer).toBe('numbers');
    // A link with the model and a step but no text opens the preset at that step.
    const linked = createGatescopeStore({ model: 'wave-lstm', t: 20, fetchModel: fromDisk });
    await new Promise((r) => setTimeout(r, 20));
    expect(linked.getState().model.id).toBe('wave-lstm');
    expect(linked.getState().t).toBe(20);
  });
});
