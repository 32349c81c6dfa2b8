/**
 * Timing of BPTT and influence() on seeded random cells. Prints figures only; asserts nothing.
 *   npx tsx scripts/bench-bptt.ts
 * BPTT: 200 steps, hidden 128, input 32, every kind (forward run timed separately).
 * influence(): 200 steps (T = 200), hidden 32 and 128, input 32, every kind.
 * Each figure is the median of a few repetitions after one warm-up.
 */
import { bptt, createRng, influence, randomParams, run } from '../src/engine';
import type { CellKind, CellParams, InitOptions, StepTrace, Vec } from '../src/engine';
import { cliArgs } from './cli';

cliArgs({
  script: 'bench-bptt.ts',
  usage: `
usage: npx tsx scripts/bench-bptt.ts
Times BPTT (200 steps, hidden 128) and influence() (hidden 32 and 128) for every kind: figures only.`,
});

const KINDS: { label: string; kind: CellKind; opts: InitOptions }[] = [
  { label: 'rnn', kind: 'rnn', opts: {} },
  { label: 'lstm', kind: 'lstm', opts: {} },
  { label: 'peephole', kind: 'peephole', opts: {} },
  { label: 'coupled i=1-f', kind: 'coupled', opts: { coupling: 'i=1-f' } },
  { label: 'coupled f=1-i', kind: 'coupled', opts: { coupling: 'f=1-i' } },
  { label: 'gru after', kind: 'gru', opts: { reset: 'after' } },
  { label: 'gru before', kind: 'gru', opts: { reset: 'before' } },
];

function vecs(n: number, len: number, seed: number): Vec[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: len }, () => rng.normal()));
}

function median(f: () => void, reps: number): number {
  f(); // warm-up: let the JIT compile the hot loops
  const ms: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}

function setup(k: (typeof KINDS)[number], I: number, H: number, T: number) {
  const p: CellParams = randomParams(k.kind, I, H, createRng(1), k.opts);
  const xs = vecs(T, I, 2);
  const { traces } = run(p, xs);
  return { p, xs, traces: traces as StepTrace[] };
}

const T = 200;
const I = 32;
const fmt = (ms: number) => ms.toFixed(1).padStart(8);

console.log(`BPTT, T=${T}, hidden 128, input ${I} (ms, median of 5)`);
console.log(`${'kind'.padEnd(16)}${'forward'.padStart(8)}${'bptt'.padStart(8)}`);
for (const k of KINDS) {
  const { p, xs, traces } = setup(k, I, 128, T);
  const dLdh = vecs(T, 128, 3);
  const fwd = median(() => run(p, xs), 5);
  const back = median(() => bptt(p, traces, dLdh), 5);
  console.log(`${k.label.padEnd(16)}${fmt(fwd)}${fmt(back)}`);
}

console.log(`\ninfluence(), T=${T}, input ${I} (ms, median of 3)`);
console.log(`${'kind'.padEnd(16)}${'H=32'.padStart(8)}${'H=128'.padStart(8)}`);
for (const k of KINDS) {
  const cols = [32, 128].map((H) => {
    const { p, traces } = setup(k, I, H, T);
    return median(() => influence(p, traces, T), 3);
  });
  console.log(`${k.label.padEnd(16)}${cols.map(fmt).join('')}`);
}
