/**
 * The numbers a diagram shows for one step: the trace's vectors plus the few the diagram draws
 * that the trace does not store (f ⊙ C_{t−1}, i ⊙ C̃_t, 1 − z, r ⊙ …), computed from it exactly
 * as the cell does, so the swatches on the belt add up to C_t to the last bit.
 */
import { kindOf, type CellParams, type StepTrace } from '../engine';
import { figureOf, type ShownVector } from './kinds';
import { shown, stateRange } from './kinds/figure';
import type { DiagramVector } from './layoutTypes';

export type { ShownVector };

export function diagramVectors(tr: StepTrace, params: CellParams): Partial<Record<DiagramVector, ShownVector>> {
  const base = { x: shown(tr.x, 'unbounded', 'row.x'), hPrev: shown(tr.hPrev, stateRange(tr), 'row.hPrev'), h: shown(tr.h, stateRange(tr), 'row.h') };
  return { ...base, ...figureOf(tr.kind).shown(tr, params) };
}

/**
 * Which units to draw with numbers when there are more than `max`: the ones that changed most
 * this step (|C_t − C_{t−1}| for cells with a belt, else |h_t − h_{t−1}|), in unit order.
 */
export function unitsThatChangedMost(tr: StepTrace, max: number): number[] {
  const belt = kindOf(tr.kind).belt(tr);
  const [now, before] = belt ? [belt.c, belt.cPrev] : [tr.h, tr.hPrev];
  const H = now.length;
  if (H <= max) return Array.from({ length: H }, (_, k) => k);
  return Array.from({ length: H }, (_, k) => k)
    .sort((a, b) => Math.abs(now[b]! - before[b]!) - Math.abs(now[a]! - before[a]!) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
}
