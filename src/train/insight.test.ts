import { describe, expect, it } from 'vitest';
import { createRng, embedToken, predict, run, type Model, type StepTrace } from '../engine';
import { tokenize } from '../text/tokenize';
import { COUNTRIES, filler } from './data/memory';
import { memoryInsight, sentimentInsight } from './insight';
import { buildVocab, initNetwork } from './network';

const model = (kind: 'rnn' | 'lstm' | 'gru' | 'peephole', headKind: 'sigmoid' | 'softmax', words: string[]): Model =>
  initNetwork({
    id: 't',
    task: 'custom',
    kind,
    vocab: buildVocab([words]),
    embedDim: 4,
    hidden: 5,
    headKind,
    labels: headKind === 'sigmoid' ? ['neg', 'pos'] : ['a', 'b', 'c', 'd', 'e', 'f'],
    seed: 11,
  });

const traces = (m: Model, text: string): StepTrace[] =>
  run(
    m.cell,
    tokenize(text).tokens.map((t) => embedToken(m.embedding, t).x),
  ).traces;

describe('sentimentInsight', () => {
  const m = model('lstm', 'sigmoid', 'the movie was not good'.split(' '));
  const ins = sentimentInsight(m);
  it('finds the two units that move most at “not”, largest first', () => {
    const tr = traces(m, 'the movie was not good');
    const moves = Array.from(tr[3]!.h, (v, k) => Math.abs(v - tr[2]!.h[k]!));
    const top = ins.numbers.topUnits as Array<{ unit: number; from: number; to: number }>;
    expect(ins.numbers.notStep).toBe(3);
    expect(top).toHaveLength(2);
    expect(Math.abs(top[0]!.to - top[0]!.from)).toBe(Math.max(...moves));
    expect(Math.abs(top[0]!.to - top[0]!.from)).toBeGreaterThanOrEqual(Math.abs(top[1]!.to - top[1]!.from));
    expect(top[0]!.from).toBe(tr[2]!.h[top[0]!.unit]);
  });
  it('reports P(positive) with and without “not” as the head gives them, in both captions', () => {
    const pNot = predict(m.head!, traces(m, 'the movie was not good').at(-1)!.h)[1]!;
    const pGood = predict(m.head!, traces(m, 'the movie was good').at(-1)!.h)[1]!;
    expect(ins.numbers.pPositiveNotGood).toBe(pNot);
    expect(ins.numbers.pPositiveGood).toBe(pGood);
    for (const c of [ins.caption.en, ins.caption.zh]) expect(c).toContain(`${Math.round(pNot * 100)}%`);
  });
});

describe('memoryInsight', () => {
  const acc = { '5': 1, '20': 0.5, '40': 0.25, '80': 0.125 };
  const words = ['i', 'grew', 'up', 'in', '.', 'speak', 'fluent', ...COUNTRIES, ...filler(createRng(77), 30)];
  it('quotes the accuracy per gap it is given, in English and Chinese', () => {
    const ins = memoryInsight(model('rnn', 'softmax', words), acc);
    expect(ins.caption.en).toContain('100% at a 5-word gap, 50% at 20, 25% at 40, 13% at 80');
    expect(ins.caption.zh).toContain('间隔 5 词 100%，20 词 50%，40 词 25%，80 词 13%');
  });
  it('watches h for the RNN and GRU, C for the LSTMs', () => {
    expect(memoryInsight(model('rnn', 'softmax', words), acc).numbers.vector).toBe('h');
    expect(memoryInsight(model('gru', 'softmax', words), acc).numbers.vector).toBe('h');
    expect(memoryInsight(model('lstm', 'softmax', words), acc).numbers.vector).toBe('C');
    expect(memoryInsight(model('peephole', 'softmax', words), acc).numbers.vector).toBe('C');
  });
  it('picks the unit whose spread across the six countries is largest at both ends of a 30-word gap', () => {
    const m = model('lstm', 'softmax', words);
    const ins = memoryInsight(m, acc);
    const fill = filler(createRng(77), 30);
    const runs = COUNTRIES.map((c) => traces(m, ['i', 'grew', 'up', 'in', c, '.', ...fill, '.', 'i', 'speak', 'fluent'].join(' ')));
    const c = (tr: StepTrace) => (tr.kind === 'lstm' ? tr.c : tr.h);
    const spread = (t: number, k: number) => Math.max(...runs.map((r) => c(r[t]!)[k]!)) - Math.min(...runs.map((r) => c(r[t]!)[k]!));
    const score = (k: number) => Math.min(spread(4, k), spread(35, k));
    const unit = ins.numbers.unit as number;
    expect(ins.numbers.spreadAtCountry).toBeCloseTo(spread(4, unit), 12);
    expect(ins.numbers.spreadAfterGap).toBeCloseTo(spread(35, unit), 12);
    for (let k = 0; k < 5; k++) expect(score(unit)).toBeGreaterThanOrEqual(score(k));
    expect(ins.caption.en).toContain(`C[${unit}]`);
  });
});
