/**
 * The few dense operations the Jacobian code needs, on row-major Float64Arrays.
 * Loops are ordered i-k-j so the innermost loop streams along rows of both B and C.
 */
import type { Matrix, Vec } from '../types';

/** C (R×N) += A (R×K) · B (K×N). */
export function matMulAdd(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  R: number,
  K: number,
  N: number,
): void {
  for (let r = 0; r < R; r++) {
    const cBase = r * N;
    const aBase = r * K;
    for (let k = 0; k < K; k++) {
      const a = A[aBase + k]!;
      if (a === 0) continue; // exact: early rows of an identity start are mostly zeros
      const bBase = k * N;
      for (let j = 0; j < N; j++) C[cBase + j] = C[cBase + j]! + a * B[bBase + j]!;
    }
  }
}

/** out += diag(s) · U, i.e. row r of U scaled by s[r]: the Jacobian of a gate through its U. */
export function addScaledRows(out: Float64Array, s: Vec, U: Matrix): void {
  const { cols, data } = U;
  for (let r = 0; r < s.length; r++) {
    const g = s[r]!;
    if (g === 0) continue;
    const base = r * cols;
    for (let c = 0; c < cols; c++) out[base + c] = out[base + c]! + g * data[base + c]!;
  }
}

/** Frobenius norm of data[start .. start+len). */
export function frobenius(data: Float64Array, start = 0, len = data.length - start): number {
  let s = 0;
  for (let k = start; k < start + len; k++) s += data[k]! * data[k]!;
  return Math.sqrt(s);
}
