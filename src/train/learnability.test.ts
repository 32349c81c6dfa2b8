import { describe, expect, it } from 'vitest';
import { createRng, randomParams, type CellKind } from '../engine';
import { LEARN, chronoInit, learnabilityRun, summarise, type LearnRun } from './learnability';

describe('chrono initialisation', () => {
  it('opens the gate that keeps the past (bias log u, u in [1, T−1]) by the same rule for every gated kind; the RNN has none', () => {
    const inRange = (b: Float64Array) => b.every((v) => v >= 0 && v <= Math.log(99));
    for (const kind of ['lstm', 'peephole', 'coupled', 'gru', 'rnn'] as const) {
      const c = randomParams(kind, 3, 6, createRng(1));
      const before = JSON.stringify(c);
      chronoInit(c, 100, 7);
      if (c.kind === 'gru') {
        expect(inRange(c.gates.z.bW)).toBe(true);
        expect(new Set(c.gates.z.bW).size).toBe(6);
      } else if (c.kind === 'rnn') {
        expect(JSON.stringify(c)).toBe(before);
      } else if ('gates' in c && 'f' in c.gates && 'bW' in c.gates.f && 'bW' in c.gates.i) {
        expect(inRange(c.gates.f.bW)).toBe(true);
        if (c.kind !== 'coupled') expect(Array.from(c.gates.i.bW)).toEqual(Array.from(c.gates.f.bW, (v) => -v));
      }
    }
  });
});

describe('learnability runs', () => {
  it('a tiny run reports held-out accuracy, examples seen and when it learned; the same seed gives the same run', () => {
    const cfg = { ...LEARN, hidden: 4, perEpoch: 60, epochs: 2, heldout: 20, validation: 20 };
    const a = learnabilityRun('lstm', 2, 0, cfg).run;
    expect(a.examplesSeen).toBeLessThanOrEqual(120);
    expect(a.heldoutAccuracy).toBeGreaterThanOrEqual(0);
    expect(a.heldoutAccuracy).toBeLessThanOrEqual(1);
    expect(learnabilityRun('lstm', 2, 0, cfg).run).toEqual(a);
  });

  it('summarises the median and range over seeds, and how many seeds learned', () => {
    const run = (kind: CellKind, seed: number, acc: number, learned: number | null): LearnRun => ({ kind, gap: 10, seed, heldoutAccuracy: acc, examplesToLearn: learned, examplesSeen: 1000 });
    const s = summarise([run('rnn', 0, 0.2, null), run('rnn', 1, 0.9, null), run('rnn', 2, 1, 500), run('lstm', 0, 1, 100)]);
    expect(s).toEqual([
      { kind: 'rnn', gap: 10, median: 0.9, min: 0.2, max: 1, learned: 1, seeds: 3 },
      { kind: 'lstm', gap: 10, median: 1, min: 1, max: 1, learned: 1, seeds: 1 },
    ]);
  });
});
