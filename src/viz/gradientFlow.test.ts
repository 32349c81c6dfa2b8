import { describe, expect, it } from 'vitest';
import { demoModel } from '../models/demo';
import { gradientFlow, withFiller, withForgetBias } from './gradientFlow';

describe('gradient flow data', () => {
  const tokens = withFiller(['i', 'grew', 'up', 'in', 'france'], 25);

  it('the last token influences itself with gain 1 (identity), earlier ones less, for an RNN', () => {
    const m = demoModel('rnn');
    const f = gradientFlow(m, m.cell, tokens)!;
    expect(f.h).toHaveLength(30);
    expect(f.h[29]).toBeCloseTo(1, 12);
    expect(f.h[0]!).toBeLessThan(f.h[28]!);
    expect(f.c).toBeNull();
  });

  it('opening the forget gate makes the LSTM belt carry the first token across 30 steps', () => {
    const m = demoModel('lstm');
    const closed = gradientFlow(m, m.cell, tokens)!;
    const open = gradientFlow(m, withForgetBias(m.cell, 6), tokens)!;
    expect(open.belt![0]!).toBeGreaterThan(0.5);
    expect(open.belt![0]!).toBeGreaterThan(1e3 * closed.belt![0]!);
    expect(open.c![0]!).toBeGreaterThan(closed.c![0]!);
  });

  it('withForgetBias leaves kinds without a forget gate alone and does not mutate', () => {
    const r = demoModel('rnn').cell;
    expect(withForgetBias(r, 3)).toBe(r);
    const l = demoModel('lstm').cell;
    const before = Array.from((l as { gates: { f: { bW: Float64Array } } }).gates.f.bW);
    withForgetBias(l, 3);
    expect(Array.from((l as { gates: { f: { bW: Float64Array } } }).gates.f.bW)).toEqual(before);
  });

  it('gives no series for an empty sentence', () => {
    const m = demoModel('gru');
    expect(gradientFlow(m, m.cell, [])).toBeNull();
  });
});
