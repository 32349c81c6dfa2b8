/**
 * The time series of the lab (and of issue 13's wave models): a sum of two sines with noise,
 * the articles' "predict the next value" application with a scalar input.
 *
 *   v_t = a₁ sin(2π t / P₁ + φ₁) + a₂ sin(2π t / P₂ + φ₂) + ε_t,   ε_t ~ N(0, σ²)
 *   P₁ ~ U[16, 40], P₂ ~ U[5, 12], a₁ ~ U[0.5, 0.8], a₂ ~ U[0.15, 0.35], φ ~ U[0, 2π), σ = 0.05
 *
 * Values are rounded to 3 decimals, as they are typed and shown, so a window reads back from its
 * text exactly. A window of L + 1 values gives inputs x = v_0 … v_{L−1} and targets y = v_1 … v_L.
 * Splits, as everywhere here, by a hash of the window's values (./split.ts): held-out windows are
 * never trained on, whatever the seed.
 */
import { createRng, type Rng } from '../../engine';
import { drawUntil, roleOf, type Role } from './split';

export const WAVE_LENGTH = 48;
const WAVE_NOISE = 0.05;

export interface Window {
  /** x_t, the values read. */
  readonly xs: readonly number[];
  /** y_t = x_{t+1}, the values to predict. */
  readonly ys: readonly number[];
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function draw(rng: Rng, length: number): Window {
  const p1 = rng.uniform(16, 40);
  const p2 = rng.uniform(5, 12);
  const a1 = rng.uniform(0.5, 0.8);
  const a2 = rng.uniform(0.15, 0.35);
  const f1 = rng.uniform(0, 2 * Math.PI);
  const f2 = rng.uniform(0, 2 * Math.PI);
  const v = Array.from({ length: length + 1 }, (_, t) => round3(a1 * Math.sin((2 * Math.PI * t) / p1 + f1) + a2 * Math.sin((2 * Math.PI * t) / p2 + f2) + WAVE_NOISE * rng.normal()));
  return { xs: v.slice(0, length), ys: v.slice(1) };
}

/** The window's values as the numbers tokenizer reads them: what the split hashes, and what the app shows. */
export const windowTokens = (w: Window): string[] => w.xs.map(String);

export function waveWindows(n: number, seed: number, role: Role, length = WAVE_LENGTH): Window[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () =>
    drawUntil(
      () => draw(rng, length),
      (w) => roleOf([...windowTokens(w), String(w.ys.at(-1))]) === role,
      `${role} window`,
    ),
  );
}

/** Mean squared error of "the next value is the current one", the baseline a model must beat. */
export function naiveMse(ws: readonly Window[]): number {
  let s = 0;
  let n = 0;
  for (const w of ws) w.xs.forEach((x, t) => ((s += (x - w.ys[t]!) ** 2), n++));
  return s / Math.max(1, n);
}
