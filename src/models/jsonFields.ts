/**
 * Reading a parsed JSON document field by field, for the model file (format.ts): each reader
 * checks one value's kind or shape and throws a ModelFileError naming its path and what was
 * found, so a bad file gets a message that says where, never a NaN further on.
 */
import { matrix, type Matrix, type Vec } from '../engine';
import { MAX_ABS_WEIGHT } from '../engine/importers/errors';
import { ModelFileError } from './errors';

export type Json = unknown;

export const describe = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
/** A value in a message: primitives as written (long strings cut), arrays and objects by kind only (a
 * hostile file can nest them thousands deep, which JSON.stringify would overflow on). */
export const shown = (v: Json): string => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v === 'object' && v !== null ? describe(v) : String(v));

export function obj(v: Json, path: string): Record<string, Json> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ModelFileError(path, `expected an object, found ${describe(v)}`);
  return v as Record<string, Json>;
}

export function field(o: Record<string, Json>, key: string, path: string): Json {
  if (!(key in o) || o[key] === undefined) throw new ModelFileError(path ? `${path}.${key}` : key, 'missing');
  return o[key];
}

export function str(v: Json, path: string): string {
  if (typeof v !== 'string') throw new ModelFileError(path, `expected a string, found ${describe(v)}`);
  return v;
}

export function oneOf<T extends string>(v: Json, values: readonly T[], path: string, what: string): T {
  const s = str(v, path);
  if (!(values as readonly string[]).includes(s)) throw new ModelFileError(path, `unknown ${what} "${s}"; expected one of ${values.join(', ')}`);
  return s as T;
}

export function positiveInt(v: Json, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ModelFileError(path, `expected a positive integer, found ${shown(v)}`);
  return v;
}

/** One weight given as a number (mLSTM's scalar gate biases), within the same bounds as every weight. */
export function num(v: Json, path: string): number {
  if (typeof v === 'number' && Math.abs(v) <= MAX_ABS_WEIGHT) return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelFileError(path, `expected a finite number, found ${shown(v)}`);
  throw new ModelFileError(path, `${v} is outside ±${MAX_ABS_WEIGHT.toLocaleString('en')}, the largest weight Gatescope reads (trained models stay far below it)`);
}

export function vec(v: Json, n: number, path: string): Vec {
  const out = new Float64Array(n);
  readNumbers(v, n, out, 0, () => path);
  return out;
}

/**
 * Reads n numbers from `v` into out[at…]. A plain loop, and the path only built for an error
 * message: a shipped model is tens of thousands of numbers, read on the page's first load.
 */
function readNumbers(v: Json, n: number, out: Float64Array, at: number, path: () => string): void {
  if (!Array.isArray(v)) throw new ModelFileError(path(), `expected an array of ${n} numbers, found ${describe(v)}`);
  if (v.length !== n) throw new ModelFileError(path(), `expected ${n} values, found ${v.length}`);
  for (let k = 0; k < n; k++) {
    const x = v[k];
    // One comparison lets every good number through; NaN and ±Infinity fail it too.
    if (typeof x === 'number' && Math.abs(x) <= MAX_ABS_WEIGHT) {
      out[at + k] = x;
      continue;
    }
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new ModelFileError(`${path()}[${k}]`, `expected a finite number, found ${shown(x)}`);
    throw new ModelFileError(`${path()}[${k}]`, `${x} is outside ±${MAX_ABS_WEIGHT.toLocaleString('en')}, the largest weight Gatescope reads (trained models stay far below it)`);
  }
}

/** A nested [rows][cols] array into a row-major Matrix. */
export function mat(v: Json, rows: number, cols: number, path: string): Matrix {
  if (!Array.isArray(v)) throw new ModelFileError(path, `expected ${rows}×${cols} nested arrays, found ${describe(v)}`);
  if (v.length !== rows) throw new ModelFileError(path, `expected ${rows}×${cols} (rows×cols), found ${v.length} rows`);
  const m = matrix(rows, cols);
  for (let r = 0; r < rows; r++) readNumbers(v[r], cols, m.data, r * cols, () => `${path}[${r}]`);
  return m;
}
