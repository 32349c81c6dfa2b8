/**
 * Gatescope against real PyTorch (1.13, Debian's python3-torch): the models in
 * scripts/fixtures/pytorch were exported by the README's own export_pytorch and saved as
 * .safetensors by scripts/pytorch-fixtures.py, with PyTorch's per-step h and C of every layer
 * and its head's probability. Every file there is checked; none may be left unchecked.
 */
import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../src/models/format';
import { fixtureFiles, fixtureNames, modelFromOnnx, modelFromSafetensors, readJson, worstDiff, type Expected } from './pytorch-agreement';

const files = fixtureFiles();
const names = fixtureNames();
const read = readJson;

describe('real PyTorch fixtures', () => {
  it('has the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    // Every binary file has its expected outputs, so none is left untested.
    for (const f of files.filter((f) => /\.(safetensors|onnx)$/.test(f))) expect(files).toContain(f.replace(/\.(safetensors|onnx)$/, '.f32.expected.json'));
  });

  for (const name of names) {
    const exp = read(`${name}.expected.json`) as Expected;
    if (name.startsWith('rnn-relu')) {
      // ReLU RNNs are not computed yet: refused, naming the setting, never computed as tanh.
      it(`${name}.json is refused, naming cell.config.nonlinearity`, () => {
        expect(() => parseModelFile(read(`${name}.json`))).toThrow(/^cell\.config\.nonlinearity: unsupported activation "relu"/);
      });
      continue;
    }
    it(`${name}.json (the README's export_pytorch) equals PyTorch to 1e-5`, () => {
      const model = parseModelFile(read(`${name}.json`));
      expect(worstDiff(model, exp)).toBeLessThan(1e-5);
    });
  }

  it('would see a change in the top layer alone (the comparison can fail)', () => {
    const file = read('lstm-2.json') as { cell: { weights: { weight_hh_l1: number[][] } } };
    file.cell.weights.weight_hh_l1[0]![0]! += 0.05;
    expect(worstDiff(parseModelFile(file), read('lstm-2.expected.json') as Expected)).toBeGreaterThan(1e-4);
  });

  for (const f of files.filter((f) => f.endsWith('.safetensors'))) {
    const name = f.slice(0, -'.safetensors'.length);
    it(`${f} (state_dict, float32) equals PyTorch to 1e-5`, () => {
      expect(worstDiff(modelFromSafetensors(name), read(`${name}.f32.expected.json`) as Expected)).toBeLessThan(1e-5);
    });
  }

  for (const f of files.filter((f) => f.endsWith('.onnx'))) {
    const name = f.slice(0, -'.onnx'.length);
    it(`${f} (torch.onnx.export, float32) equals PyTorch to 1e-5`, () => {
      expect(worstDiff(modelFromOnnx(name), read(`${name}.f32.expected.json`) as Expected)).toBeLessThan(1e-5);
    });
  }
});
