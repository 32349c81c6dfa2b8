import { describe, expect, it } from 'vitest';
import { paramArrays } from '../engine';
import { fd, relErr } from '../testing/finiteDifferences';
import { naiveMse, waveWindows, windowTokens, WAVE_LENGTH } from './data/wave';
import { roleOf } from './data/split';
import { LabRun, labData, trainLabRun } from './lab';
import { LAB_DEFAULTS, LAB_TASK_DEFAULTS } from './labSettings';
import { waveModel } from './labTasks';
import { modelGrads, modelParams, zeroModelGrads } from './network';
import { accumulateMse, backFromLastValue, predictions, windowMse } from './regression';
import { tokenize } from '../text/tokenize';
import { readModelFile } from '../models/format';
import { toModelFile } from '../models/write-format';

describe('the wave data', () => {
  it('windows of 48 values and their next values, split by a hash: held-out windows are never in the stream', () => {
    const held = waveWindows(50, 9, 'test');
    for (const w of held) {
      expect(w.xs.length).toBe(WAVE_LENGTH);
      expect(w.ys.slice(0, -1)).toEqual(w.xs.slice(1));
      expect(roleOf([...windowTokens(w), String(w.ys.at(-1))])).toBe('test');
    }
    const train = new Set(
      Array.from({ length: 40 }, (_, i) => waveWindows(8, 100 + i, 'train'))
        .flat()
        .map((w) => w.xs.join(',')),
    );
    for (const w of held) expect(train.has(w.xs.join(','))).toBe(false);
    // What the app shows is what the model reads: the numbers tokenizer gives the values back.
    expect(tokenize(windowTokens(held[0]!).join(', '), 'numbers').tokens.map(Number)).toEqual(held[0]!.xs);
  });

  it('the naive baseline is the mean squared step', () => {
    expect(naiveMse([{ xs: [0, 1], ys: [1, 3] }])).toBe((1 + 4) / 2);
  });
});

describe('the time-series loss', () => {
  it('accumulateMse returns the mean squared error and its gradients match finite differences', () => {
    for (const kind of ['rnn', 'lstm', 'gru'] as const) {
      const m = waveModel({ ...LAB_DEFAULTS, task: 'wave', hidden: 3 }, kind);
      const w = { xs: [0.1, -0.4, 0.7, 0.2, -0.1], ys: [-0.4, 0.7, 0.2, -0.1, 0.5] };
      const g = zeroModelGrads(m);
      const loss = accumulateMse(m, w, g);
      expect(loss).toBeCloseTo(windowMse(m, w), 14);
      const ps = modelParams(m);
      const gs = modelGrads(g);
      let worst = 0;
      ps.forEach((p, j) => {
        for (let k = 0; k < p.data.length; k++)
          worst = Math.max(
            worst,
            relErr(
              gs[j]!.data[k]!,
              fd(() => windowMse(m, w), p.data, k),
            ),
          );
      });
      expect(worst, kind).toBeLessThan(1e-6);
      expect(ps.find((p) => p.name === 'embedding')!.data.length).toBe(0);
    }
  });

  it('the probe’s gradient is that of the last prediction’s squared error alone', () => {
    const m = waveModel({ ...LAB_DEFAULTS, task: 'wave', hidden: 3 }, 'lstm');
    const w = { xs: [0.1, -0.4, 0.7], ys: [-0.4, 0.7, 0.2] };
    const { back, predicted, loss } = backFromLastValue(m, w);
    expect(predicted).toEqual(predictions(m, w));
    expect(loss).toBe((predicted[2]! - 0.2) ** 2);
    // ∂L/∂b_head = ∂L/∂ŷ_T; ∂L/∂h_T = w_head ∂L/∂ŷ_T.
    const dy = 2 * (predicted[2]! - 0.2);
    back.dh[2]!.forEach((v, k) => expect(v).toBeCloseTo(m.head.W.data[k]! * dy, 14));
    expect(back.dc).not.toBeNull();
  });
});

describe('the wave task in the lab', () => {
  it('learns to beat "next = current" on held-out windows, and its file reads back as a numbers model', () => {
    const s = { ...LAB_TASK_DEFAULTS.wave, hidden: 8 };
    const d = labData(s);
    expect(d.kernel.metric).toBe('mse');
    const r = new LabRun(d, 'gru');
    const first = r.point();
    for (let k = 0; k < 200; k++) r.step();
    const later = r.point();
    expect(later.heldout).toBeLessThan(first.heldout);
    expect(later.heldout).toBeLessThan(d.kernel.baseline);
    const pr = r.probe();
    expect(pr.series!.predicted.length).toBe(WAVE_LENGTH);
    expect(pr.gradH.length).toBe(WAVE_LENGTH);
    expect(pr.gates.map((g) => g.name)).toEqual(['z', 'r']);
    const { model } = readModelFile(JSON.parse(JSON.stringify(toModelFile(r.model, {}, 'exact'))));
    expect(model.tokenizer).toBe('numbers');
    expect(model.embedding).toEqual({ kind: 'scalar', dim: 1 });
    expect(model.head?.kind).toBe('linear');
    expect(paramArrays(model.cell).map((p) => Array.from(p.data))).toEqual(paramArrays(r.model.cell).map((p) => Array.from(p.data)));
    expect(trainLabRun(s, 'gru', 40).model.head.W.data).toEqual(trainLabRun(s, 'gru', 40).model.head.W.data);
  });
});
