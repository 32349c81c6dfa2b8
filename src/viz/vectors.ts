/**
 * The vectors of one step, in the order the cell computes them, each with what it is (its
 * message key and symbol) and its range, which picks the colour scale: gates live in [0, 1]
 * (sequential), tanh outputs in [−1, 1] (diverging), pre-activations and C_t are unbounded.
 */
import type { StepTrace, Vec } from '../engine';
import type { MessageKey } from '../i18n';

export type VectorRange = 'gate' | 'signed' | 'unbounded';

export interface TraceVector {
  /** Stable id, also the trace's field name (pre-activations: "pre.f"). */
  readonly id: string;
  readonly label: MessageKey;
  /** Fills {g} in label for pre-activations. */
  readonly gate?: string;
  readonly symbol: string;
  readonly range: VectorRange;
  readonly values: Vec;
}

const v = (id: string, label: MessageKey, symbol: string, range: VectorRange, values: Vec, gate?: string): TraceVector =>
  gate === undefined ? { id, label, symbol, range, values } : { id, label, symbol, range, values, gate };

export function traceVectors(tr: StepTrace): TraceVector[] {
  switch (tr.kind) {
    case 'rnn':
      return [
        v('x', 'row.x', 'x_t', 'unbounded', tr.x),
        v('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev),
        v('pre.a', 'row.a', 'a_t', 'unbounded', tr.pre.a),
        v('h', 'row.h', 'h_t', 'signed', tr.h),
      ];
    case 'gru':
      return [
        v('x', 'row.x', 'x_t', 'unbounded', tr.x),
        v('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev),
        v('pre.r', 'row.pre', 'r̂_t', 'unbounded', tr.pre.r, 'r'),
        v('r', 'row.r', 'r_t', 'gate', tr.r),
        v('pre.z', 'row.pre', 'ẑ_t', 'unbounded', tr.pre.z, 'z'),
        v('z', 'row.z', 'z_t', 'gate', tr.z),
        v('pre.n', 'row.pre', 'n̂_t', 'unbounded', tr.pre.n, 'n'),
        v('n', 'row.n', 'n_t', 'signed', tr.n),
        v('h', 'row.h', 'h_t', 'signed', tr.h),
      ];
    default: {
      const rows: TraceVector[] = [v('x', 'row.x', 'x_t', 'unbounded', tr.x), v('hPrev', 'row.hPrev', 'h_{t−1}', 'signed', tr.hPrev), v('cPrev', 'row.cPrev', 'C_{t−1}', 'unbounded', tr.cPrev)];
      if (tr.pre.f) rows.push(v('pre.f', 'row.pre', 'f̂_t', 'unbounded', tr.pre.f, 'f'));
      rows.push(v('f', 'row.f', 'f_t', 'gate', tr.f));
      if (tr.pre.i) rows.push(v('pre.i', 'row.pre', 'î_t', 'unbounded', tr.pre.i, 'i'));
      rows.push(
        v('i', 'row.i', 'i_t', 'gate', tr.i),
        v('pre.g', 'row.pre', 'ĝ_t', 'unbounded', tr.pre.g, 'C̃'),
        v('cTilde', 'row.cTilde', 'C̃_t', 'signed', tr.cTilde),
        v('c', 'row.c', 'C_t', 'unbounded', tr.c),
        v('pre.o', 'row.pre', 'ô_t', 'unbounded', tr.pre.o, 'o'),
        v('o', 'row.o', 'o_t', 'gate', tr.o),
        v('tanhC', 'row.tanhC', 'tanh(C_t)', 'signed', tr.tanhC),
        v('h', 'row.h', 'h_t', 'signed', tr.h),
      );
      return rows;
    }
  }
}

/**
 * The number a student reads: three decimals, a true minus sign, and no "−0.000" (a value that
 * rounds to zero is shown as 0.000 whatever its sign).
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(3);
  if (Number(s) === 0) return '0.000';
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** Inverse of formatValue, for tests that read numbers off the screen. */
export function parseShown(s: string): number {
  return Number(s.trim().replace('−', '-'));
}

/** Bar geometry for a value: [start, end] as fractions of the cell width, from a centre line. */
export function barExtent(x: number, range: VectorRange): { from: number; to: number } {
  if (range === 'gate') return { from: 0, to: Math.max(0, Math.min(1, x)) };
  // Unbounded values are drawn on a [−2, 2] scale (clipped), enough for typical C_t and z.
  const lim = range === 'signed' ? 1 : 2;
  const f = Math.max(-1, Math.min(1, x / lim)) / 2;
  return f >= 0 ? { from: 0.5, to: 0.5 + f } : { from: 0.5 + f, to: 0.5 };
}
