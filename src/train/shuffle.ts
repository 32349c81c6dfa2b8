/** 0 … n−1 in a random order (Fisher–Yates, from the last index down): one epoch's visiting order. */
import type { Rng } from '../engine';

export function shuffledOrder(n: number, rng: Rng): number[] {
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  return order;
}
