/**
 * The numbers a diagram shows for one step: the trace's vectors plus the few the diagram draws
 * that the trace does not store (f ⊙ C_{t−1}, i ⊙ C̃_t, 1 − z, r ⊙ …), computed from it exactly
 * as the cell does, so the swatches on the belt add up to C_t to the last bit.
 */
import { recurrentSide, type CellParams, type StepTrace, type Vec } from '../engine';
import type { MessageKey } from '../i18n';
import type { DiagramVector } from './layoutTypes';
import type { VectorRange } from './vectors';

export interface ShownVector {
  readonly values: Vec;
  readonly range: VectorRange;
  readonly label: MessageKey;
}

const times = (a: Vec, b: Vec): Vec => a.map((v, k) => v * b[k]!);

export function diagramVectors(tr: StepTrace, params: CellParams): Partial<Record<DiagramVector, ShownVector>> {
  const v = (values: Vec, range: VectorRange, label: MessageKey): ShownVector => ({ values, range, label });
  const base = { x: v(tr.x, 'unbounded', 'row.x'), hPrev: v(tr.hPrev, 'signed', 'row.hPrev'), h: v(tr.h, 'signed', 'row.h') };
  switch (tr.kind) {
    case 'rnn':
      return { ...base, a: v(tr.pre.a, 'unbounded', 'row.a') };
    case 'gru': {
      // What the reset gate scales: h_{t−1} itself (reset-before) or U_n h_{t−1} + b_Un (reset-after).
      const seen = params.kind === 'gru' && params.reset === 'after' ? recurrentSide(params.gates.n, tr.hPrev) : tr.hPrev;
      const oneMinusZ = tr.z.map((z) => 1 - z);
      return {
        ...base,
        z: v(tr.z, 'gate', 'row.z'),
        r: v(tr.r, 'gate', 'row.r'),
        n: v(tr.n, 'signed', 'row.n'),
        oneMinusZ: v(oneMinusZ, 'gate', 'vec.oneMinusZ'),
        rh: v(times(tr.r, seen), 'unbounded', params.kind === 'gru' && params.reset === 'after' ? 'vec.rhAfter' : 'vec.rhBefore'),
        kept: v(times(tr.z, tr.hPrev), 'signed', 'vec.keptGru'),
        written: v(times(oneMinusZ, tr.n), 'signed', 'vec.writtenGru'),
      };
    }
    default:
      return {
        ...base,
        cPrev: v(tr.cPrev, 'unbounded', 'row.cPrev'),
        f: v(tr.f, 'gate', 'row.f'),
        i: v(tr.i, 'gate', 'row.i'),
        cTilde: v(tr.cTilde, 'signed', 'row.cTilde'),
        c: v(tr.c, 'unbounded', 'row.c'),
        o: v(tr.o, 'gate', 'row.o'),
        tanhC: v(tr.tanhC, 'signed', 'row.tanhC'),
        kept: v(times(tr.f, tr.cPrev), 'unbounded', 'vec.kept'),
        written: v(times(tr.i, tr.cTilde), 'signed', 'vec.written'),
      };
  }
}

/**
 * Which units to draw with numbers when there are more than `max`: the ones that changed most
 * this step (|C_t − C_{t−1}| for cells with a belt, else |h_t − h_{t−1}|), in unit order.
 */
export function unitsThatChangedMost(tr: StepTrace, max: number): number[] {
  const [now, before] = tr.kind === 'rnn' || tr.kind === 'gru' ? [tr.h, tr.hPrev] : [tr.c, tr.cPrev];
  const H = now.length;
  if (H <= max) return Array.from({ length: H }, (_, k) => k);
  return Array.from({ length: H }, (_, k) => k)
    .sort((a, b) => Math.abs(now[b]! - before[b]!) - Math.abs(now[a]! - before[a]!) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
}
