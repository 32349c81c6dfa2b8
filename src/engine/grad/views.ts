/**
 * Params and grads as flat named arrays, in the same order: what an optimizer (p -= lr * g),
 * a gradient-norm display or a finite-difference check iterates over. The arrays are the
 * live storage, not copies: writing into a param view changes the cell.
 */
import { type CellGrads, type CellParams, kindOf } from '../kinds';
import type { NamedArray } from './types';

export type { NamedArray };

export function paramArrays(p: CellParams): NamedArray[] {
  return kindOf(p.kind).paramArrays(p);
}

/** Same names and order as paramArrays for the matching params. */
export function gradArrays(g: CellGrads): NamedArray[] {
  return kindOf(g.kind).gradArrays(g);
}

/** A zero gradient of the same shape as `p`, ready to be accumulated into. */
export function zeroGrads(p: CellParams): CellGrads {
  return kindOf(p.kind).zeroGrads(p);
}
