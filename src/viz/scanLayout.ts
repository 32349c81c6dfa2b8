/**
 * Geometry of the scan view: one column per token, one row per level of the parallel prefix
 * scan (engine/scan.ts), and a last row with the states the scan gives beside the ones stepping
 * gave. Each box is one affine map "× a + b" for one unit: a is how much of the state before its
 * span survives the span, b what the span writes. A box takes in the box `reach` columns to its
 * left on the level above (a slanted line) and its own box above (a straight one). Pure.
 */
import { kindOf, prefixScan, type Scan, type StepTrace } from '../engine';

export const SCAN = { colW: 88, boxW: 80, boxH: 44, rowH: 68, top: 30, left: 96 } as const;

interface ScanBox {
  readonly level: number;
  readonly t: number;
  /** Centre. */
  readonly x: number;
  readonly y: number;
  /** The steps it covers, 1-based as the tokens are numbered on screen. */
  readonly from: number;
  readonly to: number;
  readonly a: number;
  readonly b: number;
}

interface ScanLine {
  readonly id: string;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** 'take': the earlier map it combines with; 'keep': its own map, carried down. */
  readonly role: 'take' | 'keep';
}

interface ScanLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly ScanBox[];
  readonly lines: readonly ScanLine[];
  /** The y of each level's row and of the result row (the last entry). */
  readonly rowY: readonly number[];
  readonly columnX: readonly number[];
}

/** The boxes of unit `k` on every level of `scan`, and the lines between levels. */
export function scanLayout(scan: Scan, k: number): ScanLayout {
  const T = scan.levels[0]?.maps.length ?? 0;
  const columnX = Array.from({ length: T }, (_, t) => SCAN.left + t * SCAN.colW + SCAN.colW / 2);
  const rowY = Array.from({ length: scan.levels.length + 1 }, (_, l) => SCAN.top + l * SCAN.rowH + SCAN.boxH / 2);
  const boxes: ScanBox[] = [];
  const lines: ScanLine[] = [];
  scan.levels.forEach((level, l) => {
    level.maps.forEach((m, t) => {
      boxes.push({ level: l, t, x: columnX[t]!, y: rowY[l]!, from: level.first[t]! + 1, to: t + 1, a: m.a[k]!, b: m.b[k]! });
      if (l === 0) return;
      const y1 = rowY[l - 1]! + SCAN.boxH / 2;
      const y2 = rowY[l]! - SCAN.boxH / 2;
      lines.push({ id: `k${l}-${t}`, x1: columnX[t]!, y1, x2: columnX[t]!, y2, role: 'keep' });
      const src = level.from[t]!;
      if (src >= 0) lines.push({ id: `t${l}-${t}`, x1: columnX[src]!, y1, x2: columnX[t]!, y2, role: 'take' });
    });
  });
  const height = rowY.at(-1)! + SCAN.boxH / 2 + 8;
  return { width: SCAN.left + T * SCAN.colW, height, boxes, lines, rowY, columnX };
}

/** Steps drawn: past this the boxes would be too narrow to read, so the scan covers the first ones. */
const SCAN_MAX_STEPS = 32;

/**
 * The scan of a sentence's `traces` (its first SCAN_MAX_STEPS), with the largest difference from
 * the states stepping gave, or null when the kind has no linear recurrence (its gates read h_{t−1}).
 */
export function scanOf(traces: readonly StepTrace[]): { scan: Scan; diff: number; values: number } | null {
  const first = traces[0];
  if (!first) return null;
  const kind = kindOf(first.kind);
  if (!kind.linearStep) return null;
  const shown = traces.slice(0, SCAN_MAX_STEPS);
  const scan = prefixScan(
    shown.map((tr) => kind.linearStep!(tr)),
    first.hPrev,
  );
  let diff = 0;
  shown.forEach((tr, t) => {
    for (let k = 0; k < tr.h.length; k++) diff = Math.max(diff, Math.abs(scan.h[t]![k]! - tr.h[k]!));
  });
  return { scan, diff, values: shown.length * first.h.length };
}
