/**
 * Gatescope against the real-PyTorch fixtures (scripts/pytorch-fixtures.py): the per-step h and C of
 * every layer and the head's probability. Used by scripts/pytorch-fixtures.test.ts, and run alone
 * it prints the largest difference per fixture:
 *
 *   npx tsx scripts/pytorch-agreement.ts [folder]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embedToken, predict, runStack, stackOf, type Model } from '../src/engine';
import { parseModelFile } from '../src/models/format';
import { onnxToModel } from '../src/models/onnx';
import { readSafetensors, readVocab, stateDictToModel } from '../src/models/safetensors';
import { tokenize } from '../src/text/tokenize';
import { cliArgs } from './cli';

const runAlone = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
/** The fixtures; run alone, the folder named after it if any (scripts/export-precision.py's). */
const folder = runAlone
  ? cliArgs({
      script: 'pytorch-agreement.ts',
      usage: `
usage: npx tsx scripts/pytorch-agreement.ts [FOLDER]
The largest difference from the real-PyTorch fixtures in FOLDER (default scripts/fixtures/pytorch), per fixture.`,
      positionals: 1,
    }).positionals[0]
  : undefined;
export const DIR = folder ? resolve(folder) : resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/pytorch');

export interface Expected {
  readonly text: string;
  readonly tokens: readonly string[];
  readonly steps: readonly { layers: readonly { h: number[]; c?: number[] }[]; p: number }[];
}

export const readJson = (name: string) => JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as unknown;
export const fixtureFiles = () => readdirSync(DIR);
/** The fixtures by name (lstm-2, readme-gru-3 …): each has PyTorch's outputs in <name>.expected.json. */
export const fixtureNames = () =>
  fixtureFiles()
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.expected.json'.length));
/** A fixture's .onnx files: <name>.onnx and its variants <name>.<opset9|dynamic|…>.onnx, the same weights. */
export const onnxFilesOf = (name: string) => fixtureFiles().filter((f) => f === `${name}.onnx` || (f.startsWith(`${name}.`) && /^[a-z0-9]+\.onnx$/.test(f.slice(name.length + 1))));

export function modelFromSafetensors(name: string): Model {
  const f = `${name}.safetensors`;
  const { tensors, metadata } = readSafetensors(new Uint8Array(readFileSync(resolve(DIR, f))), f);
  const vocab = readVocab(readFileSync(resolve(DIR, `${name}.vocab.txt`), 'utf8'), `${name}.vocab.txt`);
  return stateDictToModel(tensors, metadata, vocab, f, `${name}.vocab.txt`).model;
}

/** A torch.onnx.export file of fixture `name`, read by the ONNX reader with the fixture's vocabulary. */
export function modelFromOnnx(name: string, file = `${name}.onnx`): Model {
  const vocab = readVocab(readFileSync(resolve(DIR, `${name}.vocab.txt`), 'utf8'), `${name}.vocab.txt`);
  return onnxToModel(new Uint8Array(readFileSync(resolve(DIR, file))), file, vocab, `${name}.vocab.txt`).model;
}

/**
 * The largest |Gatescope − PyTorch| over every step, layer, unit and the probability; throws when
 * the model reads the text into other tokens, or has another number of layers, than PyTorch did.
 */
export function worstDiff(model: Model, exp: Expected): number {
  const tokens = tokenize(exp.text, model.tokenizer).tokens;
  if (tokens.join(' ') !== exp.tokens.join(' ')) throw new Error(`tokens differ: ${tokens.join(' ')} vs PyTorch's ${exp.tokens.join(' ')}`);
  const { layers } = runStack(
    stackOf(model),
    tokens.map((t) => embedToken(model.embedding, t).x),
  );
  if (layers.length !== exp.steps[0]!.layers.length) throw new Error(`${layers.length} layers, PyTorch has ${exp.steps[0]!.layers.length}`);
  let worst = 0;
  const note = (a: number, b: number) => (worst = Math.max(worst, Number.isFinite(a) ? Math.abs(a - b) : Infinity));
  exp.steps.forEach((s, t) => {
    s.layers.forEach((want, l) => {
      const got = layers[l]![t]!;
      want.h.forEach((v, k) => note(got.h[k]!, v));
      if (want.c) {
        if (!('c' in got)) throw new Error(`layer ${l} has no C, PyTorch's has`);
        want.c.forEach((v, k) => note(got.c[k]!, v));
      }
    });
    note(predict(model.head!, layers[layers.length - 1]![t]!.h)[1]!, s.p);
  });
  return worst;
}

// Run alone: the report, one line per file (a refusal prints its message).
if (runAlone) {
  const measure = (read: () => Model, exp: Expected) => {
    try {
      return `agrees (${worstDiff(read(), exp).toExponential(1)})`;
    } catch (e) {
      return `refused: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  for (const name of fixtureNames()) {
    const exp = readJson(`${name}.expected.json`) as Expected;
    const has = (f: string) => fixtureFiles().includes(f);
    if (has(`${name}.json`)) console.log(`${name}.json\t${measure(() => parseModelFile(readJson(`${name}.json`)), exp)}`);
    if (has(`${name}.safetensors`)) console.log(`${name}.safetensors\t${measure(() => modelFromSafetensors(name), exp)}`);
    for (const f of onnxFilesOf(name)) console.log(`${f}\t${measure(() => modelFromOnnx(name, f), exp)}`);
  }
}
