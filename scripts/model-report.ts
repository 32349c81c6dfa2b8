/**
 * npm run models -- prints the README's tables of measured figures from the shipped files
 * (public/models/*.json reports, public/reports/memory-learnability.json), so that every figure
 * in the README can be regenerated and checked against the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CELL_KINDS, startIds } from '../src/engine';
import { hasModel, type ModelTaskChoice } from '../src/store/types';
import { cliArgs } from './cli';

cliArgs({
  script: 'model-report.ts',
  usage: `
usage: npm run models
Prints the README's tables of measured figures from the shipped model files and reports.`,
});

const dir = join(import.meta.dirname, '..', 'public');
const report = (id: string) => JSON.parse(readFileSync(join(dir, 'models', `${id}.json`), 'utf8')).report;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const out: string[] = [];
/** The kinds a task has a shipped model of (store/types.ts). */
const shippedKinds = (task: ModelTaskChoice) => CELL_KINDS.filter((k) => hasModel(task, k));

/** The table of a fresh-sentence report (public/reports/NAME): sentences written after the models were final. */
function freshTable(task: string, name: string, command: string) {
  try {
    const fresh = JSON.parse(readFileSync(join(dir, 'reports', name), 'utf8')) as {
      sentences: number;
      categories: Record<string, number>;
      models: Array<{ id: string; all: number; byCategory: Record<string, number> }>;
    };
    const cats = Object.keys(fresh.categories);
    out.push(`\n${task} on the ${fresh.sentences} fresh sentences written after the models were final (never trained or tuned on), by category (sentences)`);
    out.push(row(['model', 'all', ...cats.map((c) => `${c} (${fresh.categories[c]})`)]));
    out.push(row(['---', '---', ...cats.map(() => '---')]));
    for (const m of fresh.models) out.push(row([m.id, pct(m.all), ...cats.map((c) => pct(m.byCategory[c]!))]));
  } catch {
    out.push(`\n(no public/reports/${name}: ${command})`);
  }
}

for (const task of ['charlm', 'charlm-zh'] as const) {
  out.push(`\n${task}: held-out bits per character (lower is better), baselines on the same characters`);
  out.push(row(['model', 'params', 'held-out', 'bigram', 'unigram', 'epoch kept', 'train time', 'units found (r ≥ 0.1 in size; units counted from 1)']));
  out.push(row(['---', '---', '---', '---', '---', '---', '---', '---']));
  for (const kind of shippedKinds(task)) {
    const r = report(`${task}-${kind}`);
    const units = (r.units as Array<{ feature: string; vector: string; unit: number; r: number }>)
      .filter((u) => Math.abs(u.r) >= 0.1)
      .map((u) => `${u.feature} ${u.vector}${u.unit + 1} (${f2(u.r)})`)
      .join(', ');
    out.push(row([r.id, r.params, f2(r.heldoutBpc), f2(r.baselines.bigram), f2(r.baselines.unigram), `${r.bestEpoch + 1} of ${r.valBpcCurve.length}`, `${Math.round(r.wallSeconds)} s`, units]));
  }
}

// The stateful Austen LSTM: both held-out measures, and the best unit per feature (quotation first).
{
  const r = report('charlm-lstm-stateful');
  out.push('\ncharlm-lstm-stateful: held-out bits per character, 100-character chunks from the zero state | test chapters read statefully, baselines on the same characters');
  out.push(row(['model', 'params', 'chunks', 'bigram', 'unigram', 'stateful', 'bigram', 'unigram', 'characters trained on', 'round kept', 'train time']));
  out.push(row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
  const b = r.baselinesStateful;
  out.push(
    row([
      r.id,
      r.params,
      f2(r.heldoutBpc),
      f2(r.baselines.bigram),
      f2(r.baselines.unigram),
      f2(r.heldoutBpcStateful),
      f2(b.bigram),
      f2(b.unigram),
      r.trainCharsSeen,
      `${r.bestRound + 1} of ${r.valBpcCurve.length}`,
      `${Math.round(r.wallSeconds)} s`,
    ]),
  );
  out.push(`best unit per feature on ${r.testChars} test characters read statefully (units counted from 1)`);
  out.push(row(['feature', 'unit', 'r']));
  out.push(row(['---', '---', '---']));
  for (const u of r.units as Array<{ feature: string; vector: string; unit: number; r: number }>) out.push(row([u.feature, `${u.vector}${u.unit + 1}`, f2(u.r)]));
}

out.push(
  '\nsentiment: accuracy (held-out templates; held-out real reviews; held-out hand-written everyday sentences, split by hash before training; the 40 older everyday sentences, looked at while tuning), bag-of-words and majority baselines on the same data ("—": a model trained before the held-out everyday set existed)',
);
out.push(
  row(['model', 'templates', 'BoW templates', 'reviews', 'BoW reviews', 'majority', 'held-out everyday', 'BoW', 'majority', 'old everyday', 'BoW old everyday', 'everyday tokens known', 'train time']),
);
out.push(row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
for (const id of [...shippedKinds('sentiment').map((k) => `sentiment-${k}`), 'sentiment-lstm-2layers']) {
  const r = report(id);
  const b = r.baselines;
  const h = r.heldoutEveryday as { examples: number; accuracy: number; bagOfWords: number; majority: number } | undefined;
  out.push(
    row([
      r.id,
      pct(r.heldoutAccuracy),
      pct(b.bagOfWords.templates),
      pct(r.heldoutReviewAccuracy),
      pct(b.bagOfWords.reviews),
      pct(b.majorityReviews),
      h ? `${pct(h.accuracy)} of ${h.examples}` : '—',
      h ? pct(h.bagOfWords) : '—',
      h ? pct(h.majority) : '—',
      pct(r.everydayAccuracy),
      pct(b.bagOfWords.everyday),
      pct(r.everydayTokensKnown),
      `${Math.round(r.wallSeconds)} s`,
    ]),
  );
}
freshTable('sentiment', 'sentiment-fresh.json', 'npx tsx scripts/sentiment-fresh.ts');

// The real series: test errors in thousands of passengers, beside the baselines on the same months.
out.push('\nseries (AirPassengers): one-step-ahead errors on the 29 test months (1958-08 to 1960-12, never trained on), thousands of passengers');
out.push(row(['model', 'test MSE', 'test MAE', 'next = current', 'same month last year', 'this year’s change goes on', 'updates kept', 'validation MSE', 'train time']));
out.push(row(['---', '---', '---', '---', '---', '---', '---', '---', '---']));
for (const kind of shippedKinds('series')) {
  const r = report(`series-${kind}`);
  const e = (x: { mse: number; mae: number }) => `${x.mse.toFixed(0)} / ${x.mae.toFixed(1)}`;
  out.push(row([`series-${kind}`, r.test.mse.toFixed(0), r.test.mae.toFixed(1), e(r.naive), e(r.seasonalNaive), e(r.changeGoesOn), r.updates, r.valMse.toFixed(0), `${Math.round(r.wallSeconds)} s`]));
}
out.push('\nsentiment-zh: accuracy on held-out generated sentences and held-out hand-written everyday sentences, bag-of-characters and majority baselines on the same sentences');
out.push(row(['model', 'params', 'generated', 'BoC generated', 'everyday', 'BoC everyday', 'majority everyday', 'everyday chars known', 'epoch kept', 'train time']));
out.push(row(['---', '---', '---', '---', '---', '---', '---', '---', '---', '---']));
for (const kind of shippedKinds('sentiment-zh')) {
  const r = report(`sentiment-zh-${kind}`);
  const { generated: g, everyday: e } = r.heldoutSets;
  out.push(
    row([
      r.id,
      r.params,
      `${pct(g.accuracy)} (${g.examples})`,
      pct(g.bagOfCharacters),
      `${pct(e.accuracy)} (${e.examples})`,
      pct(e.bagOfCharacters),
      pct(e.majority),
      pct(e.charsKnown),
      `${r.bestEpoch + 1} of ${r.valCurve.length}`,
      `${Math.round(r.wallSeconds)} s`,
    ]),
  );
}
freshTable('sentiment-zh', 'sentiment-zh-fresh.json', 'npx tsx scripts/sentiment-zh-fresh.ts');

const learn = JSON.parse(readFileSync(join(dir, 'reports', 'memory-learnability.json'), 'utf8')) as {
  gaps: number[];
  seeds: number[];
  summary: Array<{ kind: string; start?: string; gap: number; median: number; min: number; max: number; learned: number; seeds: number }>;
  gradientAtStart?: Array<{ kind: string; start: string; gap: number; share: number; min: number; max: number }>;
  runs: Array<{ kind: string; start?: string; seconds: number }>;
};
// A row from before starts were measured is its kind's first start.
const startOfRow = (r: { kind: string; start?: string }) => r.start ?? startIds(r.kind)[0]!;
const measured = CELL_KINDS.flatMap((kind) =>
  startIds(kind)
    .filter((start) => learn.summary.some((x) => x.kind === kind && startOfRow(x) === start))
    .map((start) => ({ kind, start })),
);
out.push(`\nlearnability: median held-out accuracy over ${learn.seeds.length} seeds (range; seeds that learned), trained from scratch at each gap`);
out.push(row(['cell', 'start', ...learn.gaps]));
out.push(row(['---', '---', ...learn.gaps.map(() => '---')]));
for (const { kind, start } of measured) {
  const cells = learn.gaps.map((g: number) => {
    const s = learn.summary.find((x) => x.kind === kind && startOfRow(x) === start && x.gap === g)!;
    return s.min === s.max ? `${pct(s.median)} (${s.learned}/${s.seeds})` : `${pct(s.median)} (${pct(s.min)}–${pct(s.max)}; ${s.learned}/${s.seeds})`;
  });
  out.push(row([kind, start, ...cells]));
}
const sci = (x: number) => x.toExponential(1);
const grads = learn.gradientAtStart ?? [];
if (grads.length) {
  out.push(`\ngradient at the start: ‖∂L/∂x‖ at the country over the last word's, gap ${grads[0]!.gap}, untrained (median over seeds × sentences; seeds' range)`);
  out.push(row(['cell', 'start', 'share', 'range']));
  out.push(row(['---', '---', '---', '---']));
  for (const { kind, start } of measured) {
    const g = grads.find((x) => x.kind === kind && x.start === start);
    if (g) out.push(row([kind, start, sci(g.share), `${sci(g.min)}–${sci(g.max)}`]));
  }
}
const secs = (kind: string, start: string) => learn.runs.filter((r) => r.kind === kind && startOfRow(r) === start).reduce((a, r) => a + r.seconds, 0);
out.push(`\nlearnability wall time per kind and start (all gaps and seeds): ${measured.map(({ kind, start }) => `${kind} ${start} ${Math.round(secs(kind, start))} s`).join(', ')}`);
process.stdout.write(`${out.join('\n')}\n`);
