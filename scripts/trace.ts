/**
 * npm run trace -- --cell lstm [--model ID] --text "the clouds are in the sky"
 * npm run trace -- --model sentiment-lstm --text "the movie was not good"
 * Prints the whole trace as JSON: the tokens, and for every step every vector the UI shows,
 * computed by the same engine and store code the page runs. A trained model (read from
 * public/models/<id>.json) adds its prediction after every step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CELL_KINDS, predict, type CellKind } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { parseModelId } from '../src/store/modelLoader';
import { createGatescopeStore } from '../src/store/store';
import { traceVectors } from '../src/viz/vectors';

function fail(msg: string): never {
  process.stderr.write(`trace: ${msg}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    cell: { type: 'string', default: 'lstm' },
    model: { type: 'string' },
    text: { type: 'string' },
  },
  strict: true,
});

const requested = values.model !== undefined ? parseModelId(values.model) : null;
if (values.model !== undefined && !requested) fail(`unknown --model "${values.model}"; use <task>-<cell>, e.g. sentiment-lstm, memory-rnn, demo-gru`);
const kind = requested?.kind ?? (values.cell as CellKind);
if (!(CELL_KINDS as readonly string[]).includes(kind)) fail(`unknown --cell "${values.cell}"; use one of ${CELL_KINDS.join(', ')}`);
if (values.text === undefined) fail('give the sentence with --text "…"');

const store = createGatescopeStore({ kind, text: values.text });
if (requested && requested.task !== 'demo') {
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
const s = store.getState();

const out = {
  model: s.model.id,
  trained: s.model.trained,
  cell: s.model.cell.kind,
  inputSize: s.model.cell.inputSize,
  hiddenSize: s.model.cell.hiddenSize,
  tokens: s.embedded.map((e) => ({ token: e.token, seen: e.seen, unknown: e.unknown })),
  warning: s.tokenError ? s.tokenError : undefined,
  labels: s.model.head?.labels,
  steps: s.history.map((tr, t) => ({
    t,
    token: s.tokens[t],
    ...(s.model.head ? { prediction: predict(s.model.head, tr.h) } : {}),
    ...Object.fromEntries(traceVectors(tr).map((v) => [v.id, Array.from(v.values)])),
  })),
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
