/**
 * The real series task (`series-<kind>`, `npm run train -- --task series --cell KIND | --all`):
 * one recurrent cell reads R's AirPassengers as standardised yearly log changes (data/airpassengers.ts)
 * from January 1950 on, and a linear head predicts the next month's change
 * at every step, trained on the mean squared error (regression.ts).
 *
 * Honest by construction: the loss only ever sees targets before the test part (the earlier
 * 80%, split by time), and the scale is fitted on that part. Training is two runs from the same
 * initial weights: the first on the training part without its validation tail, keeping the number
 * of full-sequence updates whose validation error in passengers is lowest; the second on the
 * whole training part for that many updates. The test part is then predicted one step ahead —
 * the model reads every month up to t and predicts t+1 — and scored in passengers, beside "next =
 * current" and "next = same month last year" on the same months.
 */
import { createRng, matrix, randomParams, type CellKind, type Model } from '../engine';
import { round6, toModelFile } from '../models/write-format';
import { Adam, clipByGlobalNorm } from './adam';
import { errors, fitScale, LAG, naiveForecast, seasonalNaiveForecast, seriesInputs, testStart, toLevel, trainingWindow, VAL_MONTHS, type LogDiffScale, type MonthlySeries } from './data/airpassengers';
import { modelGrads, modelParams, zeroModelGrads, type ScalarModel } from './network';
import { accumulateMse, predictions } from './regression';

/**
 * Each update averages the gradients of `batch` windows of `window` months drawn at random from
 * the training targets, each from a zero state: one whole-sequence run lets a cell learn where in
 * the series it is and memorise it (measured: training error 0.01, test error worse than the
 * baselines), while short windows from anywhere make it predict from the recent months alone.
 */
const SERIES_SHIPPED = { hidden: 8, lr: 0.01, clip: 1, window: 30, batch: 8, maxUpdates: 1500, evalEvery: 25, seed: 0 };
type SeriesSettings = typeof SERIES_SHIPPED;
const SERIES_LABEL = 'next change';

/** Everything the task fixes about the data before any model is drawn. */
interface SeriesSetup {
  readonly series: MonthlySeries;
  readonly scale: LogDiffScale;
  /** The model's inputs, one per month from the second (data/airpassengers.ts). */
  readonly zs: readonly number[];
  /** First month of the test part. */
  readonly testStart: number;
  /** First month of the training part's validation tail. */
  readonly valStart: number;
}

export function seriesSetup(series: MonthlySeries): SeriesSetup {
  const test = testStart(series.values.length);
  const scale = fitScale(series.values, test);
  return { series, scale, zs: seriesInputs(series.values, scale), testStart: test, valStart: test - VAL_MONTHS };
}

function seriesModel(kind: CellKind, hidden: number, seed: number): ScalarModel {
  const rng = createRng(seed);
  const cell = randomParams(kind, 1, hidden, rng);
  const a = 1 / Math.sqrt(hidden);
  const model: Model = {
    id: `series-${kind}`,
    task: 'series',
    trained: true,
    embedding: { kind: 'scalar', dim: 1 },
    cell,
    head: {
      kind: 'linear',
      labels: [SERIES_LABEL],
      W: matrix(
        1,
        hidden,
        Array.from({ length: hidden }, () => rng.uniform(-a, a)),
      ),
      b: new Float64Array(1),
    },
    tokenizer: 'numbers',
  };
  return model as ScalarModel;
}

/** Passengers predicted for every month from the third on, by running the model over the whole series: p[t] for month t. */
function levelForecast(m: ScalarModel, s: SeriesSetup): (t: number) => number {
  const z = predictions(m, { xs: s.zs, ys: s.zs });
  return (t) => toLevel(s.series.values[t - LAG]!, z[t - LAG - 1]!, s.scale);
}

function cloneModel(m: ScalarModel): ScalarModel {
  const c = seriesModel(m.cell.kind, m.cell.hiddenSize, 0);
  const from = modelParams(m);
  modelParams(c).forEach((p, k) => p.data.set(from[k]!.data));
  return c;
}

/** `updates` Adam updates on windows of targets before month `end`; `each` sees the model after every `evalEvery`. */
function fit(m: ScalarModel, s: SeriesSetup, cfg: SeriesSettings, end: number, updates: number, each?: (u: number) => void): void {
  const w = trainingWindow(s.zs, end);
  const rng = createRng(cfg.seed + 1);
  const adam = new Adam(modelParams(m), { lr: cfg.lr });
  for (let u = 1; u <= updates; u++) {
    const g = zeroModelGrads(m);
    for (let b = 0; b < cfg.batch; b++) {
      const from = Math.floor(rng.uniform(0, w.xs.length - cfg.window + 1));
      accumulateMse(m, { xs: w.xs.slice(from, from + cfg.window), ys: w.ys.slice(from, from + cfg.window) }, g);
    }
    const flat = modelGrads(g);
    for (const a of flat) for (let k = 0; k < a.data.length; k++) a.data[k] = a.data[k]! / cfg.batch;
    clipByGlobalNorm(flat, cfg.clip);
    adam.step(flat);
    if (each && u % cfg.evalEvery === 0) each(u);
  }
}

interface SeriesReport {
  readonly task: 'series';
  readonly kind: CellKind;
  readonly settings: SeriesSettings;
  readonly scale: LogDiffScale;
  readonly trainMonths: number;
  readonly testMonths: number;
  readonly testFrom: string;
  readonly updates: number;
  readonly valMse: number;
  readonly test: { readonly mse: number; readonly mae: number };
  readonly naive: { readonly mse: number; readonly mae: number };
  readonly seasonalNaive: { readonly mse: number; readonly mae: number };
  readonly changeGoesOn: { readonly mse: number; readonly mae: number };
  wallSeconds?: number;
}

/**
 * The baselines on the test months: "next = current", "next = same month last year", and a
 * stronger one beside them, "this year's change goes on" (the same month last year times the
 * latest twelve-month ratio, v_{t−12} · v_{t−1} / v_{t−13}), which is what a model of the yearly
 * change gets by predicting that the change stays as it is.
 */
function seriesBaselines(s: SeriesSetup) {
  const v = s.series.values;
  const n = v.length;
  return {
    naive: errors(v, naiveForecast(v), s.testStart, n),
    seasonalNaive: errors(v, seasonalNaiveForecast(v), s.testStart, n),
    changeGoesOn: errors(v, (t) => (v[t - 12]! * v[t - 1]!) / v[t - 13]!, s.testStart, n),
  };
}

/** `budget`: the shipped settings' unless a test asks for a smaller one. */
export function trainSeries(
  kind: CellKind,
  s: SeriesSetup,
  log?: (line: string) => void,
  budget: Partial<Pick<SeriesSettings, 'maxUpdates' | 'evalEvery'>> = {},
): { model: ScalarModel; report: SeriesReport } {
  const cfg = { ...SERIES_SHIPPED, ...budget };
  const v = s.series.values;
  const init = seriesModel(kind, cfg.hidden, cfg.seed);
  const probe = cloneModel(init);
  let best: { updates: number; mse: number } = { updates: cfg.evalEvery, mse: Number.POSITIVE_INFINITY };
  fit(probe, s, cfg, s.valStart, cfg.maxUpdates, (u) => {
    const val = errors(v, levelForecast(probe, s), s.valStart, s.testStart).mse;
    if (val < best.mse) best = { updates: u, mse: val };
    if (u % 250 === 0) log?.(`series-${kind} ${u} updates: validation MSE ${val.toFixed(1)} (best ${best.mse.toFixed(1)} at ${best.updates})`);
  });
  const model = cloneModel(init);
  fit(model, s, cfg, s.testStart, best.updates);
  // The file keeps 6 significant digits: the report is measured on the weights as shipped.
  for (const p of modelParams(model)) for (let k = 0; k < p.data.length; k++) p.data[k] = round6(p.data[k]!);
  const n = v.length;
  const report: SeriesReport = {
    task: 'series',
    kind,
    settings: cfg,
    scale: s.scale,
    trainMonths: s.testStart,
    testMonths: n - s.testStart,
    testFrom: s.series.months[s.testStart]!,
    updates: best.updates,
    valMse: best.mse,
    test: errors(v, levelForecast(model, s), s.testStart, n),
    ...seriesBaselines(s),
  };
  return { model, report };
}

const SERIES_NAME = { en: 'International airline passengers (AirPassengers)', zh: '国际航空旅客人数（AirPassengers）' };
const SERIES_UNIT = { en: 'thousands of passengers', zh: '千人次' };
const f0 = (x: number) => x.toFixed(0);

/** The model file: the model, its measured caption, the series it reads (as text and as observations) and its report. */
export function seriesModelFile(model: ScalarModel, report: SeriesReport, s: SeriesSetup): Record<string, unknown> {
  const { test, naive, seasonalNaive } = report;
  const from = s.series.months[s.testStart]!;
  return toModelFile(model, {
    caption: {
      en: `Reads how much bigger each month is than the same month a year before (standardised), and predicts next month's. On the last 20% of the series (from ${from}), never trained on, its predictions are off by ${f0(test.mae)} thousand passengers on average (MSE ${f0(test.mse)}), against ${f0(naive.mae)} (MSE ${f0(naive.mse)}) for "next = current" and ${f0(seasonalNaive.mae)} (MSE ${f0(seasonalNaive.mse)}) for "same month last year".`,
      zh: `读取每个月比上一年同月增长多少（标准化后），预测下个月的增长。在从未训练过的最后 20%（自 ${from} 起）上，预测平均偏差 ${f0(test.mae)} 千人次（均方误差 ${f0(test.mse)}）；“下一个 = 当前”为 ${f0(naive.mae)}（${f0(naive.mse)}），“与去年同月相同”为 ${f0(seasonalNaive.mae)}（${f0(seasonalNaive.mse)}）。`,
    },
    labelsZh: ['下个月的变化'],
    presets: [s.zs.join(', ')],
    series: { name: SERIES_NAME, unit: SERIES_UNIT, start: s.series.months[0]!, values: s.series.values, testStart: s.testStart, mu: s.scale.mu, sigma: s.scale.sigma },
    report: { ...report },
  });
}
