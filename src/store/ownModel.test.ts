/** Your own model in the (vanilla) store: a picked file, a `weights=` link, and every failure. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedToken, run } from '../engine';
import { parseModelFile } from '../models/format';
import { tokenize } from '../text/tokenize';
import { MAX_MODEL_BYTES, safeModelPath, type ModelSource } from './ownModel';
import { createGatescopeStore, kindOf } from './store';
import { parseUrlParams, writeUrlParams } from './urlParams';

const EXAMPLE = 'models/examples/tiny-pytorch-lstm.json';
const exampleText = readFileSync(`public/${EXAMPLE}`, 'utf8');
const fileOf = (name: string, text: string, size = text.length) => ({ name, size, text: async () => text });
/** Serves public/ from disk, as the page's same-origin fetch would. */
const fromDisk = async (path: string): Promise<ModelSource> => {
  const text = readFileSync(`public/${path}`, 'utf8');
  return { size: text.length, text: async () => text };
};
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('your own model', () => {
  it('a picked file becomes the model: the cell follows, the sentence stays, unknown words are <unk>', async () => {
    const s = createGatescopeStore({ text: 'the clouds are purple', kind: 'gru' });
    await s.getState().loadModelFile(fileOf('tiny.json', exampleText));
    const st = s.getState();
    expect(st.loadError).toBeNull();
    expect(st.model.id).toBe('tiny-pytorch-lstm');
    expect(kindOf(st)).toBe('lstm');
    expect(st.origin).toEqual({ from: 'file', name: 'tiny.json' });
    expect(st.text).toBe('the clouds are purple');
    expect(st.embedded.map((e) => e.seen)).toEqual(['the', 'clouds', 'are', '<unk>']);
    // The store's numbers are the engine's for the same file.
    s.getState().goTo(3);
    const m = parseModelFile(JSON.parse(exampleText));
    const ref = run(
      m.cell,
      tokenize('the clouds are purple').tokens.map((w) => embedToken(m.embedding, w).x),
    ).traces;
    expect(s.getState().history[3]!.h).toEqual(ref[3]!.h);
  });

  it('a broken file: the error names the field and shapes, and the current model stays', async () => {
    const s = createGatescopeStore({ kind: 'gru' });
    const f = JSON.parse(exampleText);
    f.cell.weights.weight_hh_l0.pop();
    await s.getState().loadModelFile(fileOf('broken.json', JSON.stringify(f)));
    expect(s.getState().model.id).toBe('demo-gru');
    expect(s.getState().origin).toBeNull();
    expect(s.getState().loading).toBeNull();
    expect(s.getState().loadError).toEqual({ id: 'broken.json', message: 'cell.weights.weight_hh_l0: expected shape [24][6], found [23][6] (G=4 gates, H=6 from its last dimension)' });
  });

  it('not JSON, and too big (refused unread)', async () => {
    const s = createGatescopeStore();
    await s.getState().loadModelFile(fileOf('notes.json', '{ "format": '));
    expect(s.getState().loadError).toMatchObject({ id: 'notes.json', reason: 'notJson' });
    let read = false;
    const huge = { name: 'checkpoint.json', size: MAX_MODEL_BYTES + 1, text: async () => ((read = true), exampleText) };
    await s.getState().loadModelFile(huge);
    expect(read).toBe(false);
    expect(s.getState().loadError).toMatchObject({ id: 'checkpoint.json', reason: 'tooBig', sizeMb: 20 });
    // MB are 10⁶ bytes: a 28.2 MB file (as Python and file managers count it) is said so, not 26.9.
    await s.getState().loadModelFile({ ...huge, size: 28_200_000 });
    expect(s.getState().loadError).toMatchObject({ reason: 'tooBig', sizeMb: 28.2, message: '28.2 MB > 20 MB' });
    expect(s.getState().model.id).toBe('demo-lstm');
    s.getState().clearLoadError();
    expect(s.getState().loadError).toBeNull();
  });

  it('weights= in the link loads the file and stays in the written link; picking a task leaves it', async () => {
    const { options, notices } = parseUrlParams(`?weights=${encodeURIComponent(EXAMPLE)}&text=the+sky`);
    expect(notices).toEqual([]);
    const s = createGatescopeStore({ ...options, fetchFile: fromDisk });
    await flush();
    await flush();
    expect(s.getState().model.id).toBe('tiny-pytorch-lstm');
    expect(s.getState().origin).toEqual({ from: 'url', name: EXAMPLE });
    expect(writeUrlParams(s.getState())).toBe(`?text=the+sky&weights=${encodeURIComponent(EXAMPLE)}`);
    s.getState().setTask('demo');
    expect(s.getState().origin).toBeNull();
    expect(writeUrlParams(s.getState())).toBe('?text=the+sky');
  });

  it('a failed fetch keeps the model', async () => {
    const s = createGatescopeStore({ fetchFile: async () => Promise.reject(new Error('models/nope.json: HTTP 404')) });
    await s.getState().loadModelUrl('models/nope.json');
    expect(s.getState().model.id).toBe('demo-lstm');
    expect(s.getState().loadError).toEqual({ id: 'models/nope.json', message: 'models/nope.json: HTTP 404' });
  });

  it('a later load wins over a slow earlier one', async () => {
    let release: (v: ModelSource) => void = () => {};
    const slow = new Promise<ModelSource>((r) => (release = r));
    const s = createGatescopeStore({ fetchFile: () => slow });
    const first = s.getState().loadModelUrl(EXAMPLE);
    s.getState().setCellKind('rnn');
    release({ size: exampleText.length, text: async () => exampleText });
    await first;
    expect(s.getState().model.id).toBe('demo-rnn');
  });

  it('weights= accepts only relative paths to .json files on this site', () => {
    for (const ok of [EXAMPLE, 'my-model.json', 'a/b_c/d.json']) expect(safeModelPath(ok)).toBe(ok);
    const bad = [
      'https://evil.example/m.json',
      '//evil.example/m.json',
      '/models/m.json',
      '../secret.json',
      'models/../../x.json',
      './m.json',
      'data:application/json,{}',
      'javascript:alert(1)//.json',
      'models/m.txt',
      'models\\m.json',
      'm%2e%2e.json',
      '',
    ];
    for (const b of bad) {
      expect(safeModelPath(b), b).toBeNull();
      const { options, notices } = parseUrlParams(`?weights=${encodeURIComponent(b)}`);
      expect(options.weights).toBeUndefined();
      expect(notices[0]?.reason, b).toBe('badPath');
    }
  });
});
