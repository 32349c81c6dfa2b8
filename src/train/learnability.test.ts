import { describe, expect, it } from 'vitest';
import { predict, run, type CellKind, type StartId } from '../engine';
import { distinctAtGap, firstStart, gradientAtStart, LEARN, learnabilityRun, summarise, type LearnRun } from './learnability';
import { COUNTRIES } from './data/memory';
import { embedIds } from './loss';
import { tokenIds } from './network';

const TINY = { ...LEARN, hidden: 4, perEpoch: 60, epochs: 2, heldout: 20, validation: 20 };

describe('learnability runs', () => {
  it('a tiny run reports held-out accuracy, examples seen and when it learned; the same seed gives the same run', () => {
    const a = learnabilityRun('lstm', 2, 0, TINY).run;
    expect(a.examplesSeen).toBeLessThanOrEqual(120);
    expect(a.heldoutAccuracy).toBeGreaterThanOrEqual(0);
    expect(a.heldoutAccuracy).toBeLessThanOrEqual(1);
    expect(learnabilityRun('lstm', 2, 0, TINY).run).toEqual(a);
  });

  it('runs from the kind’s first start unless told, and records the start; another start trains another network', () => {
    const first = learnabilityRun('lstm', 2, 0, TINY);
    expect(first.run.start).toBe(firstStart('lstm'));
    expect(learnabilityRun('lstm', 2, 0, TINY, firstStart('lstm')).run).toEqual(first.run);
    const other = learnabilityRun('lstm', 2, 0, TINY, 'default');
    expect(other.run.start).toBe('default');
    expect(Array.from(other.model.cell.kind === 'lstm' ? other.model.cell.gates.f.bW : [])).not.toEqual(Array.from(first.model.cell.kind === 'lstm' ? first.model.cell.gates.f.bW : []));
    const irnn = learnabilityRun('rnn', 2, 0, TINY, 'identity');
    expect(irnn.model.cell.kind === 'rnn' && irnn.model.cell.activation).toBe('relu');
  });

  it('summarises the median and range over seeds, and how many seeds learned, per kind and start', () => {
    const r = (kind: CellKind, start: StartId, seed: number, acc: number, learned: number | null): LearnRun => ({
      kind,
      start,
      gap: 10,
      seed,
      heldoutAccuracy: acc,
      examplesToLearn: learned,
      examplesSeen: 1000,
    });
    const s = summarise([r('rnn', 'default', 0, 0.2, null), r('rnn', 'default', 1, 0.9, null), r('rnn', 'default', 2, 1, 500), r('lstm', 'chrono', 0, 1, 100), r('rnn', 'orthogonal', 0, 0.5, null)]);
    expect(s).toEqual([
      { kind: 'rnn', start: 'default', gap: 10, median: 0.9, min: 0.2, max: 1, learned: 1, seeds: 3 },
      { kind: 'lstm', start: 'chrono', gap: 10, median: 1, min: 1, max: 1, learned: 1, seeds: 1 },
      { kind: 'rnn', start: 'orthogonal', gap: 10, median: 0.5, min: 0.5, max: 0.5, learned: 0, seeds: 1 },
    ]);
  });
});

describe('the gradient at the start', () => {
  /** ∂L/∂x_t by central differences of the forward pass alone (no bptt). */
  function numericGrad(m: ReturnType<typeof learnabilityRun>['model'], tokens: readonly string[], label: number, t: number): number[] {
    const xs = embedIds(m, tokenIds(m.embedding, tokens));
    const loss = () => -Math.log(predict(m.head, run(m.cell, xs).final.h)[label]!);
    const eps = 1e-5;
    return Array.from(xs[t]!, (v, k) => {
      const x = xs[t] as Float64Array;
      x[k] = v + eps;
      const up = loss();
      x[k] = v - eps;
      const down = loss();
      x[k] = v;
      return (up - down) / (2 * eps);
    });
  }
  const norm = (v: readonly number[]) => Math.hypot(...v);
  const median = (xs: number[]) => {
    const a = xs.sort((x, y) => x - y);
    return a.length % 2 ? a[(a.length - 1) / 2]! : (a[a.length / 2 - 1]! + a[a.length / 2]!) / 2;
  };

  it('is ‖∂L/∂x‖ at the country over the last word’s (the median over sequences), as central differences of the forward pass give it, for every path (h and the belt)', () => {
    const examples = distinctAtGap(11, 5, 3, 'validation');
    // "i grew up in <country> ." / "i was born in <country> .": the country is the fifth word.
    for (const e of examples) expect(COUNTRIES).toContain(e.tokens[4]);
    for (const [kind, start] of [
      ['rnn', 'default'],
      ['rnn', 'identity'],
      ['lstm', 'chrono'],
      ['gru', 'default'],
    ] as const) {
      const cfg = { ...TINY, epochs: 0 };
      const m = learnabilityRun(kind, 3, 1, cfg, start).model;
      const want = median(examples.map((e) => norm(numericGrad(m, e.tokens, e.label, 4)) / norm(numericGrad(m, e.tokens, e.label, e.tokens.length - 1))));
      const got = gradientAtStart(kind, start, { gap: 3, cfg, seeds: [1], examples });
      expect(got.share).toBeCloseTo(want, 6);
      expect(got).toMatchObject({ kind, start, gap: 3, seeds: 1, sequences: 11, min: got.share, max: got.share });
    }
  });

  it('an open gate or an orthogonal loop sends orders of magnitude more of it back across 20 words than the default draw (small cells)', () => {
    const at = (kind: CellKind, start: StartId) => gradientAtStart(kind, start, { gap: 20, cfg: { ...LEARN, hidden: 6 }, seeds: [0, 1], examples: distinctAtGap(10, 9, 20, 'validation') });
    const chrono = at('lstm', 'chrono');
    expect(chrono.share).toBeGreaterThan(100 * at('lstm', 'default').share);
    expect(chrono.min).toBeLessThanOrEqual(chrono.share);
    expect(chrono.max).toBeGreaterThanOrEqual(chrono.share);
    expect(at('rnn', 'orthogonal').share).toBeGreaterThan(100 * at('rnn', 'default').share);
  });
});
