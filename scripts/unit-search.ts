/**
 * npx tsx scripts/unit-search.ts --model charlm-lstm [--model charlm-lstm-stateful] [--chars 60000]
 *
 * The unit search of src/train/units.ts on the Austen test chapters (never trained on), read the
 * way a stateful model is trained: each chapter from its start, the state carried through it,
 * the first `--chars` characters of the test chapters in all. Prints, per model, the held-out bits
 * per character read that way and the best |r| per feature, in h and in C separately, so a model
 * trained from the zero state and the stateful one are measured the same way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellStateOf, embedToken, hasCellState, initialState, step } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { encodeChars } from '../src/train/charlm';
import { chaptersFromRows, parseAustenTsv, splitChapters } from '../src/train/data/austen';
import type { TrainableModel } from '../src/train/network';
import { statefulBpc } from '../src/train/statefulLm';
import { FEATURES, type FoundUnit, UnitFinder, textFeatures } from '../src/train/units';
import { cliArgs } from './cli';

const { values } = cliArgs({
  script: 'unit-search.ts',
  usage: '\nusage: npx tsx scripts/unit-search.ts --model ID [--model ID …] [--chars N]\n',
  options: { model: { type: 'string', multiple: true }, chars: { type: 'string', default: '60000' } },
});
const limit = Number(values.chars);
if (!values.model?.length || !Number.isInteger(limit) || limit < 1000) {
  process.stderr.write('unit-search.ts: give --model ID (one or more) and --chars of at least 1000\n');
  process.exit(2);
}

const root = join(import.meta.dirname, '..');
const chapters = chaptersFromRows(parseAustenTsv(readFileSync(join(root, 'data', 'austen.tsv'), 'utf8')));
const texts: string[] = [];
let n = 0;
for (const c of splitChapters(chapters).test) {
  if (n >= limit) break;
  texts.push(c.text.slice(0, limit - n));
  n += texts.at(-1)!.length;
}

for (const id of values.model) {
  const model = readModelFile(JSON.parse(readFileSync(join(root, 'public', 'models', `${id}.json`), 'utf8'))).model as TrainableModel;
  const H = model.cell.hiddenSize;
  const finders = { h: new UnitFinder(H), C: new UnitFinder(H) };
  for (const text of texts) {
    const chars = Array.from(text);
    const f = textFeatures(chars);
    let s = initialState(model.cell);
    chars.forEach((ch, t) => {
      const r = step(model.cell, s, embedToken(model.embedding, ch).x);
      s = r.state;
      const y = FEATURES.map((k) => f[k][t]!);
      finders.h.add(r.trace.h, null, y);
      const c = cellStateOf(r.trace);
      if (c) finders.C.add(c, null, y);
    });
  }
  const bpc = statefulBpc(
    model,
    texts.map((t) => encodeChars(model.embedding.vocab, t)),
  );
  const best = (us: FoundUnit[], vector: 'h' | 'C') => Object.fromEntries(us.map((u) => [u.feature, `${vector}${u.unit + 1} ${u.r.toFixed(2)}`]));
  const row = {
    id,
    hidden: H,
    chars: n,
    statefulBpc: Number(bpc.bpc.toFixed(3)),
    h: best(finders.h.result(), 'h'),
    ...(hasCellState(model.cell.kind) ? { C: best(finders.C.result(), 'C') } : {}),
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}
