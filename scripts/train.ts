/**
 * npm run train -- --task sentiment --cell lstm      one model
 * npm run train -- --task sentiment --cell lstm --layers 2   a stacked one (sentiment-lstm-2layers)
 * npm run train -- --task memory --all               every cell kind for one task
 * npm run train -- --task sentiment-zh --cell lstm   a Chinese sentiment model (characters; no data files)
 * npm run train -- --task charlm --all               the character models (needs data/austen.tsv:
 *                                                     Rscript scripts/data/austen.R, see README)
 * npm run train -- --task charlm-stateful --cell lstm  the stateful Austen model, hidden 128 (charlm-lstm-stateful;
 *                                                     scripts/train-charlm-stateful.ts)
 * npm run train -- --task translate --all            the encoder–decoders (public/models/translate/)
 * npm run train -- --task series --all               the real series (R's AirPassengers, committed CSV):
 *                                                     time split, beside naive and seasonal-naive
 * npm run train -- --task translate-attn --all       the same with attention (translate-attn-<kind>)
 * npm run train -- --task learnability --all         the memory lesson: every kind, from every start, from
 *                                                     scratch at each gap, 5 seeds (public/reports/memory-learnability.json)
 * npm run train -- --task learnability --cell rnn --start orthogonal
 *                                                     one kind from one start (or every start of it without
 *                                                     --start): its rows of the report replaced, the others kept
 * npm run train -- --all                              every shipped model
 * npm run train -- --task lab --cell lstm --examples 4000 [--lab-task memory --gap 30 --hidden 12
 *   --lr 0.003 --batch 8 --seed 0 --keep-bias 3] [--out dir]
 *                                                     one run of the in-browser training lab, the same
 *                                                     code and stream (src/train/lab.ts): the same weights
 *                                                     as the lab's Download after the same examples
 *
 * Writes public/models/<id>.json (the model, its measured caption and its report) and
 * rebuilds public/models/index.json from every model file on disk. Seeds are fixed, so the
 * files are reproducible; the wall time is the only number that differs between machines.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CELL_KINDS, type CellKind, kindOf, type StartId, startIds } from '../src/engine';
import { round6, toModelFile } from '../src/models/write-format';
import { toFrameworkModelFile } from '../src/models/write-layouts';
import { LANGUAGES_ZH } from '../src/train/labels';
import { CHINESE_PROBE, memoryInsight, sentimentInsight } from '../src/train/insight';
import { SENTIMENT_ZH_PRESETS } from '../src/train/data/sentimentZh';
import { SENTIMENT_PRESETS } from '../src/train/data/sentiment';
import { NO_DATA, TASKS, trainModel, type TrainTask } from '../src/train/tasks';
import { AUSTEN, POEMS, charLmCaption, trainCharLm } from '../src/train/charlmTask';
import { poemsFromFortunes } from '../src/train/data/poems';
import { reviewsFromTsv } from '../src/train/data/reviews';
import { chaptersFromRows, parseAustenTsv } from '../src/train/data/austen';
import { trainLabRun } from '../src/train/lab';
import { LAB_TASKS, LAB_TASK_DEFAULTS, labProblems, labStarts, type LabSettings, type LabStart, type LabTask } from '../src/train/labSettings';
import { labModelFile } from '../src/train/labHost';
import { cliArgs } from './cli';
import { writeTranslateModels } from './train-translate';
import { writeCharLmStateful } from './train-charlm-stateful';
import { writeModelIndex } from './modelIndex';
import { WAVE_SHIPPED, WAVE_SHIPPED_EXAMPLES, waveModelFile } from '../src/train/waveShipped';
import { normaliseDrinks, parseDrinksTsv } from '../src/train/data/drinks';
import { parseSeriesCsv } from '../src/train/data/airpassengers';
import { seriesModelFile, seriesSetup, trainSeries } from '../src/train/seriesTask';

const SERIES_CSV = join(import.meta.dirname, '..', 'src', 'train', 'data', 'airpassengers.csv');
import { LEARN, LEARN_GAPS, LEARN_SEEDS, firstStart, gradientAtStart, learnabilityRun, summarise, type LearnRun } from '../src/train/learnability';

const OUT = join(import.meta.dirname, '..', 'public', 'models');

function fail(msg: string): never {
  process.stderr.write(`train: ${msg}\n`);
  process.exit(2);
}

const { values } = cliArgs({
  script: 'train.ts',
  usage: `
usage: npm run train -- --task TASK --cell KIND [--layers N]   one model (N stacked layers, 1–4)
       npm run train -- [--task TASK] --all                    every cell kind of a task, or every shipped model
       npm run train -- --task learnability (--all | --cell KIND [--start START])
                                                               the learnability curve: every kind and start, or one
                                                               kind's starts (or one), merged into the report
       npm run train -- --task learnability --gradient-only    only the report's gradient at the start, again
       npm run train -- --task lab --cell KIND --examples N [--lab-task memory|sentiment|wave --gap G
         --hidden H --lr R --batch B --seed S --keep-bias K --start START --versus KIND] [--out DIR]
                                                               one run of the training lab, its weights as the
                                                               lab's Download gives them after N examples
Tasks: sentiment, sentiment-zh, memory, charlm, charlm-zh, charlm-stateful, wave, series, translate, translate-attn, learnability (and lab).
Cells: ${CELL_KINDS.join(', ')}.
Writes public/models/<id>.json and rebuilds public/models/index.json.`,
  options: {
    task: { type: 'string' },
    cell: { type: 'string' },
    all: { type: 'boolean', default: false },
    layers: { type: 'string' },
    // --task learnability: one of the kind's starts (default: every start of the kind); --task lab:
    // the run's start (default: the lab's, the keep-gate bias for a kind with a keep gate);
    // --gradient-only: no training, the report's gradient at the start measured again
    start: { type: 'string' },
    'gradient-only': { type: 'boolean', default: false },
    // --task lab only (defaults: the lab's, LAB_TASK_DEFAULTS)
    examples: { type: 'string' },
    'lab-task': { type: 'string' },
    gap: { type: 'string' },
    hidden: { type: 'string' },
    lr: { type: 'string' },
    batch: { type: 'string' },
    seed: { type: 'string' },
    'keep-bias': { type: 'string' },
    versus: { type: 'string' },
    out: { type: 'string' },
  },
});
const ALL_TASKS = [...TASKS, 'charlm', 'charlm-zh', 'charlm-stateful', 'wave', 'series', 'translate', 'translate-attn', 'learnability'] as const;
if (values.task === 'lab') {
  trainLab();
  process.exit(0);
}
if (values.task !== undefined && !(ALL_TASKS as readonly string[]).includes(values.task)) fail(`unknown --task "${values.task}"; use ${ALL_TASKS.join(', ')} or lab`);
if (values.cell !== undefined && !(CELL_KINDS as readonly string[]).includes(values.cell)) fail(`unknown --cell "${values.cell}"; use one of ${CELL_KINDS.join(', ')}`);
if (values.start !== undefined) {
  if (values.task !== 'learnability' || values.cell === undefined || values.all) fail('--start is for --task learnability with --cell, or --task lab');
  if (!startIds(values.cell).includes(values.start as StartId)) fail(`the ${values.cell} cell has no start "${values.start}"; use one of ${startIds(values.cell).join(', ')}`);
}
const gradientOnly = values['gradient-only'] === true;
if (gradientOnly && values.task !== 'learnability') fail('--gradient-only is for --task learnability');
if (!gradientOnly && !values.all && (values.task === undefined || values.cell === undefined)) fail('give --task and --cell, or --all (optionally with --task)');

const layers = values.layers === undefined ? 1 : Number(values.layers);
if (!Number.isInteger(layers) || layers < 1 || layers > 4) fail(`--layers takes 1 to 4, not "${values.layers}"`);
if (layers > 1 && !(values.task === 'sentiment' || values.task === 'memory')) fail('--layers is for --task sentiment or memory');
const tasks: Array<(typeof ALL_TASKS)[number]> = values.task ? [values.task as TrainTask] : [...ALL_TASKS];
const kinds: CellKind[] = gradientOnly ? [] : values.all ? [...CELL_KINDS] : [values.cell as CellKind];

/** One lab run from the command line; prints its curve as the lab's chart shows it. */
function trainLab(): void {
  const task = (values['lab-task'] ?? 'memory') as LabTask;
  if (!(LAB_TASKS as readonly string[]).includes(task)) fail(`unknown --lab-task "${task}"; use ${LAB_TASKS.join(', ')}`);
  const kind = values.cell as CellKind;
  if (!(CELL_KINDS as readonly string[]).includes(kind)) fail(`--task lab needs --cell, one of ${CELL_KINDS.join(', ')}`);
  const num = (name: string, v: string | undefined, d: number) => {
    if (v === undefined) return d;
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x)) fail(`--${name} "${v}" is not a number`);
    return x;
  };
  const d = LAB_TASK_DEFAULTS[task];
  // The other kind only fills the pair (the lab trains two); it does not change this run.
  const other = (values.versus ?? (kind === 'rnn' ? 'lstm' : 'rnn')) as CellKind;
  const settings: LabSettings = {
    task,
    kinds: [kind, other],
    gap: num('gap', values.gap, d.gap),
    hidden: num('hidden', values.hidden, d.hidden),
    lr: num('lr', values.lr, d.lr),
    batch: num('batch', values.batch, d.batch),
    seed: num('seed', values.seed, d.seed),
    keepBias: num('keep-bias', values['keep-bias'], d.keepBias),
    starts: [(values.start ?? labStarts(kind)[0]!) as LabStart, labStarts(other)[0]!],
  };
  if (!labStarts(kind).includes(settings.starts![0])) fail(`the lab offers the ${kind} cell the starts ${labStarts(kind).join(', ')}, not "${values.start}"`);
  const problems = labProblems(settings);
  if (problems.length) fail(problems.map((p) => `--${p.field === 'keepBias' ? 'keep-bias' : p.field === 'starts' ? 'start' : p.field}: ${p.reason}`).join('; '));
  const examples = num('examples', values.examples, 4000);
  const t0 = performance.now();
  let next = 1000;
  // Evaluating (point) reads the weights only: the run is the lab's, whatever is printed.
  const run = trainLabRun(settings, kind, examples, (r) => {
    if (r.seen < next) return;
    const p = r.point();
    process.stderr.write(
      `${kind} ${p.seen} examples: train loss ${p.trainLoss.toFixed(4)}, held-out ${settings.task === 'wave' ? `MSE ${p.heldout.toPrecision(3)}` : `${(p.heldout * 100).toFixed(1)}%`}\n`,
    );
    next += 1000;
  });
  const file = labModelFile(run);
  const dir = values.out ?? '.';
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `lab-${task}-${kind}-${run.seen}.json`);
  writeFileSync(path, `${JSON.stringify(file)}\n`);
  const score = run.heldoutScore();
  process.stdout.write(
    `${JSON.stringify({ path, seen: run.seen, divergedAt: run.divergedAt, heldout: score.value, heldoutLoss: score.loss, seconds: Math.round((performance.now() - t0) / 100) / 10 })}\n`,
  );
}

mkdirSync(OUT, { recursive: true });
function austen() {
  const path = join(import.meta.dirname, '..', 'data', 'austen.tsv');
  let tsv: string;
  try {
    tsv = readFileSync(path, 'utf8');
  } catch {
    fail(`${path} is missing: run  Rscript scripts/data/austen.R  (Debian: apt-get install r-base-core r-cran-janeaustenr)`);
  }
  return chaptersFromRows(parseAustenTsv(tsv));
}

/** The real series for the wave models' report and presets (Rscript scripts/data/drinks.R). */
function drinksData() {
  const path = join(import.meta.dirname, '..', 'data', 'drinks.tsv');
  try {
    return normaliseDrinks(parseDrinksTsv(readFileSync(path, 'utf8')));
  } catch (e) {
    fail(`${path}: ${e instanceof Error ? e.message : String(e)} (run  Rscript scripts/data/drinks.R ; Debian: apt-get install r-base-core r-cran-modeldata)`);
  }
}

/** The fine-food reviews for the sentiment models (Rscript scripts/data/fine-foods.R). */
function reviews() {
  const path = join(import.meta.dirname, '..', 'data', 'fine-foods.tsv');
  try {
    return reviewsFromTsv(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`${path}: ${e instanceof Error ? e.message : String(e)} (run  Rscript scripts/data/fine-foods.R ; Debian: apt-get install r-base-core r-cran-modeldata)`);
  }
}

/** The poems straight from Debian's fortunes-zh (apt-get install fortunes-zh). */
function poems() {
  return (['tang300', 'song100'] as const).flatMap((name) => {
    const path = `/usr/share/games/fortunes/${name}.u8`;
    try {
      return poemsFromFortunes(readFileSync(path, 'utf8'), name);
    } catch {
      fail(`${path} is missing: apt-get install fortunes-zh`);
    }
  });
}

for (const task of tasks) {
  if (task === 'learnability') {
    // Runs are kept per kind and start: the ones trained now replace theirs, the others stay as
    // measured (a report from before starts were measured holds each kind's first start).
    const dir = join(OUT, '..', 'reports');
    const path = join(dir, 'memory-learnability.json');
    type Row = LearnRun & { seconds: number };
    let runs: Row[] = [];
    try {
      runs = (JSON.parse(readFileSync(path, 'utf8')) as { runs: Array<Omit<Row, 'start'> & { start?: StartId }> }).runs.map(({ kind, start, ...r }) => ({
        kind,
        start: start ?? firstStart(kind),
        ...r,
      }));
    } catch {
      /* no report yet */
    }
    const write = () => {
      // Beside the curve, for every kind and start in it: how much of the loss gradient reaches
      // the remembered word before training, on the runs' own untrained networks.
      const pairs = [...new Map(runs.map((r) => [`${r.kind}:${r.start}`, r])).values()];
      const gradient = pairs.map((r) => gradientAtStart(r.kind, r.start));
      mkdirSync(dir, { recursive: true });
      const report = { task: 'memory-learnability', config: LEARN, gaps: LEARN_GAPS, seeds: LEARN_SEEDS, classes: 6, summary: summarise(runs), gradientAtStart: gradient, runs };
      writeFileSync(path, `${JSON.stringify(report, null, 1)}\n`);
    };
    const blocks = kinds.flatMap((kind) => (values.start ? [values.start as StartId] : startIds(kind)).map((start) => ({ kind, start })));
    for (const { kind, start } of blocks) {
      const fresh: Row[] = [];
      const t1 = performance.now();
      for (const gap of LEARN_GAPS) {
        for (const seed of LEARN_SEEDS) {
          const t0 = performance.now();
          const { run } = learnabilityRun(kind, gap, seed, LEARN, start);
          const seconds = Math.round((performance.now() - t0) / 100) / 10;
          fresh.push({ ...run, seconds });
          process.stderr.write(
            `learnability ${kind} (${start}) gap ${gap} seed ${seed}: held-out ${(run.heldoutAccuracy * 100).toFixed(1)}%, learned after ${run.examplesToLearn ?? 'never'}, ${seconds} s\n`,
          );
        }
      }
      process.stderr.write(`learnability ${kind} (${start}): ${Math.round((performance.now() - t1) / 1000)} s for every gap and seed\n`);
      // The block's rows take the place of the old ones (or go at the end), so a rerun keeps the order.
      const at = runs.findIndex((r) => r.kind === kind && r.start === start);
      const rest = runs.filter((r) => !(r.kind === kind && r.start === start));
      runs = at < 0 ? [...rest, ...fresh] : [...rest.slice(0, at), ...fresh, ...rest.slice(at)];
      write();
    }
    if (gradientOnly) write();
    continue;
  }
  if (task === 'wave') {
    // The lab's time-series run, shipped: the same kernel, stream and seed, a fixed budget.
    const drinks = drinksData();
    for (const kind of kinds) {
      const t0 = performance.now();
      const run = trainLabRun(WAVE_SHIPPED, kind, WAVE_SHIPPED_EXAMPLES);
      const f = waveModelFile(run, drinks);
      writeFileSync(join(OUT, `wave-${kind}.json`), `${JSON.stringify(f)}\n`);
      process.stdout.write(`${JSON.stringify({ id: `wave-${kind}`, ...(f.report as object), seconds: Math.round((performance.now() - t0) / 100) / 10 })}\n`);
    }
    continue;
  }
  if (task === 'series') {
    // The committed CSV (scripts/data/airpassengers.R wrote it once): no R needed here.
    const setup = seriesSetup(parseSeriesCsv(readFileSync(SERIES_CSV, 'utf8')));
    for (const kind of kinds) {
      const t0 = performance.now();
      const { model, report } = trainSeries(kind, setup, (l) => process.stderr.write(`${l}\n`));
      report.wallSeconds = Math.round((performance.now() - t0) / 100) / 10;
      writeFileSync(join(OUT, `${model.id}.json`), `${JSON.stringify(seriesModelFile(model, report, setup))}\n`);
      process.stdout.write(
        `${JSON.stringify({ id: model.id, updates: report.updates, test: report.test, naive: report.naive, seasonalNaive: report.seasonalNaive, changeGoesOn: report.changeGoesOn, seconds: report.wallSeconds })}\n`,
      );
    }
    continue;
  }
  if (task === 'translate' || task === 'translate-attn') {
    // The Translate view offers the classic cells' encoder–decoders (store/types.ts hasTranslation).
    const classic = kinds.filter((k) => kindOf(k).group === 'classic');
    if (classic.length === 0) fail(`--task ${task} is trained for the classic cells: ${CELL_KINDS.filter((k) => kindOf(k).group === 'classic').join(', ')}`);
    writeTranslateModels(classic, join(OUT, 'translate'), task === 'translate-attn');
    continue;
  }
  if (task === 'charlm-stateful') {
    // The one shipped stateful model is the LSTM's (--all trains that one).
    for (const kind of values.all ? (['lstm'] as const) : kinds) writeCharLmStateful(kind, austen(), OUT);
    continue;
  }
  if (task === 'charlm' || task === 'charlm-zh') {
    const corpus = task === 'charlm' ? AUSTEN : POEMS;
    const chapters = task === 'charlm' ? austen() : poems();
    for (const kind of kinds) {
      const t0 = performance.now();
      const { model, report } = trainCharLm(kind, chapters, corpus, undefined, (s) =>
        process.stderr.write(`${task}-${kind} epoch ${s.epoch + 1}: ${(s.loss / Math.LN2).toFixed(3)} bits/char, |g| ${s.gradNorm.toFixed(3)}, val ${(-(s.valScore ?? NaN)).toFixed(3)}\n`),
      );
      report.wallSeconds = Math.round((performance.now() - t0) / 100) / 10;
      const text = JSON.stringify(toModelFile(model, { caption: charLmCaption(report), presets: corpus.presets, report: { ...report } }));
      writeFileSync(join(OUT, `${model.id}.json`), `${text}\n`);
      process.stdout.write(`${JSON.stringify({ ...report, lossCurve: undefined, bytes: text.length })}\n`);
    }
    continue;
  }
  const data = task === 'sentiment' ? { reviews: reviews() } : NO_DATA;
  for (const kind of kinds) {
    const t0 = performance.now();
    const { model, report } = trainModel(
      task,
      kind,
      (s, restart) =>
        process.stderr.write(
          `${task}-${kind}${restart > 0 ? ` restart ${restart}` : ''} epoch ${s.epoch + 1}: loss ${s.loss.toFixed(4)}, |g| ${s.gradNorm.toFixed(3)}` +
            `${s.valScore !== undefined ? `, val ${s.valScore.toFixed(3)}` : ''}\n`,
        ),
      undefined,
      data,
      layers,
    );
    report.wallSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const insight = task === 'sentiment' ? sentimentInsight(model) : task === 'sentiment-zh' ? sentimentInsight(model, CHINESE_PROBE) : memoryInsight(model, report.heldoutAccuracyByGap ?? {});
    const meta = {
      caption: insight.caption,
      presets: task === 'sentiment' ? SENTIMENT_PRESETS.map((p) => p.text) : task === 'sentiment-zh' ? SENTIMENT_ZH_PRESETS.map((p) => p.text) : [],
      labelsZh: task === 'memory' ? LANGUAGES_ZH : ['负面', '正面'],
      report: { ...report, insight: insight.numbers },
    };
    // The canonical layout holds one layer; a stack is written as PyTorch would (ONNX for the
    // kinds PyTorch has not), rounded to 6 digits as the canonical files are.
    const file = layers === 1 ? toModelFile(model, meta) : toFrameworkModelFile(model, kind === 'peephole' || kind === 'coupled' ? 'onnx' : 'pytorch', meta, round6);
    const text = JSON.stringify(file);
    writeFileSync(join(OUT, `${model.id}.json`), `${text}\n`);
    const { lossCurve: _curve, ...brief } = report;
    process.stdout.write(`${JSON.stringify({ ...brief, bytes: text.length })}\n`);
  }
}

// The index lists every model on disk with its report, so the app and the README can show them.
writeModelIndex(OUT);
