import { describe, expect, it } from 'vitest';
import { initNetwork } from '../train/network';
import { toModelFile } from '../models/write-format';
import { READ_IN_WORKER_CHARS, defaultBinaryReader, defaultModelReader, readModelBinary, readModelText } from './modelReader';
import { readFileSync } from 'node:fs';
import { stackOf } from '../engine';

const text = JSON.stringify(toModelFile(initNetwork({ id: 'r', task: 'custom', kind: 'gru', vocab: ['<unk>', 'a'], embedDim: 2, hidden: 3, headKind: 'sigmoid', labels: ['n', 'p'], seed: 1 })));

describe('reading a model file’s text', () => {
  it('gives the model, or says whether the text was not JSON or the file was wrong', async () => {
    const r = readModelText(text);
    expect(r.ok && r.model.cell.kind).toBe('gru');
    expect(readModelText('{ nope')).toMatchObject({ ok: false, notJson: true });
    const bad = readModelText(text.replace('"gru"', '"grue"'));
    expect(bad).toMatchObject({ ok: false, notJson: false });
    expect(!bad.ok && bad.message).toMatch(/^cell\.kind: /);
    // Without workers (here, Node), even a large text is read in place, with the same result.
    expect(text.length).toBeLessThan(READ_IN_WORKER_CHARS);
    const big = `${text}${' '.repeat(READ_IN_WORKER_CHARS)}`;
    const r2 = await defaultModelReader(big);
    expect(r2.ok && r2.model.id).toBe('r');
  });
});

describe('reading a .safetensors or .onnx file', () => {
  const dir = 'scripts/fixtures/pytorch';
  const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)), vocab: { name: 'v.txt', text: readFileSync(`${dir}/lstm-2.vocab.txt`, 'utf8') } });
  it('reads both kinds into the checked model (here: no worker, as in a small file)', async () => {
    for (const name of ['lstm-2.safetensors', 'lstm-2.onnx']) {
      const r = await defaultBinaryReader(file(name));
      expect(r.ok, name).toBe(true);
      if (r.ok) expect(stackOf(r.model)).toHaveLength(2);
    }
  });
  it('a problem is a message naming the file, not a throw', async () => {
    const r = await readModelBinary({ ...file('lstm-2.onnx'), vocab: null });
    expect(r).toMatchObject({ ok: false, notJson: false });
    expect(!r.ok && r.message).toMatch(/^lstm-2\.onnx: holds no vocabulary/);
    const cut = await readModelBinary({ ...file('lstm-2.safetensors'), bytes: new Uint8Array(5) });
    expect(!cut.ok && cut.message).toMatch(/^lstm-2\.safetensors: is 5 bytes, too short/);
  });
});
