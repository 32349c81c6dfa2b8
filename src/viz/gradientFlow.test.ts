import { describe, expect, it } from 'vitest';
import { createRng, influence, randomParams, runStack, stackInfluence, stackOf, embedToken } from '../engine';
import { demoModel } from '../models/demo';
import { flowCost, gradientFlow, withFiller, withForgetBias } from './gradientFlow';

describe('gradient flow data', () => {
  const tokens = withFiller(['i', 'grew', 'up', 'in', 'france'], 25);

  it('the last token influences itself with gain 1 (identity), earlier ones less, for an RNN', () => {
    const m = demoModel('rnn');
    const f = gradientFlow(m, tokens)!;
    expect(f.h).toHaveLength(30);
    expect(f.h[29]).toBeCloseTo(1, 12);
    expect(f.h[0]!).toBeLessThan(f.h[28]!);
    expect(f.c).toBeNull();
  });

  it('opening the forget gate makes the LSTM belt carry the first token across 30 steps', () => {
    const m = demoModel('lstm');
    const closed = gradientFlow(m, tokens)!;
    const open = gradientFlow(m, tokens, 6)!;
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

  it('a stacked model is measured at its top layer, with the gain that reaches each lower layer through the stack', () => {
    const base = demoModel('lstm');
    const H = base.cell.hiddenSize;
    const rng = createRng(7);
    const m = { ...base, above: [randomParams('lstm', H, 5, rng), randomParams('lstm', 5, 4, rng)] };
    const f = gradientFlow(m, tokens, 2)!;
    expect(f.layers).toBe(3);
    expect(f.through).toHaveLength(2);
    const layers = stackOf(m).map((p) => withForgetBias(p, 2));
    const traces = runStack(
      layers,
      tokens.map((t) => embedToken(m.embedding, t).x),
    ).layers;
    const top = influence(layers[2]!, traces[2]!, tokens.length);
    const through = stackInfluence(layers, traces, tokens.length).gain;
    const rms = (v: number) => v / 2; // √H of the top layer (4 units)
    f.h.forEach((v, k) => expect(v).toBeCloseTo(rms(top.h[k + 1]!), 12));
    f.c!.forEach((v, k) => expect(v).toBeCloseTo(rms(top.c![k + 1]!), 12));
    f.through.forEach((row, l) => row.forEach((v, k) => expect(v).toBeCloseTo(rms(through[l]![k + 1]!), 12)));
    // The forget bias moves every layer: without it the numbers differ.
    expect(gradientFlow(m, tokens)!.through[0]![0]).not.toBeCloseTo(f.through[0]![0]!, 6);
    // The stack costs more than its top layer alone.
    expect(flowCost(m, 10)).toBeGreaterThan(flowCost({ ...base, cell: layers[2]! }, 10));
  });

  it('gives no series for an empty sentence', () => {
    const m = demoModel('gru');
    expect(gradientFlow(m, [])).toBeNull();
  });
});
