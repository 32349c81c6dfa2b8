/**
 * The messages between the page and the lab's Web Worker (labWorker.ts runs a LabHost). Plain
 * data only, so they cross postMessage unchanged; the page never waits for an answer.
 */
import type { CellKind } from '../engine';
import type { LabPoint, LabProbe, LabSettings } from './labSettings';

export type LabCommand =
  /** New runs from these settings (nothing trains until start or step). */
  | { readonly type: 'reset'; readonly settings: LabSettings }
  | { readonly type: 'start' }
  | { readonly type: 'pause' }
  /** One batch for each run, then a point for the charts. */
  | { readonly type: 'step' }
  /** The current weights of run 0 or 1 as a model file (answered with 'snapshot'). */
  | { readonly type: 'snapshot'; readonly run: 0 | 1; readonly request: number };

export interface RunProgress {
  readonly kind: CellKind;
  readonly seen: number;
  readonly divergedAt: number | null;
  /** Points added since the previous progress message (the page appends them). */
  readonly points: readonly LabPoint[];
  /** The probe through the latest weights, when it changed. */
  readonly probe: LabProbe | null;
  /** Time spent in this run's training steps since reset, ms (its sequences per second: seen / busyMs). */
  readonly busyMs: number;
}

export type LabEvent =
  | {
      readonly type: 'ready';
      readonly settings: LabSettings;
      readonly labels: readonly string[];
      /** What "held-out" measures: accuracy (higher is better) or mean squared error (lower). */
      readonly metric: 'accuracy' | 'mse';
      /** Chance accuracy (the most common held-out label), or the error of "next = current". */
      readonly baseline: number;
      readonly heldout: number;
    }
  | {
      readonly type: 'progress';
      readonly running: boolean;
      /** Sequences per second per run, over the last slices (0 when paused). */
      readonly rate: number;
      /** Why training stopped by itself ('limit': MAX_LAB_EXAMPLES; 'diverged': both runs). */
      readonly stopped: 'limit' | 'diverged' | null;
      readonly runs: readonly [RunProgress, RunProgress];
    }
  | { readonly type: 'snapshot'; readonly request: number; readonly run: 0 | 1; readonly seen: number; readonly file: Record<string, unknown> }
  | { readonly type: 'error'; readonly message: string };
