import { describe, expect, it } from 'vitest';
import { initNetwork } from '../train/network';
import { toModelFile } from '../models/write-format';
import { READ_IN_WORKER_CHARS, defaultModelReader, readModelText } from './modelReader';

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
