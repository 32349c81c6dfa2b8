/**
 * Reading nested number arrays (as found in JSON exports of PyTorch, Keras and ONNX weights)
 * into flat Float64Arrays with a checked shape, and slicing gate blocks out of packed tensors.
 * Everything here throws a WeightImportError naming the field; nothing returns NaN silently.
 */
import { matrix } from '../math';
import type { GateActivation, Matrix, Vec } from '../types';
import { describe, MissingFieldError, UnknownKindError, UnsupportedOptionError, MAX_ABS_WEIGHT, WeightDepthError, WeightRangeError, WeightShapeError, WeightValueError } from './errors';

/** A validated dense tensor: row-major data with its inferred shape. */
export interface Tensor {
  readonly field: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** `[3][16]` for a shape, `a scalar` for rank 0. Symbolic dims (`4·H`) pass through. */
function fmtShape(dims: readonly (number | string)[]): string {
  return dims.length === 0 ? 'a scalar' : dims.map((d) => `[${d}]`).join('');
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

/** Deeper than any tensor (ONNX's are 3-D): stops a hostile file from overflowing the stack. */
const MAX_DEPTH = 4;

/** Depth-first walk: pushes leaves into `out`, returns the shape, rejects ragged/non-finite input. */
function walk(v: unknown, field: string, out: number[], depth = 0): number[] {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new WeightValueError(field, String(v));
    if (Math.abs(v) > MAX_ABS_WEIGHT) throw new WeightRangeError(field, v);
    out.push(v);
    return [];
  }
  if (!isArrayLike(v)) throw new WeightValueError(field, describe(v));
  if (depth >= MAX_DEPTH) throw new WeightDepthError(field, MAX_DEPTH);
  let inner: number[] | null = null;
  for (let k = 0; k < v.length; k++) {
    const s = walk(v[k], `${field}[${k}]`, out, depth + 1);
    if (inner === null) inner = s;
    else if (!sameShape(s, inner)) {
      throw new WeightShapeError(`${field}[${k}]`, fmtShape(inner), fmtShape(s), 'ragged array');
    }
  }
  return [v.length, ...(inner ?? [])];
}

/** Validates `value` as a rectangular array of finite numbers. */
export function readTensor(field: string, value: unknown): Tensor {
  if (value === undefined || value === null) throw new MissingFieldError(field);
  const out: number[] = [];
  const shape = walk(value, field, out);
  return { field, shape, data: Float64Array.from(out) };
}

/** Reads `obj[key]` where `obj` must be a plain object; `prefix` names obj in messages. */
function getField(obj: unknown, key: string, prefix: string): unknown {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new MissingFieldError(prefix, `an object with field "${key}"`);
  }
  return (obj as Record<string, unknown>)[key];
}

/** Like readTensor, but absence is allowed (e.g. PyTorch bias=False, ONNX optional B). */
export function readOptional(obj: unknown, key: string, prefix: string): Tensor | null {
  const v = getField(obj, key, prefix);
  return v === undefined || v === null ? null : readTensor(`${prefix}.${key}`, v);
}

export function readRequired(obj: unknown, key: string, prefix: string): Tensor {
  return readTensor(`${prefix}.${key}`, getField(obj, key, prefix));
}

/**
 * Reads one dimension used to infer a size (hidden or input). The tensor must have the given
 * rank; the dimension must be ≥ 1. `symbolic` (e.g. `[4·H][H]`) is what the message shows.
 */
export function inferDim(t: Tensor, rank: number, axis: number, symbolic: string): number {
  const d = t.shape[axis];
  if (t.shape.length !== rank || d === undefined) {
    throw new WeightShapeError(t.field, symbolic, fmtShape(t.shape));
  }
  if (d < 1) throw new WeightShapeError(t.field, symbolic, fmtShape(t.shape), 'sizes must be ≥ 1');
  return d;
}

/** Throws unless t has exactly `expected` shape. `detail` explains the expected sizes. */
export function expectShape(t: Tensor, expected: readonly number[], detail = ''): void {
  if (!sameShape(t.shape, expected)) {
    throw new WeightShapeError(t.field, fmtShape(expected), fmtShape(t.shape), detail);
  }
}

/** Rows [start, start+rows) of a row-major tensor whose trailing dimension is `cols`. */
export function rowBlock(t: Tensor, start: number, rows: number, cols: number): Matrix {
  return matrix(rows, cols, t.data.subarray(start * cols, (start + rows) * cols));
}

/**
 * The transpose of columns [start, start+rows) of a row-major [cols][width] tensor: Keras
 * stores kernels as x·K (K = Wᵀ), so a gate's W is a column block of K, transposed.
 */
export function colBlockT(t: Tensor, start: number, rows: number, cols: number, width: number): Matrix {
  const m = matrix(rows, cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) m.data[r * cols + c] = t.data[c * width + start + r]!;
  }
  return m;
}

/** A copy of data[start, start+len), or zeros when the tensor is absent. */
export function vecSlice(t: Tensor | null, start: number, len: number): Vec {
  return t ? t.data.slice(start, start + len) : new Float64Array(len);
}

export function checkKind<K extends string>(field: string, kind: unknown, allowed: readonly K[]): K {
  if (typeof kind === 'string' && (allowed as readonly string[]).includes(kind)) return kind as K;
  throw new UnknownKindError(field, kind, allowed);
}

export function gateActivationOpt(field: string, v: unknown, dflt: GateActivation): GateActivation {
  if (v === undefined) return dflt;
  if (v === 'sigmoid' || v === 'hardSigmoid') return v;
  throw new UnsupportedOptionError(field, v, "'sigmoid' or 'hardSigmoid'");
}

/** ONNX-style integer flags (0/1) and booleans, as found in attribute dumps. */
export function flagOpt(field: string, v: unknown): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  throw new UnsupportedOptionError(field, v, '0, 1, true or false');
}
