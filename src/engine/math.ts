/**
 * Numerics shared by every cell. All functions are total on finite input and never return
 * NaN or ±Infinity: the gates must saturate to exact 0/1 for pre-activations of any size.
 */
import type { Affine, GateActivation, Matrix, Vec } from './types';

/**
 * Logistic sigmoid, split by sign so that exp never overflows: for x >= 0, e^-x <= 1; for x < 0
 * we use e^x / (1 + e^x). At |x| > ~745, exp underflows to 0 and the result is exactly 0 or 1.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export function hardSigmoid(x: number): number {
  const y = 0.2 * x + 0.5;
  return y <= 0 ? 0 : y >= 1 ? 1 : y;
}

/** Math.tanh is exact ±1 past |x| ≈ 19 and never overflows. */
export const tanh = Math.tanh;

export function gateFn(kind: GateActivation): (x: number) => number {
  return kind === 'sigmoid' ? sigmoid : hardSigmoid;
}

export function zeros(n: number): Vec {
  return new Float64Array(n);
}

export function map(v: Vec, f: (x: number) => number): Vec {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = f(v[k]!);
  return out;
}

/** out[r] = sum_c M[r][c] * v[c] + out[r]  (accumulates into out). */
export function matVecAdd(M: Matrix, v: Vec, out: Vec): void {
  const { rows, cols, data } = M;
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) s += data[base + c]! * v[c]!;
    out[r] = out[r]! + s;
  }
}

/** W x + bW: the input side of a gate's pre-activation. */
export function inputSide(A: Affine, x: Vec): Vec {
  const out = Float64Array.from(A.bW);
  matVecAdd(A.W, x, out);
  return out;
}

/** U h + bU: the recurrent side of a gate's pre-activation. */
export function recurrentSide(A: Affine, h: Vec): Vec {
  const out = Float64Array.from(A.bU);
  matVecAdd(A.U, h, out);
  return out;
}

/** W x + bW + U h + bU, the full pre-activation of one gate. */
export function affine(A: Affine, x: Vec, h: Vec): Vec {
  const out = inputSide(A, x);
  const rec = recurrentSide(A, h);
  for (let k = 0; k < out.length; k++) out[k] = out[k]! + rec[k]!;
  return out;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  const d = new Float64Array(rows * cols);
  if (data) d.set(data);
  return { rows, cols, data: d };
}
