/** The blocked product against the textbook triple loop, on shapes that hit every remainder. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { matMulAdd } from './linalg';

describe('matMulAdd', () => {
  it('equals the naive product for odd and even sizes', () => {
    const rng = createRng(9);
    for (const [R, K, N] of [
      [1, 1, 1],
      [3, 5, 2],
      [4, 8, 7],
      [7, 6, 3],
      [2, 4, 4],
    ] as const) {
      const A = Float64Array.from({ length: R * K }, () => rng.normal());
      const B = Float64Array.from({ length: K * N }, () => rng.normal());
      const C0 = Float64Array.from({ length: R * N }, () => rng.normal());
      const C = Float64Array.from(C0);
      matMulAdd(A, B, C, R, K, N);
      for (let r = 0; r < R; r++) {
        for (let j = 0; j < N; j++) {
          let s = C0[r * N + j]!;
          for (let k = 0; k < K; k++) s += A[r * K + k]! * B[k * N + j]!;
          expect(C[r * N + j]).toBeCloseTo(s, 12);
        }
      }
    }
  });
});
