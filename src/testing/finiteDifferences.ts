/**
 * Helpers for the finite-difference tests (imported by *.test.ts only).
 *
 * The check loss is  L = Σ_t w_t · h_t + wh · h_T + wc · C_T  with random w, so every step's
 * hidden state, and the final cell state, carry gradient. A kind with further states (sLSTM's n
 * and m, mLSTM's C, n, m) reads its final state through one more step instead, L += w′ · h′ with
 * h′ the h of a step from (h_T, C_T, extra_T) on an input x′: its stabilised states are the true
 * ones times e^{−m}, so only what the cell computes from them, never c_T itself, is a function of
 * the weights that holding m fixed differentiates exactly (kinds/slstm.ts). That is how the
 * translation's hand-over reads a state, and it exercises bptt's final-state gradients. Derivatives are taken with the
 * fourth-order central difference
 *     L'(θ) ≈ (L(θ-2ε) - 8 L(θ-ε) + 8 L(θ+ε) - L(θ+2ε)) / 12ε,
 * whose truncation error O(ε⁴) ≈ 1e-16 at ε = 1e-4 is below float64 round-off, so what is
 * left is ~1e-16·|L|/ε ≈ 1e-12..1e-11 absolute.
 */
import { randomParams, type InitOptions } from '../engine/init';
import { createRng, type Rng } from '../engine/rng';
import { hasCellState, initialState, run, step } from '../engine/step';
import type { CellState, Vec } from '../engine/types';
import { type CellKind, type CellParams, extraSlotsOf, gateParts, KINDS, type StepTrace, VARIANT_VALUES } from '../engine/kinds';

export const FD_EPS = 1e-4;

interface CaseConfig {
  readonly label: string;
  readonly kind: CellKind;
  readonly opts: InitOptions;
}

/**
 * Every registered kind, each of its variants (GRU reset, coupling, sLSTM forget gate), each gate
 * activation it offers (the classic gated kinds: sigmoid and hard sigmoid), and the RNN's two
 * state nonlinearities.
 */
export const CONFIGS: CaseConfig[] = KINDS.flatMap((k): CaseConfig[] => {
  // A gateless kind varies by its state's nonlinearity instead (the RNN's tanh and relu).
  if (k.gateActivations.length === 0) return k.stateActivations.map((a, n) => ({ label: n === 0 ? k.id : `${k.id}/${a}`, kind: k.id, opts: n === 0 ? {} : { activation: a } }));
  const variants: readonly (string | null)[] = k.variant ? VARIANT_VALUES[k.variant] : [null];
  // Kinds whose gates are fixed keep them out of the label.
  const acts = k.gateActivations.length > 1 ? k.gateActivations : [null];
  return acts.flatMap((a) =>
    variants.map(
      (v): CaseConfig => ({
        label: `${k.id}${v ? ` ${v}` : ''}${a ? `/${a}` : ''}`,
        kind: k.id,
        opts: { ...(a ? { gateActivation: a } : {}), ...(k.variant && v ? { [k.variant]: v } : {}) },
      }),
    ),
  );
});

export interface FdCase {
  readonly params: CellParams;
  readonly xs: Vec[];
  readonly h0: Vec;
  readonly c0: Vec | null;
  /** The kind's further states at the start (CellState.extra), or null. */
  readonly e0: Vec | null;
  readonly w: Vec[];
  readonly wh: Vec;
  /** The final C's weight in the loss; null for kinds with further states, which read it through `after`. */
  readonly wc: Vec | null;
  /** One more step from the final state, on input x, whose h the loss weighs by w (kinds with further states). */
  readonly after: { readonly x: Vec; readonly w: Vec } | null;
}

export function normalVec(n: number, rng: Rng, s = 1): Vec {
  const v = new Float64Array(n);
  for (let k = 0; k < n; k++) v[k] = s * rng.normal();
  return v;
}

export function makeCase(cfg: CaseConfig, seed: number, I = 3, H = 4, T = 5, scale = 1): FdCase {
  const rng = createRng(seed);
  const params = randomParams(cfg.kind, I, H, rng, { ...cfg.opts, scale });
  const withC = hasCellState(cfg.kind);
  const xs = Array.from({ length: T }, () => normalVec(I, rng));
  const h0 = normalVec(H, rng, 0.5);
  const c0 = withC ? normalVec(H, rng, 0.5) : null;
  const w = Array.from({ length: T }, () => normalVec(H, rng));
  const wh = normalVec(H, rng);
  const wc = withC ? normalVec(H, rng) : null;
  // Drawn after everything the classic kinds draw, so their cases are the same as before.
  const slots = extraSlotsOf(cfg.kind, H);
  if (slots.length === 0) return { params, xs, h0, c0, e0: null, w, wh, wc, after: null };
  const e0 = new Float64Array(slots.reduce((n, s) => n + s.length, 0));
  // A normaliser starts positive, as every state the cell makes from zeros is.
  for (const s of slots) for (let k = 0; k < s.length; k++) e0[s.offset + k] = s.nonNegative ? 0.5 + 0.5 * Math.abs(rng.normal()) : 0.5 * rng.normal();
  return { params, xs, h0, c0, e0, w, wh, wc: null, after: { x: normalVec(I, rng), w: normalVec(H, rng) } };
}

export function startState(c: FdCase): CellState {
  return initialState(c.params, c.h0, c.c0 ?? undefined, c.e0 ?? undefined);
}

const dot = (a: Vec, b: Vec) => a.reduce((s, v, k) => s + v * b[k]!, 0);

/** L plus what the loss reads of the final state: wh · h_T, and wc · C_T or the step after's w′ · h′. */
export function withFinal(L: number, c: FdCase, final: CellState): number {
  let out = L + dot(c.wh, final.h);
  if (c.wc && final.c) out += dot(c.wc, final.c);
  if (c.after) out += dot(c.after.w, step(c.params, final, c.after.x).state.h);
  return out;
}

export function loss(c: FdCase): number {
  const { traces, final } = run(c.params, c.xs, startState(c));
  return withFinal(
    traces.reduce((s, tr, t) => s + dot(c.w[t]!, tr.h), 0),
    c,
    final,
  );
}

/** Fourth-order central difference of f with respect to data[k] (restored afterwards). */
export function fd(f: () => number, data: Float64Array, k: number, eps = FD_EPS): number {
  const x = data[k]!;
  const at = (d: number) => {
    data[k] = x + d;
    const v = f();
    data[k] = x;
    return v;
  };
  // Differences of nearby values first: equal losses (a parameter the loss ignores, a
  // saturated gate) then give exactly 0 instead of summation round-off.
  return (8 * (at(eps) - at(-eps)) - (at(2 * eps) - at(-2 * eps))) / (12 * eps);
}

/**
 * Entry-wise relative error |a-b| / max(|a|, |b|, floor). The floor keeps entries that are
 * zero or nearly so (a coupled cell's unused gate, a saturated unit) from dividing noise
 * by noise; it is far below the typical gradient (~1e-1) and is reported with the figures.
 */
export const REL_FLOOR = 1e-5;
export function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), REL_FLOOR);
}

/**
 * Smallest distance of a pre-activation from a kink: a hard sigmoid's at ±2.5, relu's at 0
 * (Infinity if none).
 */
function kinkDistance(p: CellParams, traces: readonly StepTrace[]): number {
  if ('activation' in p && p.activation === 'relu') {
    let d = Infinity;
    for (const tr of traces) for (const x of Object.values(tr.pre as Readonly<Record<string, Vec | null>>)[0] ?? []) d = Math.min(d, Math.abs(x));
    return d;
  }
  if (!('gateActivation' in p) || p.gateActivation !== 'hardSigmoid') return Infinity;
  let d = Infinity;
  for (const tr of traces) {
    const pre = tr.pre as Readonly<Record<string, Vec | null>>;
    const pres = gateParts(tr.kind).map((g) => pre[g.name] ?? null);
    for (const v of pres) {
      if (!v) continue;
      for (const x of v) d = Math.min(d, Math.abs(Math.abs(x) - 2.5));
    }
  }
  return d;
}

/** Deep copy of every array in the traces, to check that nothing wrote into them. */
export function snapshot(traces: readonly StepTrace[]): string {
  return JSON.stringify(traces, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v));
}

/**
 * FD moves one number by up to 2ε = 2e-4, which moves a pre-activation by that times a weight
 * or input (|·| ≲ 3 here): 2e-3 keeps every evaluation on the same side of each kink.
 */
const KINK_MARGIN = 2e-3;

/** A case whose hard-sigmoid pre-activations are all off the kinks (sigmoid: the seed itself). */
export function caseOffKinks(cfg: CaseConfig, seed: number): { c: FdCase; seed: number } {
  for (let s = seed; s < seed + 1000; s++) {
    const c = makeCase(cfg, s);
    if (kinkDistance(c.params, run(c.params, c.xs, startState(c)).traces) >= KINK_MARGIN) {
      return { c, seed: s };
    }
  }
  throw new Error(`no seed near ${seed} keeps ${cfg.label} off the kinks (hard sigmoid's, relu's)`);
}
