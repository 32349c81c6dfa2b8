/**
 * Gatescope against real PyTorch (1.13, Debian's python3-torch): the models in
 * scripts/fixtures/pytorch were written by scripts/pytorch-fixtures.py executing the README's own
 * code blocks (export_pytorch, save_safetensors, torch.onnx.export), with PyTorch's per-step h
 * and C of every layer and its head's probability. Every file there is checked; none may be left
 * unchecked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../src/models/format';
import { DIR, fixtureFiles, fixtureNames, modelFromOnnx, modelFromSafetensors, onnxFilesOf, readJson, worstDiff, type Expected } from './pytorch-agreement';

const files = fixtureFiles();
const names = fixtureNames();
const read = readJson;

describe('real PyTorch fixtures', () => {
  it('has the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
    // Every model file belongs to a name with PyTorch's outputs, so none is left untested.
    for (const f of files.filter((f) => /\.(json|safetensors|onnx)$/.test(f) && !f.endsWith('.expected.json'))) {
      expect(
        names.some((n) => f === `${n}.json` || f === `${n}.safetensors` || onnxFilesOf(n).includes(f)),
        f,
      ).toBe(true);
    }
    // The README's Net by every route, for each kind and stack height, exported as the README says.
    for (const kind of ['lstm', 'gru', 'rnn'])
      for (const layers of [1, 2, 3]) {
        const n = `readme-${kind}-${layers}`;
        for (const ext of ['.json', '.safetensors', '.onnx', '.vocab.txt']) expect(files).toContain(n + ext);
        if (layers === 2) for (const v of [9, 11, 17]) expect(files).toContain(`${n}.opset${v}.onnx`);
        if (layers === 3) expect(files).toContain(`${n}.dynamic.onnx`);
      }
  });

  for (const name of names) {
    const exp = () => read(`${name}.expected.json`) as Expected;
    if (files.includes(`${name}.json`)) {
      it(`${name}.json (the README's export_pytorch) equals PyTorch to 1e-5`, () => {
        expect(worstDiff(parseModelFile(read(`${name}.json`)), exp())).toBeLessThan(1e-5);
      });
    }
    if (files.includes(`${name}.safetensors`)) {
      it(`${name}.safetensors (the README's save_safetensors, float32) equals PyTorch to 1e-5`, () => {
        expect(worstDiff(modelFromSafetensors(name), exp())).toBeLessThan(1e-5);
      });
    }
    for (const f of onnxFilesOf(name)) {
      it(`${f} (the README's torch.onnx.export, float32) equals PyTorch to 1e-5`, () => {
        expect(worstDiff(modelFromOnnx(name, f), exp())).toBeLessThan(1e-5);
      });
    }
  }

  it("were made from the README's code blocks as they are today (else: rerun scripts/pytorch-fixtures.py)", () => {
    // The same blocks, found the same way, as the script executes (readme_blocks()).
    const readme = readFileSync(resolve(DIR, '../../../README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const one = (marker: string) => {
      const found = blocks.filter((b) => b.includes(marker));
      expect(found, marker).toHaveLength(1);
      return createHash('sha256').update(found[0]!, 'utf8').digest('hex');
    };
    const today = `export ${one('def export_pytorch')}\nonnx ${one('torch.onnx.export(')}\nsafetensors ${one('def save_safetensors')}\n`;
    expect(today).toBe(readFileSync(resolve(DIR, 'readme-blocks.sha256.txt'), 'utf8'));
  });

  it('refuses a vocabulary cut without "<unk>", saying how to keep it (not only how to rename it)', () => {
    const file = read('readme-lstm-1.json') as { embedding: { vocab: string[]; weight: number[][] } };
    expect(file.embedding.vocab[0]).toBe('<unk>');
    file.embedding.vocab.shift();
    file.embedding.weight.shift();
    expect(() => parseModelFile(file)).toThrow(/^embedding\.vocab: has no "<unk>" among its 9 words; .*rename it "<unk>"; .*max_words\), keep "<unk>" among them/);
  });

  it("computes nn.RNN(nonlinearity='relu') as relu, every route, 1–3 layers; its state goes past 1 and is kept there", () => {
    for (const layers of [1, 2, 3]) {
      const name = `rnn-relu-${layers}`;
      for (const ext of ['.json', '.safetensors', '.onnx', '.static.onnx']) expect(files).toContain(name + ext);
      expect(parseModelFile(read(`${name}.json`)).cell).toMatchObject({ kind: 'rnn', activation: 'relu' });
    }
    const large = read('rnn-relu-large-1.expected.json') as Expected;
    const hs = large.steps.flatMap((s) => s.layers.flatMap((l) => l.h));
    // The fixture means something only if PyTorch's own h leaves tanh's range and relu's zeros show.
    expect(Math.max(...hs)).toBeGreaterThan(2);
    expect(hs.filter((v) => v === 0).length).toBeGreaterThan(0);
    // Read as tanh, the same weights are far from PyTorch: the nonlinearity is what is compared.
    const asTanh = read('rnn-relu-large-1.json') as { cell: { config: { nonlinearity: string } } };
    asTanh.cell.config.nonlinearity = 'tanh';
    expect(worstDiff(parseModelFile(asTanh), large)).toBeGreaterThan(0.1);
  });

  it('would see a change in the top layer alone (the comparison can fail)', () => {
    const file = read('lstm-2.json') as { cell: { weights: { weight_hh_l1: number[][] } } };
    file.cell.weights.weight_hh_l1[0]![0]! += 0.05;
    expect(worstDiff(parseModelFile(file), read('lstm-2.expected.json') as Expected)).toBeGreaterThan(1e-4);
  });
});
