/**
 * Geometry of the attention on the translate view (translate-attn-<kind>): the matrix of weights,
 * one row per decoder step (the character it writes) and one column per source word, and, under
 * the chain, the lines from the current decoder cell down to every encoder cell it reads, each as
 * thick and as opaque as its weight, so that a weight of 0.9 is seen before it is read.
 */
import { TRANSLATE_CHAIN, type translateChain } from './translateLayout';

/** `right`: room for the last column's label, written at −60° up and to the right. */
export const ATTENTION_MATRIX = { cellW: 36, cellH: 22, left: 56, top: 84, pad: 8, right: 48 } as const;

interface MatrixCell {
  readonly row: number;
  readonly col: number;
  readonly x: number;
  readonly y: number;
}

/** The matrix: `rows` decoder steps × `cols` source words; column labels above, row labels left. */
export function attentionMatrix(rows: number, cols: number): { cells: MatrixCell[]; width: number; height: number; colX: (c: number) => number; rowY: (r: number) => number } {
  const { cellW, cellH, left, top, pad, right } = ATTENTION_MATRIX;
  const colX = (c: number) => left + c * cellW;
  const rowY = (r: number) => top + r * cellH;
  const cells: MatrixCell[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.push({ row: r, col: c, x: colX(c), y: rowY(r) });
  return { cells, width: left + cols * cellW + right, height: top + rows * cellH + pad, colX, rowY };
}

/** How far below the chain's own height the lines reach (the chain's viewBox grows by this). */
export const ATTENTION_BELOW = 74;

interface AttentionLink {
  readonly source: number;
  readonly weight: number;
  readonly d: string;
  readonly width: number;
  readonly opacity: number;
  /** Where the weight is written: under the source word. */
  readonly labelX: number;
  readonly labelY: number;
}

/**
 * One line per source word from decoder cell `u` (its foot) to the encoder cell of that word:
 * stroke 0.5 + 7w px, opacity 0.12 + 0.88w, both rising with the weight w.
 */
export function attentionLinks(chain: ReturnType<typeof translateChain>, sourceLength: number, u: number, weights: ArrayLike<number>): AttentionLink[] {
  const { cell, height } = TRANSLATE_CHAIN;
  const from = chain.cells[sourceLength + u];
  if (!from) return [];
  const y = height + 12;
  const depth = ATTENTION_BELOW - 20;
  const xd = from.x + cell / 2;
  return Array.from({ length: sourceLength }, (_, t) => {
    const w = weights[t] ?? 0;
    const xs = chain.cells[t]!.x + cell / 2;
    return {
      source: t,
      weight: w,
      d: `M${xd},${y} C${xd},${y + depth} ${xs},${y + depth} ${xs},${y}`,
      width: 0.5 + 7 * w,
      opacity: 0.12 + 0.88 * w,
      labelX: xs,
      labelY: height + 2,
    };
  });
}
