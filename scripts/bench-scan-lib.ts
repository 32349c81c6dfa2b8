/**
 * The measurement behind scripts/bench-scan.ts, run the same in Node and in a browser Worker
 * (bench-scan-worker.ts), so it uses nothing but the engine and performance.now(): minGRU over
 * one T-step sequence, stepped (the engine's run, each step reading the last h) against the scan
 * (every step's gates from x_t alone, then the prefix scan, scan.ts), and the recurrence alone,
 * h_t = a_t ⊙ h_{t−1} + b_t, stepped against scanned over the same (a, b).
 *
 * On one CPU thread the scan does more work than stepping (about log₂ T compositions per step
 * instead of one): its gain is on hardware that runs a level's positions at once. These figures
 * say what it costs where Gatescope runs it, one thread, to draw the scan view.
 */
import { type AffineStep, createRng, initialState, kindOf, prefixScan, randomParams, run, step, type Vec } from '../src/engine';

const WARMUP_MS = 400;
const BUDGET_MS = 2500;
const MAX_ROUNDS = 100;

export interface ScanFigures {
  readonly T: number;
  readonly H: number;
  /** Median (min) ms for the whole sequence, over interleaved rounds. */
  readonly stepMs: readonly [number, number];
  readonly scanMs: readonly [number, number];
  readonly recurrenceStepMs: readonly [number, number];
  readonly recurrenceScanMs: readonly [number, number];
  /** The largest |h_T(scan) − h_T(stepped)| over units: the two compute the same states. */
  readonly agree: number;
  readonly rounds: number;
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * Contenders interleaved, one pass each per round, so that they share whatever load the machine
 * has. A pass may run its sequence `times` times (a sample is then divided by it): a Worker's
 * clock ticks in 0.1 ms, longer than one pass of the bare recurrence.
 */
function timeAll(contenders: readonly { pass: () => void; times: number }[]): { times: Array<[number, number]>; rounds: number } {
  const passes = contenders.map(({ pass, times }) => () => {
    for (let r = 0; r < times; r++) pass();
  });
  const t0 = performance.now();
  while (performance.now() - t0 < WARMUP_MS) for (const p of passes) p();
  const samples = passes.map((): number[] => []);
  const t1 = performance.now();
  for (let round = 0; round < MAX_ROUNDS && (round < 7 || performance.now() - t1 < BUDGET_MS); round++)
    passes.forEach((pass, k) => {
      const a = performance.now();
      pass();
      samples[k]!.push((performance.now() - a) / contenders[k]!.times);
    });
  return { times: samples.map((v) => [median(v), Math.min(...v)]), rounds: samples[0]!.length };
}

/** Keeps the recurrence's results alive, so that the JIT cannot drop the work. */
const kept = { sink: 0 };

export function measureScan(T = 1024, H = 32): ScanFigures {
  const p = randomParams('mingru', H, H, createRng(3));
  const rng = createRng(4);
  const xs: Vec[] = Array.from({ length: T }, () => Float64Array.from({ length: H }, () => rng.uniform(-1, 1)));
  const kind = kindOf('mingru');
  const zero = initialState(p);
  let hStep: Vec = zero.h;
  let hScan: Vec = zero.h;
  // Stepped: the engine's run, each step reading h_{t−1}.
  const stepped = () => {
    hStep = run(p, xs).final.h;
  };
  // Scanned: each step's (a, b) from x_t alone (from any state: no gate reads h), then the scan.
  const scanned = () => {
    const maps = xs.map((x) => kind.linearStep!(step(p, zero, x).trace));
    hScan = prefixScan(maps, zero.h).h.at(-1)!;
  };
  const maps: AffineStep[] = xs.map((x) => kind.linearStep!(step(p, zero, x).trace));
  const recurrenceStep = () => {
    const h = new Float64Array(H);
    for (const m of maps) for (let k = 0; k < H; k++) h[k] = m.a[k]! * h[k]! + m.b[k]!;
    kept.sink += h[0]!;
  };
  const recurrenceScan = () => {
    kept.sink += prefixScan(maps, zero.h).h.at(-1)![0]!;
  };
  const { times, rounds } = timeAll([
    { pass: stepped, times: 1 },
    { pass: scanned, times: 1 },
    { pass: recurrenceStep, times: 50 },
    { pass: recurrenceScan, times: 1 },
  ]);
  const [s, c, rs, rc] = times as [[number, number], [number, number], [number, number], [number, number]];
  const agree = Math.max(...Array.from(hStep, (v, k) => Math.abs(v - hScan[k]!)));
  return { T, H, stepMs: s, scanMs: c, recurrenceStepMs: rs, recurrenceScanMs: rc, agree, rounds };
}
