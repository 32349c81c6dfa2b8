/**
 * The order a cell computes in, for the step animation: 0 forget (the gates that decide what to
 * keep), 1 input and candidate (what to write), 2 the belt update, 3 the output. Inputs are −1:
 * they exist before the step starts and are never dimmed.
 */
import type { CellKind } from '../engine';
import type { DiagramVector } from './layoutTypes';

export const STAGE_COUNT = 4;
export const STAGE_NAMES = ['forget', 'input', 'belt', 'output'] as const;

export function stageOfVector(kind: CellKind, v: DiagramVector): number {
  switch (v) {
    case 'x':
    case 'hPrev':
    case 'cPrev':
    case 'hx':
      return -1;
    case 'f':
    case 'kept':
    case 'z':
    case 'r':
    case 'rh':
      return 0;
    case 'i':
    case 'cTilde':
    case 'written':
    case 'n':
    case 'oneMinusZ':
      return 1;
    case 'c':
      return 2;
    case 'h':
      // The GRU's (and RNN's) h_t is their belt update; the LSTM's h_t is its output.
      return kind === 'gru' ? 2 : 3;
    case 'a':
      return 3;
    default:
      return 3;
  }
}
