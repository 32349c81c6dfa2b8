/**
 * npm run trace -- --cell lstm [--model ID] --text "the clouds are in the sky"
 * npm run trace -- --model sentiment-lstm --text "the movie was not good"
 * npm run trace -- --model translate-lstm --text "i grew up in france"   encoder, hand-over, decoder
 * npm run trace -- --weights my-model.json --text "…"            your own model file
 * npm run trace -- --weights my.safetensors --vocab vocab.txt --text "…"   a PyTorch state_dict
 * npm run trace -- --weights my.onnx --vocab vocab.txt --text "…"          torch.onnx.export's file
 * Prints the whole trace as JSON: the tokens, and for every step every vector the UI shows,
 * computed by the same engine and store code the page runs. A trained model (read from
 * public/models/<id>.json) adds its prediction after every step. A stacked model prints every
 * layer of every step (`layers`, bottom first); the prediction reads the top one.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CELL_KINDS, predict, type CellKind } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { onnxToModel } from '../src/models/onnx';
import { readSafetensors, readVocab, stateDictToModel } from '../src/models/safetensors';
import { parseModelId } from '../src/store/modelLoader';
import { createGatescopeStore } from '../src/store/store';
import { traceVectors } from '../src/viz/vectors';
import { cliArgs } from './cli';
import { traceTranslation } from './trace-translate';

function fail(msg: string): never {
  process.stderr.write(`trace: ${msg}\n`);
  process.exit(2);
}

const { values } = cliArgs({
  script: 'trace.ts',
  usage: `
usage: npm run trace -- [--cell KIND | --model ID | --weights FILE [--vocab FILE]] --text "…"
Prints the trace of the sentence as JSON: every vector the page shows, at every step.
  --text "…"      the sentence (required)
  --cell KIND     the demo model's cell: ${CELL_KINDS.join(', ')} (default lstm)
  --model ID      a shipped model, <task>-<cell> (sentiment-lstm, memory-rnn, translate-gru, …)
  --weights FILE  your own model file (.json, .safetensors, .onnx)
  --vocab FILE    the vocabulary of a .safetensors or .onnx file, one token a line
  --help          this text`,
  options: {
    cell: { type: 'string', default: 'lstm' },
    model: { type: 'string' },
    text: { type: 'string' },
    weights: { type: 'string' },
    vocab: { type: 'string' },
  },
});

if (values.model?.startsWith('translate-')) {
  if (values.text === undefined) fail('give the sentence with --text "…"');
  // Wait for the pipe to take the whole text before exiting (a bare exit cuts it at 64 KiB).
  const text = `${traceTranslation(values.model, values.text, fail)}\n`;
  await new Promise<void>((done) => process.stdout.write(text, () => done()));
  process.exit(0);
}
const requested = values.model !== undefined ? parseModelId(values.model) : null;
if (values.model !== undefined && !requested) fail(`unknown --model "${values.model}"; use <task>-<cell>, e.g. sentiment-lstm, memory-rnn, demo-gru`);
const kind = requested?.kind ?? (values.cell as CellKind);
if (!(CELL_KINDS as readonly string[]).includes(kind)) fail(`unknown --cell "${values.cell}"; use one of ${CELL_KINDS.join(', ')}`);
if (values.text === undefined) fail('give the sentence with --text "…"');

const store = createGatescopeStore({ kind, text: values.text });
if (values.weights !== undefined) {
  const path = values.weights;
  const name = basename(path);
  try {
    // The binary files refuse in their own words (the file, its tensor or node), as on the page.
    const vocabName = values.vocab !== undefined ? basename(values.vocab) : null;
    const vocab = values.vocab !== undefined ? readVocab(readFileSync(values.vocab, 'utf8'), basename(values.vocab)) : null;
    let read: ReturnType<typeof readModelFile>;
    if (/\.safetensors$/i.test(path)) {
      const { tensors, metadata } = readSafetensors(new Uint8Array(readFileSync(path)), name);
      read = stateDictToModel(tensors, metadata, vocab, name, vocabName);
    } else if (/\.onnx$/i.test(path)) read = onnxToModel(new Uint8Array(readFileSync(path)), name, vocab, vocabName);
    else read = readModelFile(JSON.parse(readFileSync(path, 'utf8')));
    const { model, meta } = read;
    store.getState().setModel(model, meta, { from: 'file', name });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
} else if (requested && requested.task !== 'demo') {
  const path = join(import.meta.dirname, '..', 'public', 'models', `${values.model}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)} (run npm run train first)`);
  }
  const { model, meta } = readModelFile(json);
  store.getState().setModel(model, meta);
}
const s0 = store.getState();
if (s0.tokenError?.kind === 'empty') fail('the text is empty');
store.getState().goTo(s0.tokens.length - 1);
// A large model (hidden 128 and up) seeks in slices, one per timer tick, as the page does: wait for the last.
while (store.getState().seeking) await new Promise((done) => setTimeout(done, 0));
const s = store.getState();

type Trace = (typeof s.history)[number];
/** A matrix memory (mLSTM's C_t), as rows: row a holds the values filed at value index a. */
const matrixOf = (tr: Trace) => ('C' in tr ? { C: Array.from({ length: tr.C.rows }, (_, a) => Array.from(tr.C.data.subarray(a * tr.C.cols, (a + 1) * tr.C.cols))) } : {});
const vectorsOf = (tr: Trace) => ({ ...Object.fromEntries(traceVectors(tr).map((v) => [v.id, Array.from(v.values)])), ...matrixOf(tr) });
const out = {
  model: s.model.id,
  trained: s.model.trained,
  cell: s.model.cell.kind,
  inputSize: s.model.cell.inputSize,
  hiddenSize: s.model.cell.hiddenSize,
  tokens: s.embedded.map((e) => ({ token: e.token, seen: e.seen, unknown: e.unknown })),
  warning: s.tokenError ? s.tokenError : undefined,
  labels: s.model.head?.labels,
  ...(s.stack.length > 1 ? { layers: s.stack.length } : {}),
  steps: s.history.map((tr, t) => ({
    t,
    token: s.tokens[t],
    // The head reads the top layer's h.
    ...(s.model.head ? { prediction: predict(s.model.head, s.stack[s.stack.length - 1]![t]!.h) } : {}),
    ...(s.stack.length > 1 ? { layers: s.stack.map((l) => vectorsOf(l[t]!)) } : vectorsOf(tr)),
  })),
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
