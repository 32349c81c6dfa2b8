/**
 * Derivatives of the activations, written in terms of their OUTPUTS y (saved in the trace):
 *
 *   tanh:         dy/dx = 1 - y²
 *   sigmoid:      dy/dx = y (1 - y)
 *   hardSigmoid:  dy/dx = 0.2 if 0 < y < 1 (the linear zone), else 0
 *
 * Why outputs and not pre-activations: no exp is recomputed, so a saturated gate (y exactly 0
 * or 1) gives an exact 0 derivative and never NaN or Inf. For hardSigmoid, y strictly inside
 * (0, 1) is the same as the pre-activation being strictly inside (-2.5, 2.5); at the kinks
 * themselves (y exactly 0 or 1) we take the one-sided derivative 0.
 */
import type { GateActivation } from '../types';

export function tanhDeriv(y: number): number {
  return 1 - y * y;
}

export function gateDeriv(kind: GateActivation): (y: number) => number {
  return kind === 'sigmoid' ? (y) => y * (1 - y) : (y) => (y > 0 && y < 1 ? 0.2 : 0);
}
