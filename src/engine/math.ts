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

/**
 * softplus(x) = log(1 + e^x), without overflow: for x > 0 it is x + log(1 + e^-x). Exact to the
 * last bit where e^x underflows (x < -745: the result is e^x, here 0) and where it dominates.
 */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

export function hardSigmoid(x: number): number {
  const y = 0.2 * x + 0.5;
  // biome-ignore lint/complexity/useMathMinMax: written as Keras defines it, piece by piece.
  return y <= 0 ? 0 : y >= 1 ? 1 : y;
}

/**
 * sum_k data[base + k] * v[k] for k < n, with four accumulators. A single `s +=` chain is bound
 * by the latency of floating-point addition (each add waits for the previous one); four
 * independent chains keep the FPU busy and make the mat-vec, most of a step, ~2-3x faster.
 * The summation order differs from a plain left-to-right loop by rounding only (~1e-16).
 */
export function dot(data: Float64Array, base: number, v: Vec, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    s0 += data[base + k]! * v[k]!;
    s1 += data[base + k + 1]! * v[k + 1]!;
    s2 += data[base + k + 2]! * v[k + 2]!;
    s3 += data[base + k + 3]! * v[k + 3]!;
  }
  for (; k < n; k++) s0 += data[base + k]! * v[k]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * dot() for two rows at once (rows at `a` and `b`): each v[k] is loaded once for both, and the
 * eight independent chains keep more additions in flight. Each row's sum is formed in exactly
 * the order dot() uses, so the results are bit-identical to two dot() calls.
 */
export function dot2(data: Float64Array, a: number, b: number, v: Vec, n: number, out: Float64Array, at: number): void {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let k = 0;
  for (; k + 3 < n; k += 4) {
    const v0 = v[k]!;
    const v1 = v[k + 1]!;
    const v2 = v[k + 2]!;
    const v3 = v[k + 3]!;
    a0 += data[a + k]! * v0;
    a1 += data[a + k + 1]! * v1;
    a2 += data[a + k + 2]! * v2;
    a3 += data[a + k + 3]! * v3;
    b0 += data[b + k]! * v0;
    b1 += data[b + k + 1]! * v1;
    b2 += data[b + k + 2]! * v2;
    b3 += data[b + k + 3]! * v3;
  }
  for (; k < n; k++) {
    a0 += data[a + k]! * v[k]!;
    b0 += data[b + k]! * v[k]!;
  }
  out[at] = a0 + a1 + (a2 + a3);
  out[at + 1] = b0 + b1 + (b2 + b3);
}

/** out[r] = sum_c M[r][c] * v[c] + out[r]  (accumulates into out). */
export function matVecAdd(M: Matrix, v: Vec, out: Vec): void {
  const { rows, cols, data } = M;
  for (let r = 0; r < rows; r++) out[r] = out[r]! + dot(data, r * cols, v, cols);
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

/**
 * W x + bW + U h + bU, the full pre-activation of one gate, in one pass and one allocation.
 * Per row it computes (bW + Σ W x) + (bU + Σ U h): the same operations in the same order as
 * inputSide + recurrentSide, so the result is bit-identical to them (the reset-after GRU needs
 * the two sides apart and still uses those).
 */
export function affine(A: Affine, x: Vec, h: Vec): Vec {
  const { W, U, bW, bU } = A;
  const rows = W.rows;
  const I = W.cols;
  const H = U.cols;
  const wd = W.data;
  const ud = U.data;
  const out = new Float64Array(rows);
  // Rows in pairs (dot2: same sums, fewer loads); the two sides kept apart until the end.
  const sx = new Float64Array(2);
  const sh = new Float64Array(2);
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    dot2(wd, r * I, (r + 1) * I, x, I, sx, 0);
    dot2(ud, r * H, (r + 1) * H, h, H, sh, 0);
    out[r] = bW[r]! + sx[0]! + (bU[r]! + sh[0]!);
    out[r + 1] = bW[r + 1]! + sx[1]! + (bU[r + 1]! + sh[1]!);
  }
  for (; r < rows; r++) out[r] = bW[r]! + dot(wd, r * I, x, I) + (bU[r]! + dot(ud, r * H, h, H));
  return out;
}

/*
 * Element-wise activations as separate monomorphic loops: `map(v, f)` with f varying between
 * sigmoid, hardSigmoid, tanh and lambdas makes its call site megamorphic, so V8 stops inlining
 * f, and at hidden 32 that call overhead is a visible share of a step.
 */
function sigmoidVec(v: Vec): Vec {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = sigmoid(v[k]!);
  return out;
}

function hardSigmoidVec(v: Vec): Vec {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = hardSigmoid(v[k]!);
  return out;
}

export function tanhVec(v: Vec): Vec {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = Math.tanh(v[k]!);
  return out;
}

export function oneMinusVec(v: Vec): Vec {
  const out = new Float64Array(v.length);
  for (let k = 0; k < v.length; k++) out[k] = 1 - v[k]!;
  return out;
}

/** The vector form of a gate activation. */
export function gateVecFn(kind: GateActivation): (v: Vec) => Vec {
  return kind === 'sigmoid' ? sigmoidVec : hardSigmoidVec;
}

export function matrix(rows: number, cols: number, data?: ArrayLike<number>): Matrix {
  const d = new Float64Array(rows * cols);
  if (data) d.set(data);
  return { rows, cols, data: d };
}
