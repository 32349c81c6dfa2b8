/**
 * The engine agrees with TensorFlow.js layers (float32, cpu backend) to 1e-5 on random weights,
 * for every cell tfjs has: simpleRNN, lstm (sigmoid and tfjs' default hardSigmoid), and the
 * reset-before gru. The vector files already pin the formulations; this is an independent check
 * on sizes and seeds the files do not cover.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, randomParams, run, type CellKind, type InitOptions } from '../src/engine';
import { tfjsLayer, tfjsRun, useCpuBackend } from './tfjs-ref';

beforeAll(useCpuBackend);

const cases: [string, CellKind, InitOptions][] = [
  ['simpleRNN', 'rnn', {}],
  ['lstm sigmoid', 'lstm', { gateActivation: 'sigmoid' }],
  ['lstm hardSigmoid (tfjs default)', 'lstm', { gateActivation: 'hardSigmoid' }],
  ['gru reset-before sigmoid', 'gru', { reset: 'before', gateActivation: 'sigmoid' }],
  ['gru reset-before hardSigmoid (tfjs default)', 'gru', { reset: 'before', gateActivation: 'hardSigmoid' }],
];

const SEEDS = [1, 2, 3, 4];

describe.each(cases)('%s', (_name, kind, opts) => {
  it.each(SEEDS)('seed %i', (seed) => {
    const rng = createRng(seed * 7919);
    const H = 4 + rng.int(13); // 4..16
    const I = 1 + rng.int(12);
    const T = 5 + rng.int(16); // 5..20
    // Scale 1.5/sqrt(H): past the default init, so that gates leave their linear region.
    const p = randomParams(kind, I, H, rng, { ...opts, scale: 1.5 / Math.sqrt(H) });
    const xs = Array.from({ length: T }, () => Float64Array.from({ length: I }, () => rng.uniform(-1, 1)));
    const ours = run(p, xs).traces.map((t) => t.h);
    const theirs = tfjsRun(tfjsLayer(p), xs, I);
    expect(theirs.length).toBe(T);
    let max = 0;
    ours.forEach((h, t) => h.forEach((v, k) => (max = Math.max(max, Math.abs(v - theirs[t]![k]!)))));
    expect(Number.isFinite(max)).toBe(true);
    expect(max, `I=${I} H=${H} T=${T}`).toBeLessThan(1e-5);
  });
});
