/**
 * The few dense operations the Jacobian code needs, on row-major Float64Arrays.
 * Loops are ordered i-k-j so the innermost loop streams along rows of both B and C.
 */
import type { Matrix, Vec } from '../types';

/**
 * C (R×N) += A (R×K) · B (K×N).
 *
 * Register-blocked over 2 rows of A and 4 rows of B: each pass over a row of C then does 8
 * multiply-adds per load/store of C instead of 1. In V8 this measured ~4x faster than the
 * plain i-k-j loop at 256×128×128, and this product is the whole cost of influence().
 */
export function matMulAdd(A: Float64Array, B: Float64Array, C: Float64Array, R: number, K: number, N: number): void {
  const K4 = K - (K % 4);
  let r = 0;
  for (; r + 1 < R; r += 2) {
    const c0 = r * N;
    const c1 = c0 + N;
    const a0 = r * K;
    const a1 = a0 + K;
    let k = 0;
    for (; k < K4; k += 4) {
      const x0 = A[a0 + k]!,
        x1 = A[a0 + k + 1]!,
        x2 = A[a0 + k + 2]!,
        x3 = A[a0 + k + 3]!;
      const y0 = A[a1 + k]!,
        y1 = A[a1 + k + 1]!,
        y2 = A[a1 + k + 2]!,
        y3 = A[a1 + k + 3]!;
      const b0 = k * N;
      const b1 = b0 + N;
      const b2 = b1 + N;
      const b3 = b2 + N;
      for (let j = 0; j < N; j++) {
        const p0 = B[b0 + j]!,
          p1 = B[b1 + j]!,
          p2 = B[b2 + j]!,
          p3 = B[b3 + j]!;
        C[c0 + j] = C[c0 + j]! + x0 * p0 + x1 * p1 + x2 * p2 + x3 * p3;
        C[c1 + j] = C[c1 + j]! + y0 * p0 + y1 * p1 + y2 * p2 + y3 * p3;
      }
    }
    for (; k < K; k++) {
      const x = A[a0 + k]!;
      const y = A[a1 + k]!;
      const b = k * N;
      for (let j = 0; j < N; j++) {
        C[c0 + j] = C[c0 + j]! + x * B[b + j]!;
        C[c1 + j] = C[c1 + j]! + y * B[b + j]!;
      }
    }
  }
  for (; r < R; r++) {
    // the odd last row, if any
    for (let k = 0; k < K; k++) {
      const x = A[r * K + k]!;
      const b = k * N;
      for (let j = 0; j < N; j++) C[r * N + j] = C[r * N + j]! + x * B[b + j]!;
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
