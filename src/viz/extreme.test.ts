/**
 * "Never NaN": with every weight and input at the edge of what a model file may hold
 * (±MAX_ABS_WEIGHT, random signs), every kind, every view's data is made of finite numbers (but
 * the sLSTM's gates without m, drawn to show that they overflow), and what is shown as text never
 * reads NaN or Infinity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS, createRng, matrix, paramArrays, randomParams, run, type CellKind, type InitOptions, type Model } from '../engine';
import { CONFIGS } from '../testing/finiteDifferences';
import { MAX_ABS_WEIGHT } from '../engine/importers/errors';
import { diagramVectors } from './diagramVectors';
import { traceToCsv, traceToJson } from './exportTrace';
import { gradientFlow } from './gradientFlow';
import { heatmapSeries } from './heatmapLayout';
import { predictionsOverSentence } from './predictions';
import { formatCompact, formatValue, traceVectors } from './vectors';
import { embedAll } from '../store/history';

/** A model whose every weight is ±B·u, u ∈ [0.5, 1] (signs and sizes from the seed). */
function extremeModel(kind: CellKind, H: number, B: number, seed: number, head: 'sigmoid' | 'softmax' | 'linear', opts: InitOptions = {}): Model {
  const rng = createRng(seed);
  const big = () => (rng.next() < 0.5 ? -1 : 1) * B * (0.5 + 0.5 * rng.next());
  const E = 4;
  const vocab = ['<unk>', 'a', 'b', 'c'];
  const cell = randomParams(kind, head === 'linear' ? 1 : E, H, rng, opts);
  for (const p of paramArrays(cell)) for (let k = 0; k < p.data.length; k++) p.data[k] = big();
  const outputs = head === 'softmax' ? 3 : 1;
  return {
    id: 'extreme',
    task: 'custom',
    trained: true,
    embedding: head === 'linear' ? { kind: 'scalar', dim: 1 } : { kind: 'table', dim: E, vocab, table: matrix(4, E, Array.from({ length: 4 * E }, big)), unk: 0, lowercase: true },
    cell,
    head: {
      kind: head,
      labels: head === 'softmax' ? ['x', 'y', 'z'] : head === 'sigmoid' ? ['neg', 'pos'] : ['next value'],
      W: matrix(outputs, H, Array.from({ length: outputs * H }, big)),
      b: Float64Array.from({ length: outputs }, big),
    },
    tokenizer: head === 'linear' ? 'numbers' : 'words',
  };
}

const allFinite = (xs: Iterable<number>) => {
  for (const x of xs) if (!Number.isFinite(x)) return false;
  return true;
};

describe('extreme but allowed weights and inputs: every view’s numbers are finite', () => {
  // Every kind, and the variants that change what a state can hold (a relu RNN's is unbounded).
  const cases = [...CELL_KINDS.map((kind) => ({ label: kind, kind, opts: {} as InitOptions })), ...CONFIGS.filter((c) => c.opts.activation)];
  for (const { label, kind, opts } of cases) {
    it(label, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e6 }),
          fc.constantFrom(1, 1e2, MAX_ABS_WEIGHT),
          fc.constantFrom('sigmoid', 'softmax', 'linear') as fc.Arbitrary<'sigmoid' | 'softmax' | 'linear'>,
          // A relu state grows by up to ~10⁵ a step: 200 steps would pass the largest double.
          fc.integer({ min: 1, max: opts.activation ? 200 : 40 }),
          (seed, B, head, T) => {
            const m = extremeModel(kind, 6, B, seed, head, opts);
            const tokens = head === 'linear' ? Array.from({ length: T }, (_, k) => String((k % 2 ? -1 : 1) * MAX_ABS_WEIGHT)) : Array.from({ length: T }, (_, k) => ['a', 'b', 'c', 'zzz'][k % 4]!);
            const embedded = embedAll(m, tokens);
            expect(allFinite(embedded.flatMap((e) => [...e.x]))).toBe(true);
            const { traces } = run(
              m.cell,
              embedded.map((e) => e.x),
            );
            for (const tr of traces) {
              for (const v of traceVectors(tr)) {
                expect(allFinite(v.values), `${kind} ${v.id}`).toBe(true);
                for (const x of v.values) expect(formatValue(x)).not.toMatch(/NaN|Infinity/);
              }
              const dv = diagramVectors(tr, m.cell);
              for (const v of Object.values(dv)) {
                // The sLSTM's gates without m are drawn to show what overflows: ∞ there, never NaN.
                if (v!.wide) for (const x of v!.values) expect(formatCompact(x)).not.toMatch(/NaN|Infinity|\?/);
                else expect(allFinite(v!.values)).toBe(true);
              }
            }
            for (const s of heatmapSeries(traces)) for (const col of s.values) expect(allFinite(Array.from(col))).toBe(true);
            expect(allFinite(predictionsOverSentence(m, embedded).flat())).toBe(true);
            const flow = gradientFlow(m, tokens)!;
            expect(allFinite([...flow.h, ...(flow.c ?? []), ...(flow.belt ?? [])]), `${kind} gradient flow`).toBe(true);
            const exported = { model: m.id, cell: kind, tokens: embedded, layers: [traces] };
            expect(traceToCsv(exported)).not.toMatch(/NaN|Infinity/);
            expect(traceToJson(exported)).not.toMatch(/null|NaN|Infinity/);
          },
        ),
        { numRuns: 60, seed: 20261202 },
      );
    });
  }
});

describe('an exploding cell', () => {
  it('U = 10⁴·I with h stuck at 0 grows the gain 10⁴ a step: capped at the largest double, never Infinity or NaN', () => {
    for (const kind of ['rnn', 'lstm'] as const) {
      const m = extremeModel(kind, 3, 1, 5, 'sigmoid');
      for (const p of paramArrays(m.cell)) p.data.fill(0);
      const c = m.cell;
      const U = c.kind === 'rnn' ? c.a.U : c.kind === 'lstm' ? c.gates.g.U : null;
      for (let k = 0; k < 3; k++) U!.data[k * 3 + k] = MAX_ABS_WEIGHT;
      if (c.kind === 'lstm') {
        // Gates at σ(0) = ½; C and h start at 0 and stay there, so every step's Jacobian is the same.
        for (let k = 0; k < 3; k++) c.gates.o.bW[k] = 0;
      }
      const tokens = Array.from({ length: 200 }, () => 'a');
      const f = gradientFlow(m, tokens)!;
      const all = [...f.h, ...(f.c ?? [])];
      expect(allFinite(all), kind).toBe(true);
      if (kind === 'rnn') {
        expect(f.h[0]).toBe(Number.MAX_VALUE / Math.sqrt(3)); // the view divides by √H
        // Before the cap, the gain is exactly (10⁴)^k: scaling by powers of two loses nothing.
        expect(f.h[199 - 10]! / 1e40).toBeCloseTo(1, 10);
      }
    }
  });
});
