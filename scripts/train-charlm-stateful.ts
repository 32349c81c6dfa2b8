/**
 * `npm run train -- --task charlm-stateful --cell lstm`: the stateful Austen character model
 * (src/train/charlmStateful.ts), written to public/models/charlm-<kind>-stateful.json with its
 * caption and report. After every round that improves on validation, the weights so far are
 * written (every digit) to a checkpoint, so a run cut short still leaves its best model:
 *
 *   npx tsx scripts/train-charlm-stateful.ts --from /tmp/charlm-lstm-stateful.ckpt.json
 *
 * measures that checkpoint (the same report, its training curve as far as it went) and writes the
 * model file from it, without training.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellKind } from '../src/engine';
import { readModelFile } from '../src/models/format';
import { toModelFile } from '../src/models/write-format';
import { chaptersFromRows, parseAustenTsv, type Chapter } from '../src/train/data/austen';
import { CHARLM_STATEFUL, STATEFUL_ID, statefulCaption, statefulReport, trainStateful, type RoundStats } from '../src/train/charlmStateful';
import type { TrainableModel } from '../src/train/network';
import { cliArgs } from './cli';
import { writeModelIndex } from './modelIndex';

const PRESETS = ['"I do not know," said she, "but I think he will come."', 'It is a truth universally acknowledged', '"Oh! dear," cried elizabeth.'];
const checkpointPath = (kind: CellKind) => `/tmp/${STATEFUL_ID(kind)}.ckpt.json`;

interface Checkpoint {
  readonly model: unknown;
  readonly rounds: RoundStats[];
  readonly bestRound: number;
  /** Updates done when the checkpoint was written. */
  readonly updates: number;
  readonly seconds: number;
}

function write(out: string, model: TrainableModel, chapters: readonly Chapter[], run: Omit<Checkpoint, 'model'>): void {
  const report = statefulReport(model, chapters, CHARLM_STATEFUL, run);
  report.wallSeconds = Math.round(run.seconds * 10) / 10;
  const text = JSON.stringify(toModelFile(model, { caption: statefulCaption(report), presets: PRESETS, report: { ...report } }));
  writeFileSync(join(out, `${model.id}.json`), `${text}\n`);
  process.stdout.write(`${JSON.stringify({ ...report, lossCurve: undefined, bytes: text.length })}\n`);
}

/** Trains one kind's stateful model and writes its file into `out`. */
export function writeCharLmStateful(kind: CellKind, chapters: readonly Chapter[], out: string): void {
  const t0 = performance.now();
  const run = trainStateful(kind, chapters, CHARLM_STATEFUL, (s, model, isBest) => {
    process.stderr.write(
      `${STATEFUL_ID(kind)} round ${s.round + 1} (${s.updates} updates, ${Math.round((performance.now() - t0) / 1000)} s): ${s.bpc.toFixed(3)} bits/char, |g| ${s.gradNorm.toFixed(3)}, val ${s.valBpc.toFixed(3)}\n`,
    );
    if (!isBest) return;
    const ckpt = { model: toModelFile(model, {}, 'exact'), rounds: [], bestRound: s.round, updates: s.updates, seconds: (performance.now() - t0) / 1000 };
    writeFileSync(checkpointPath(kind), JSON.stringify(ckpt));
  });
  write(out, run.model, chapters, { ...run, seconds: (performance.now() - t0) / 1000 });
}

function austenChapters(): Chapter[] {
  return chaptersFromRows(parseAustenTsv(readFileSync(join(import.meta.dirname, '..', 'data', 'austen.tsv'), 'utf8')));
}

// Run directly: measure and write a checkpoint (the curve is read back from the training log).
if (process.argv[1]?.endsWith('train-charlm-stateful.ts')) {
  const { values } = cliArgs({
    script: 'train-charlm-stateful.ts',
    usage: '\nusage: npx tsx scripts/train-charlm-stateful.ts --from CHECKPOINT [--log TRAINING_LOG]\n',
    options: { from: { type: 'string' }, log: { type: 'string' } },
  });
  if (!values.from) {
    process.stderr.write('train-charlm-stateful.ts: give --from CHECKPOINT\n');
    process.exit(2);
  }
  const ckpt = JSON.parse(readFileSync(values.from, 'utf8')) as Checkpoint;
  const model = readModelFile(ckpt.model as Parameters<typeof readModelFile>[0]).model as TrainableModel;
  // The rounds as the training log printed them (the checkpoint keeps only the best weights).
  const rounds: RoundStats[] = [];
  if (values.log) {
    for (const m of readFileSync(values.log, 'utf8').matchAll(/round (\d+) \((\d+) updates, \d+ s\): ([\d.]+) bits\/char, \|g\| ([\d.]+), val ([\d.]+)/g)) {
      rounds.push({
        round: Number(m[1]) - 1,
        updates: Number(m[2]),
        bpc: Number(m[3]),
        gradNorm: Number(m[4]),
        valBpc: Number(m[5]),
        lr: CHARLM_STATEFUL.lrAt(Number(m[2]) / CHARLM_STATEFUL.updates),
      });
    }
  }
  const out = join(import.meta.dirname, '..', 'public', 'models');
  write(out, model, austenChapters(), { ...ckpt, rounds });
  writeModelIndex(out);
}
