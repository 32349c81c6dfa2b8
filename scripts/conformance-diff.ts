/**
 * Accumulates the max |engine - expected| over many values, and every structural problem
 * (missing arrays, wrong lengths, non-finite numbers) as a message. NaN is never compared with
 * `>`: a non-finite engine value is a problem and sets the error to Infinity, so it cannot pass.
 */
import type { Matrix, Vec } from '../src/engine';

/** What the engine holds for one entry of `expected` at one step: a number (mLSTM's scalar gates, m), a vector, or a matrix (mLSTM's C). */
export type Value = number | Vec | Matrix | null | undefined;

const isMatrix = (v: Value): v is Matrix => typeof v === 'object' && v !== null && 'rows' in v;

function what(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return typeof v === 'number' ? String(v) : typeof v;
}

export class Diff {
  max = 0;
  /** Where the max error occurred, e.g. `h[2][1]`. */
  maxAt = '';
  readonly problems: string[] = [];

  problem(msg: string): void {
    // A flood of per-element messages helps nobody; keep the first few.
    if (this.problems.length < 8) this.problems.push(msg);
    else if (this.problems.length === 8) this.problems.push('… further problems omitted');
  }

  num(path: string, actual: number | undefined, expected: unknown): void {
    if (typeof expected !== 'number' || !Number.isFinite(expected)) {
      this.problem(`${path}: the file's expected value is ${what(expected)}, not a finite number`);
      return;
    }
    if (actual === undefined || !Number.isFinite(actual)) {
      this.max = Infinity;
      this.problem(`${path}: engine gave ${String(actual)}, expected ${expected}`);
      return;
    }
    const e = Math.abs(actual - expected);
    if (e > this.max) {
      this.max = e;
      this.maxAt = path;
    }
  }

  vec(path: string, actual: Vec | null | undefined, expected: unknown): void {
    if (!Array.isArray(expected)) {
      this.problem(`${path}: the file's expected value is ${what(expected)}, not an array`);
      return;
    }
    if (!actual) {
      this.problem(`${path}: engine has no value (${String(actual)}), the file expects ${what(expected)}`);
      return;
    }
    if (actual.length !== expected.length) {
      this.problem(`${path}: engine has ${actual.length} values, the file expects ${expected.length}`);
      return;
    }
    for (let k = 0; k < actual.length; k++) this.num(`${path}[${k}]`, actual[k], expected[k]);
  }

  /** One value of any shape: a number, a vector, or a matrix against the file's rows. */
  value(path: string, actual: Value, expected: unknown): void {
    if (typeof expected === 'number') {
      this.num(path, typeof actual === 'number' ? actual : undefined, expected);
      return;
    }
    if (typeof actual === 'number') {
      this.problem(`${path}: the engine has one number, the file expects ${what(expected)}`);
      return;
    }
    if (!isMatrix(actual)) {
      this.vec(path, actual, expected);
      return;
    }
    if (!Array.isArray(expected) || expected.length !== actual.rows) {
      this.problem(`${path}: the engine has ${actual.rows} rows, the file expects ${what(expected)}`);
      return;
    }
    for (let r = 0; r < actual.rows; r++) this.vec(`${path}[${r}]`, actual.data.subarray(r * actual.cols, (r + 1) * actual.cols), expected[r]);
  }

  /** A per-step sequence [steps][…]: each step's value a vector (hidden), a number or a matrix. */
  seq(path: string, actual: readonly Value[], expected: unknown): void {
    if (!Array.isArray(expected)) {
      this.problem(`${path}: the file's expected value is ${what(expected)}, not an array of steps`);
      return;
    }
    if (actual.length !== expected.length) {
      this.problem(`${path}: engine ran ${actual.length} steps, the file has ${expected.length}`);
      return;
    }
    actual.forEach((v, t) => this.value(`${path}[${t}]`, v, expected[t]));
  }

  /** A derived gate's pre-activation: null in the file (whole, or per step) and in the engine. */
  nullSeq(path: string, actual: readonly Value[], expected: unknown): void {
    const fileNull = expected === null || (Array.isArray(expected) && expected.length === actual.length && expected.every((v) => v === null));
    if (!fileNull) this.problem(`${path}: expected null per step (a derived gate), the file has ${what(expected)}`);
    if (actual.some((v) => v !== null && v !== undefined)) this.problem(`${path}: the file has null, the engine computed values`);
  }
}

/** True when the file marks a pre-activation as absent: null, or null at every step. */
export function isNullSeq(v: unknown): boolean {
  return v === null || (Array.isArray(v) && v.length > 0 && v.every((x) => x === null));
}
