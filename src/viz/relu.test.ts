/**
 * A relu RNN's figure: its layer and equations say relu, and its state, which goes past 1 without
 * bound, is drawn on a scale that neither clips nor mislabels it, with no NaN or Infinity for any
 * value a double can hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, randomParams, RELU_CAP, run, type StepTrace } from '../engine';
import { bandLevel } from './collapsedStrip';
import { legendStops, scalePosition, scaleValue, valueColor, valueIndex } from './colors';
import { cellLayout } from './cellLayout';
import { diagramVectors } from './diagramVectors';
import { nodeEquation } from './equations';
import { toTex } from './tex';
import { barExtent, formatValue, traceVectors } from './vectors';

function reluTrace(scale: number): { tr: StepTrace; p: ReturnType<typeof randomParams> } {
  const rng = createRng(7);
  const p = randomParams('rnn', 3, 4, rng, { activation: 'relu', scale });
  const xs = [Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1), Float64Array.of(2, 2, 2)];
  const { traces } = run(p, xs);
  return { tr: traces[traces.length - 1]!, p };
}

describe('a relu RNN is drawn as relu', () => {
  it('its layer is labelled relu (tanh for a tanh RNN), and its equation and TeX say relu', () => {
    const relu = cellLayout('rnn', { rows: 4, collapsed: false, inputRows: 3, activation: 'relu' });
    expect(relu.nodes.find((n) => n.id === 'layerA')!.label).toBe('relu');
    expect(cellLayout('rnn', { rows: 4, collapsed: false, inputRows: 3 }).nodes.find((n) => n.id === 'layerA')!.label).toBe('tanh');
    const { tr, p } = reluTrace(2);
    const eq = nodeEquation('layerA', tr, p)!;
    expect(eq.curve).toBe('relu');
    expect(eq.symbolic).toBe('h_t = relu(W x_t + U h_{t−1} + b)');
    expect(toTex(eq.symbolic)).toContain('\\operatorname{relu}');
    expect(toTex(eq.symbolic)).not.toContain('tanh');
    expect(eq.plugged(0)).toMatch(/^relu\(/);
  });

  it('its h and h_{t−1} rows, in the table and the diagram, are on the rectified scale; a tanh RNN keeps the signed one', () => {
    const { tr, p } = reluTrace(2);
    expect(Math.max(...tr.h)).toBeGreaterThan(1); // the case this is about
    const rows = traceVectors(tr);
    expect(rows.find((r) => r.id === 'h')!.range).toBe('rectified');
    expect(rows.find((r) => r.id === 'hPrev')!.range).toBe('rectified');
    expect(diagramVectors(tr, p).h!.range).toBe('rectified');
    const tanh = run(randomParams('rnn', 3, 4, createRng(7)), [Float64Array.of(1, 2, 3)]).traces[0]!;
    expect(traceVectors(tanh).find((r) => r.id === 'h')!.range).toBe('signed');
  });
});

describe('the rectified scale: compressed, never clipped', () => {
  // Strictly apart up to where a double still tells x/(1+x) from 1 (~1e15); beyond, at the end.
  const values = [0, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 100, 1e4, 1e8];
  it('larger values are always further along, in colour position and bar length, and never fill it', () => {
    for (let k = 1; k < values.length; k++) {
      expect(scalePosition(values[k]!, 'rectified')).toBeGreaterThan(scalePosition(values[k - 1]!, 'rectified'));
      expect(barExtent(values[k]!, 'rectified').to).toBeGreaterThan(barExtent(values[k - 1]!, 'rectified').to);
    }
    // Where the signed scale would show 1.5 and 20 alike (clipped at 1), this one keeps them apart.
    expect(valueIndex(20, 'rectified')).toBeGreaterThan(valueIndex(1.5, 'rectified'));
    expect(valueIndex(1.5, 'signed')).toBe(valueIndex(20, 'signed'));
    expect(barExtent(1e4, 'rectified').to).toBeLessThan(1);
    expect(scalePosition(1, 'rectified')).toBe(0.75); // 1 sits half-way up the positive half
    expect(scalePosition(RELU_CAP, 'rectified')).toBeLessThanOrEqual(1);
  });

  it('its legend is labelled with the values its colours show (0 up to 20), and scaleValue inverts the position', () => {
    const stops = legendStops('rectified', 'light', 5);
    expect(stops[0]![0]).toBe(0);
    expect(stops[stops.length - 1]![0]).toBeCloseTo(20, 9);
    for (const [v, c] of stops) expect(valueColor(v, 'rectified', 'light')).toBe(c);
    for (const x of [0, 0.3, 1, 7, 20]) expect(scaleValue(scalePosition(x, 'rectified'), 'rectified')).toBeCloseTo(x, 9);
  });

  it('any double, however large, gives a colour, a bar, a band level and a printed number without NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        for (const range of ['rectified', 'signed', 'unbounded', 'gate'] as const) {
          const p = scalePosition(x, range);
          expect(p >= 0 && p <= 1).toBe(true);
          expect(valueColor(x, range, 'dark')).toMatch(/^rgb\(/);
          const b = barExtent(x, range);
          expect(Number.isFinite(b.from) && Number.isFinite(b.to) && b.from <= b.to).toBe(true);
          const level = bandLevel(range, x);
          expect(Number.isInteger(level) && level >= 0 && level <= 24).toBe(true);
        }
        expect(formatValue(x)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 500, seed: 34 },
    );
  });
});
