/** The shipped model files (public/models) do what the README says they do. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS, embedToken, predict, runStack, stackOf, type Model } from '../engine';
import { parseModelFile } from '../models/format';
import { tokenize } from '../text/tokenize';
import { LANGUAGES, memoryExamplesAtGap } from './data/memory';
import { SENTIMENT_PRESETS } from './data/sentiment';
import { SENTIMENT_ZH_PRESETS } from './data/sentimentZh';
import type { Example } from './data/types';
import { CONFIGS, NO_DATA } from './tasks';
import { EVERYDAY } from './data/everyday';
import { hasModel, MODEL_TASKS, type ModelTaskChoice } from '../store/types';
import { measuredUnits } from '../viz/paintedText';
import { FEATURES } from './units';

const load = (id: string): Model => parseModelFile(JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')));
/** The head on the top layer's last h (of a one-layer model, its only layer). */
const finalProbs = (m: Model, tokens: readonly string[]) => {
  const { final } = runStack(
    stackOf(m),
    tokens.map((t) => embedToken(m.embedding, t).x),
  );
  return predict(m.head!, final[final.length - 1]!.h);
};
/** The kinds a task has a trained model of (store/types.ts TASK_GROUPS). */
const kindsOf = (task: ModelTaskChoice) => CELL_KINDS.filter((k) => hasModel(task, k));
/** Every shipped sentiment model: one per kind, and the stacked LSTM. */
const SENTIMENT_IDS = [...kindsOf('sentiment').map((k) => `sentiment-${k}`), 'sentiment-lstm-2layers'];

describe('the models shipped are the ones the pickers offer', () => {
  it('public/models/index.json lists exactly one model per task and kind the store says it has, the stacked LSTM and the stateful one', () => {
    const index = JSON.parse(readFileSync('public/models/index.json', 'utf8')) as { models: { id: string }[] };
    const offered = MODEL_TASKS.filter((t) => t !== 'demo').flatMap((t) => kindsOf(t).map((k) => `${t}-${k}`));
    expect(index.models.map((m) => m.id).sort()).toEqual([...offered, 'sentiment-lstm-2layers', 'charlm-lstm-stateful'].sort());
  });
});

describe('shipped sentiment models', () => {
  for (const id of SENTIMENT_IDS) {
    it(`${id} gets the four preset sentences right`, () => {
      const m = load(id);
      for (const { text, label } of SENTIMENT_PRESETS) {
        const p = finalProbs(m, tokenize(text).tokens)[1]!;
        expect(p >= 0.5 ? 1 : 0, `${text}: P(positive) = ${p}`).toBe(label);
      }
    });
  }
});

describe('shipped memory models', () => {
  // Every gated kind, and (measured with the mixed curriculum, see README) the plain RNN too.
  for (const kind of kindsOf('memory')) {
    it(`memory-${kind} is right on held-out examples at gap 30`, () => {
      const m = load(`memory-${kind}`);
      // Held-out split (never a training sequence, see data/split.ts), from a seed the report's held-out sets (2002 + gap) do not use.
      const data = memoryExamplesAtGap(60, 9090, 30);
      let ok = 0;
      for (const e of data) {
        const p = finalProbs(m, e.tokens);
        if (p.indexOf(Math.max(...p)) === e.label) ok++;
      }
      expect(ok / data.length).toBeGreaterThanOrEqual(0.95);
      expect(m.head!.labels).toEqual(LANGUAGES);
    });
  }
  it('memory reports: per-gap accuracy on 200 held-out sentences per gap, the weights kept from the best validation epoch and run', () => {
    for (const kind of kindsOf('memory')) {
      const r = JSON.parse(readFileSync(`public/models/memory-${kind}.json`, 'utf8')).report;
      expect(Object.keys(r.heldoutAccuracyByGap).map(Number)).toEqual([5, 10, 20, 30, 40, 60, 80, 120, 160]);
      expect(r.maxTrainGap).toBe(40);
      const accs = r.restarts.map((x: { valAccuracy: number }) => x.valAccuracy);
      expect(r.restarts[r.restartKept].bestEpoch).toBe(r.bestEpoch);
      expect(accs[r.restartKept]).toBe(Math.max(...accs));
      expect(r.heldoutPerGap).toBe(200);
      expect(r.validationExamples).toBe(200);
      expect(r.valCurve[r.bestEpoch]).toBe(Math.max(...r.valCurve));
    }
  });
  it('every model file is under 1 MB (the sentiment models carry a 3,000-word vocabulary)', () => {
    for (const task of ['sentiment', 'memory'] as const) {
      for (const kind of kindsOf(task)) expect(readFileSync(`public/models/${task}-${kind}.json`).length).toBeLessThan(task === 'memory' ? 100_000 : 1_000_000);
    }
  });
});

const report = (id: string) => JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')).report;

describe('shipped character models', () => {
  for (const task of ['charlm', 'charlm-zh'] as const) {
    for (const kind of kindsOf(task)) {
      it(`${task}-${kind}: reads characters, predicts one of its vocabulary, ≤ 1 MB gzipped, its caption says what its report measured`, () => {
        const id = `${task}-${kind}`;
        const raw = readFileSync(`public/models/${id}.json`);
        expect(gzipSync(raw).length).toBeLessThan(1024 * 1024);
        const m = load(id);
        expect(m.tokenizer).toBe('chars');
        expect(m.head!.labels).toEqual(m.embedding.kind === 'table' ? m.embedding.vocab : []);
        const r = report(id);
        const file = JSON.parse(raw.toString('utf8'));
        expect(file.caption.en).toContain(`${r.heldoutBpc.toFixed(2)} bits per character`);
        expect(file.caption.en).toContain(`bigram baseline ${r.baselines.bigram.toFixed(2)}`);
        // The held-out chapters or poems are never trained on, so the split must have all three parts.
        expect(r.chapters.train).toBeGreaterThan(0);
        expect(r.chapters.validation).toBeGreaterThan(0);
        expect(r.chapters.test).toBeGreaterThan(0);
        // The kept epoch is the best on validation.
        expect(r.valBpcCurve[r.bestEpoch]).toBe(Math.min(...r.valBpcCurve));
        // Every probability the head gives is finite and they sum to 1 after a typed sentence.
        const p = finalProbs(m, tokenize(task === 'charlm' ? 'It is a truth' : '床前明月光', 'chars').tokens);
        expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      });
    }
  }
});

describe('the stateful Austen LSTM (charlm-lstm-stateful)', () => {
  it('is hidden 128, trained statefully, under 1 MB, beats the baselines both ways, and opens painted by its quotation unit, named in its caption', () => {
    const raw = readFileSync('public/models/charlm-lstm-stateful.json');
    expect(raw.length).toBeLessThan(1024 * 1024);
    const m = load('charlm-lstm-stateful');
    const r = report('charlm-lstm-stateful');
    expect(m.cell.hiddenSize).toBeGreaterThanOrEqual(128);
    expect(r.variant).toBe('stateful');
    expect(r.heldoutBpc).toBeLessThan(r.baselines.bigram);
    expect(r.heldoutBpcStateful).toBeLessThan(r.baselinesStateful.bigram);
    expect(r.valBpcCurve[r.bestRound]).toBe(Math.min(...r.valBpcCurve));
    expect(r.units.map((u: { feature: string }) => u.feature)).toEqual([...FEATURES]);
    const q = measuredUnits(r, m.cell.hiddenSize)[0]!;
    expect(q.feature).toBe('quote');
    const caption = JSON.parse(raw.toString('utf8')).caption;
    expect(caption.en).toContain(`unit ${q.unit + 1} of ${q.series === 'c' ? 'C' : 'h'}`);
    expect(caption.en).toContain(`r = ${q.r.toFixed(2)}`);
  });
});

describe('shipped sentiment models on real text', () => {
  for (const id of SENTIMENT_IDS) {
    it(`${id}: the everyday-sentence accuracy in its report is what the model does on them now`, () => {
      const m = load(id);
      let ok = 0;
      for (const e of EVERYDAY) if ((finalProbs(m, tokenize(e.text).tokens)[1]! >= 0.5 ? 1 : 0) === e.label) ok++;
      expect(ok / EVERYDAY.length).toBe(report(id).everydayAccuracy);
      expect(report(id).heldoutReviews).toBe(1000);
    });
  }
});

describe('shipped Chinese sentiment models', () => {
  const cfg = CONFIGS['sentiment-zh'];
  const heldout = cfg.heldoutSets(NO_DATA);
  const right = (m: Model, xs: readonly Example[]) => xs.filter((e) => (finalProbs(m, e.tokens)[1]! >= 0.5 ? 1 : 0) === e.label).length;
  for (const kind of kindsOf('sentiment-zh')) {
    it(`sentiment-zh-${kind}: reads characters, and reproduces its reported held-out accuracies on both sets`, () => {
      const id = `sentiment-zh-${kind}`;
      const m = load(id);
      const r = report(id);
      expect(m.tokenizer).toBe('chars');
      expect(m.head!.labels).toEqual(['negative', 'positive']);
      expect(r.vocabSize).toBe(m.embedding.kind === 'table' ? m.embedding.vocab.length : -1);
      for (const [name, xs] of Object.entries(heldout)) {
        const rep = r.heldoutSets[name];
        expect(rep.examples).toBe(xs.length);
        // The file's weights are rounded to 6 digits: at most one sentence may land on the other side.
        expect(Math.abs(right(m, xs) - Math.round(rep.accuracy * xs.length)), name).toBeLessThanOrEqual(1);
      }
      // The caption's numbers are the model's on the probe sentences.
      const file = JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8'));
      const pNot = finalProbs(m, tokenize('这部电影不好看', 'chars').tokens)[1]!;
      expect(file.caption.zh).toContain(`P(正面) = ${Math.round(pNot * 100)}%`);
      expect(file.presets).toEqual(SENTIMENT_ZH_PRESETS.map((p) => p.text));
    });
  }
  it('the gated kinds get the four Chinese presets right (never trained on), 不好看 negative and 很好看 positive', () => {
    for (const kind of kindsOf('sentiment-zh').filter((k) => k !== 'rnn')) {
      const m = load(`sentiment-zh-${kind}`);
      for (const { text, label } of SENTIMENT_ZH_PRESETS) {
        const p = finalProbs(m, tokenize(text, 'chars').tokens)[1]!;
        expect(p >= 0.5 ? 1 : 0, `${kind} ${text}: P(positive) = ${p}`).toBe(label);
      }
    }
  });
});

describe('shipped time-series models', () => {
  for (const kind of kindsOf('wave')) {
    it(`wave-${kind} beats "next = current" on held-out windows it never saw, and its presets are numbers`, async () => {
      const { waveWindows, naiveMse } = await import('./data/wave');
      const { meanMse } = await import('./regression');
      const raw = JSON.parse(readFileSync(`public/models/wave-${kind}.json`, 'utf8')) as { presets: string[] };
      const m = load(`wave-${kind}`);
      expect(m.tokenizer).toBe('numbers');
      // Held out, from a seed neither the report (72000) nor the presets use.
      const held = waveWindows(60, 424_242, 'test');
      const mse = meanMse(m as Parameters<typeof meanMse>[0], held);
      expect(mse).toBeLessThan(0.7 * naiveMse(held));
      for (const p of raw.presets) expect(tokenize(p, 'numbers').error).toBeNull();
    });
  }
});
