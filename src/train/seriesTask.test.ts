import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS, predict, run } from '../engine';
import { readModelFile } from '../models/format';
import { hasModel } from '../store/types';
import { parseSeriesCsv } from './data/airpassengers';
import { modelParams } from './network';
import { seriesSetup, trainSeries } from './seriesTask';

const CSV = readFileSync('src/train/data/airpassengers.csv', 'utf8');
const series = parseSeriesCsv(CSV);
const KINDS = CELL_KINDS.filter((k) => hasModel('series', k));
const GATED = ['lstm', 'gru', 'peephole', 'coupled'];

/**
 * Test errors written again from the definitions, apart from the task's code: the model reads
 * z_k = round3((ln v_{k+12} − ln v_k − μ) / σ) for k = 0 … n−13, and its output at step k, ẑ,
 * predicts month k + 13 as v_{k+1} · exp(μ + σ ẑ).
 */
function independentTestErrors(file: ReturnType<typeof readModelFile>) {
  const s = file.meta.series!;
  const v = s.values;
  const zs: number[] = [];
  for (let k = 0; k + 12 < v.length; k++) zs.push(Math.round(((Math.log(v[k + 12]!) - Math.log(v[k]!) - s.mu) / s.sigma) * 1000) / 1000);
  const out = run(
    file.model.cell,
    zs.map((z) => Float64Array.of(z)),
  ).traces.map((tr) => predict(file.model.head!, tr.h)[0]!);
  let se = 0;
  let ae = 0;
  let nv = 0;
  let sn = 0;
  for (let t = s.testStart; t < v.length; t++) {
    const e = v[t - 12]! * Math.exp(s.mu + s.sigma * out[t - 13]!) - v[t]!;
    se += e * e;
    ae += Math.abs(e);
    nv += (v[t - 1]! - v[t]!) ** 2;
    sn += (v[t - 12]! - v[t]!) ** 2;
  }
  const m = v.length - s.testStart;
  return { mse: se / m, mae: ae / m, naiveMse: nv / m, seasonalMse: sn / m, zs };
}

describe('shipped real-series models (series-<kind>)', () => {
  it('there is one for each of the five classic kinds', () => {
    for (const k of ['rnn', 'lstm', 'gru', 'peephole', 'coupled']) expect(KINDS).toContain(k);
  });
  for (const kind of KINDS) {
    it(`series-${kind} reproduces its reported test errors, beside the baselines on the same months, and carries the series as committed`, () => {
      const raw = JSON.parse(readFileSync(`public/models/series-${kind}.json`, 'utf8'));
      const file = readModelFile(raw);
      const s = file.meta.series!;
      expect(file.model.task).toBe('series');
      expect(file.model.tokenizer).toBe('numbers');
      expect(s.values).toEqual(series.values);
      expect(s.start).toBe('1949-01');
      expect(s.testStart).toBe(115);
      const mine = independentTestErrors(file);
      const r = raw.report;
      expect(r.test.mse).toBeCloseTo(mine.mse, 9);
      expect(r.test.mae).toBeCloseTo(mine.mae, 9);
      expect(r.naive.mse).toBeCloseTo(mine.naiveMse, 9);
      expect(r.seasonalNaive.mse).toBeCloseTo(mine.seasonalMse, 9);
      // The sentence the model opens on is the series' inputs.
      expect(file.meta.presets[0]).toBe(mine.zs.join(', '));
      // The README's claim: every gated kind beats both baselines on the test months (and, measured, the RNN too).
      if (GATED.includes(kind) || kind === 'rnn') {
        expect(mine.mse).toBeLessThan(mine.naiveMse);
        expect(mine.mse).toBeLessThan(mine.seasonalMse);
      }
      expect(Number.isFinite(mine.mse)).toBe(true);
    });
  }
});

describe('training never reads the test months', () => {
  it('the same weights come out when every test month is replaced (a short budget, one kind)', () => {
    const cfg = { maxUpdates: 50, evalEvery: 10 };
    const a = seriesSetup(series);
    const changed = seriesSetup({ months: series.months, values: series.values.map((v, t) => (t >= a.testStart ? v * 3 + 1 : v)) });
    const x = trainSeries('gru', a, undefined, cfg);
    const y = trainSeries('gru', changed, undefined, cfg);
    expect(y.report.updates).toBe(x.report.updates);
    const flat = (m: typeof x.model) => modelParams(m).flatMap((p) => Array.from(p.data));
    expect(flat(y.model)).toEqual(flat(x.model));
    // …while the test error, which does read them, differs.
    expect(y.report.test.mse).not.toBe(x.report.test.mse);
  });
});
