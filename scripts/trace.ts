/**
 * npm run trace -- --cell lstm [--model ID] --text "the clouds are in the sky"
 * Prints the whole trace as JSON: the tokens, and for every step every vector the UI shows,
 * computed by the same engine and store code the page runs.
 */
import { parseArgs } from 'node:util';
import { CELL_KINDS, type CellKind } from '../src/engine';
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

const kind = values.cell as CellKind;
if (!(CELL_KINDS as readonly string[]).includes(kind)) fail(`unknown --cell "${values.cell}"; use one of ${CELL_KINDS.join(', ')}`);
if (values.text === undefined) fail('give the sentence with --text "…"');
if (values.model !== undefined && values.model !== `demo-${kind}`) fail(`unknown --model "${values.model}"; available: demo-${kind}`);

const store = createGatescopeStore({ kind, text: values.text });
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
  steps: s.history.map((tr, t) => ({
    t,
    token: s.tokens[t],
    ...Object.fromEntries(traceVectors(tr).map((v) => [v.id, Array.from(v.values)])),
  })),
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
