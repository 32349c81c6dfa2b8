/**
 * Adam (Kingma & Ba 2015) over flat parameter arrays, with global-norm gradient clipping
 * (Pascanu et al. 2013) applied first, because an RNN's gradient can explode on long sequences:
 *
 *   g ← g · min(1, maxNorm / ‖g‖)
 *   m ← β1 m + (1 − β1) g,   v ← β2 v + (1 − β2) g²
 *   p ← p − lr · m̂ / (√v̂ + ε),   m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
 */
import type { NamedArray } from '../engine';

interface AdamOptions {
  readonly lr: number;
  readonly beta1?: number;
  readonly beta2?: number;
  readonly eps?: number;
}

export function globalNorm(grads: readonly NamedArray[]): number {
  let s = 0;
  for (const g of grads) for (const v of g.data) s += v * v;
  return Math.sqrt(s);
}

/** Scales the grads in place so that their global norm is at most maxNorm; returns the norm before. */
export function clipByGlobalNorm(grads: readonly NamedArray[], maxNorm: number): number {
  const n = globalNorm(grads);
  if (n > maxNorm) {
    const s = maxNorm / n;
    for (const g of grads) for (let k = 0; k < g.data.length; k++) g.data[k] = g.data[k]! * s;
  }
  return n;
}

export class Adam {
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];
  private t = 0;
  lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  constructor(
    private readonly params: readonly NamedArray[],
    opts: AdamOptions,
  ) {
    this.m = params.map((p) => new Float64Array(p.data.length));
    this.v = params.map((p) => new Float64Array(p.data.length));
    this.lr = opts.lr;
    this.b1 = opts.beta1 ?? 0.9;
    this.b2 = opts.beta2 ?? 0.999;
    this.eps = opts.eps ?? 1e-8;
  }

  /** One update; `grads` must list the same arrays as `params`, in the same order. */
  step(grads: readonly NamedArray[]): void {
    this.t++;
    const c1 = 1 - this.b1 ** this.t;
    const c2 = 1 - this.b2 ** this.t;
    this.params.forEach((p, j) => {
      const g = grads[j]!.data;
      const m = this.m[j]!;
      const v = this.v[j]!;
      const d = p.data;
      if (g.length !== d.length) throw new Error(`Adam: ${p.name} has ${d.length} values, its gradient ${g.length}`);
      for (let k = 0; k < d.length; k++) {
        const gk = g[k]!;
        m[k] = this.b1 * m[k]! + (1 - this.b1) * gk;
        v[k] = this.b2 * v[k]! + (1 - this.b2) * gk * gk;
        d[k] = d[k]! - (this.lr * (m[k]! / c1)) / (Math.sqrt(v[k]! / c2) + this.eps);
      }
    });
  }
}
