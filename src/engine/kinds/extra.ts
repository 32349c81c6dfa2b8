/**
 * CellState.extra, part by part: a kind lists the states it carries besides h and C
 * (KindSpec.extraStates) and they sit in `extra` one after the other, each as long as its shape
 * says (H units, H×H row-major, or one number).
 */
import type { ExtraState } from './spec';

/** Where one of the further states sits in CellState.extra. */
export interface ExtraSlot extends ExtraState {
  readonly offset: number;
  readonly length: number;
}

const lengthOf = (s: ExtraState, H: number) => (s.shape === 'units' ? H : s.shape === 'matrix' ? H * H : 1);

export function extraSlots(states: readonly ExtraState[], H: number): ExtraSlot[] {
  let offset = 0;
  return states.map((s) => {
    const slot = { ...s, offset, length: lengthOf(s, H) };
    offset += slot.length;
    return slot;
  });
}

/** How many numbers CellState.extra holds for these states at hidden size H (0: none). */
export function extraLength(states: readonly ExtraState[], H: number): number {
  return states.reduce((n, s) => n + lengthOf(s, H), 0);
}
