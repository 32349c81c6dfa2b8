/**
 * The order a cell computes in, for the step animation: 0 forget (the gates that decide what to
 * keep), 1 input and candidate (what to write), 2 the belt update, 3 the output. Inputs are −1:
 * they exist before the step starts and are never dimmed.
 */
import type { CellKind } from '../engine';
import { figureOf } from './kinds';
import type { DiagramVector } from './layoutTypes';

export const STAGE_COUNT = 4;
export const STAGE_NAMES = ['forget', 'input', 'belt', 'output'] as const;

/** Longest sequence; at `speed` steps/s it takes at most 80 % of the time between steps. */
export const MAX_SEQUENCE_MS = 600;
/**
 * The shortest time a stage is shown: three frames at 60 Hz. A stage shorter than that is not
 * seen as a stage, only as a flicker, and each costs the frames it restyles and repaints: at
 * 30 steps/s a stage lasted 6.7 ms, less than a frame, and a step's own frame took half again as
 * long as at 2 steps/s (scripts/perf-step-parts.ts).
 */
export const MIN_STAGE_MS = 50;

/** How long a step's sequence of stages takes at `speed` steps/s; 0: too fast to show, none. */
export function stepSequenceMs(speed: number): number {
  const ms = Math.min(MAX_SEQUENCE_MS, 800 / Math.max(speed, 0.01));
  return ms / STAGE_COUNT < MIN_STAGE_MS ? 0 : ms;
}

export function stageOfVector(kind: CellKind, v: DiagramVector): number {
  switch (v) {
    case 'x':
    case 'hPrev':
    case 'cPrev':
    case 'hx':
    case 'nPrev':
    case 'mPrev':
      return -1;
    case 'f':
    case 'kept':
    case 'z':
    case 'r':
    case 'rh':
    case 'fPrime':
    case 'm':
    case 'fRaw':
      return 0;
    case 'i':
    case 'cTilde':
    case 'written':
    case 'n':
    case 'oneMinusZ':
    case 'hTilde':
    case 'iPrime':
    case 'k':
    case 'v':
    case 'vk':
    case 'iRaw':
      return 1;
    case 'c':
    case 'nKept':
    case 'nState':
      return 2;
    case 'h':
      return figureOf(kind).hStage;
    case 'a':
      return 3;
    default:
      return 3;
  }
}
