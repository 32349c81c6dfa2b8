/**
 * Geometry of the unrolled chain (colah's "RNN-unrolled" figure, one cell per token): x_t in a
 * circle below each cell, h_t in a circle above, the hidden state carried right along the
 * bottom of the cells and, for LSTM kinds, the cell state C carried right along a belt at the
 * top. Inside a cell, past and current steps show their values as small swatches (with the
 * numbers when there is room). Pure numbers in SVG user units, so it is unit-tested.
 *
 * Past CONDENSE_AFTER tokens the chain condenses: narrow cells, no numbers, dots for circles,
 * tokens written sideways, so that 200 tokens stay a few screens wide instead of twenty.
 */
export const CONDENSE_AFTER = 30;
/** Numbers are printed only when a column of them fits a readable height. */
export const MAX_UNITS_WITH_NUMBERS = 8;

export type Phase = 'past' | 'current' | 'future';

export interface Circle {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}

export interface ChainCell {
  readonly t: number;
  readonly phase: Phase;
  /** The cell box. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly input: Circle;
  readonly output: Circle;
  /** Baseline of the token label under the input circle. */
  readonly tokenY: number;
}

export interface UnrolledLayout {
  readonly condensed: boolean;
  readonly showNumbers: boolean;
  readonly width: number;
  readonly height: number;
  readonly cells: readonly ChainCell[];
  /** Gap between cells, where the state arrows run. */
  readonly gap: number;
  /** y of the cell-state belt (LSTM kinds) and of the hidden-state line. */
  readonly beltY: number;
  readonly stateY: number;
  /** Swatch columns inside a cell: column c's left edge is cell.x + columnX[c]; row k's top is unitY[k]. */
  readonly columnX: readonly number[];
  readonly unitY: readonly number[];
  readonly swatch: { readonly w: number; readonly h: number };
  /** Width of a value's text next to its swatch (0 when numbers are hidden). */
  readonly numberW: number;
  readonly fontSize: number;
}

export interface UnrolledInput {
  /** Number of tokens. */
  readonly n: number;
  /** The current step. */
  readonly current: number;
  readonly hidden: number;
  /** Swatch columns per cell: 1 (h) or 2 (h and C), the same for every row so rows align. */
  readonly columns: 1 | 2;
}

const PAD_X = 16;
/**
 * At most this many units are drawn in a chain cell (units 1…24): a hidden-512 chain was 400,000
 * SVG elements and cells a kilometre tall. The values table and the heatmaps show every unit.
 */
export const MAX_CHAIN_UNITS = 24;

export function unrolledLayout({ n, current, hidden: allUnits, columns }: UnrolledInput): UnrolledLayout {
  const condensed = n > CONDENSE_AFTER;
  const hidden = Math.min(allUnits, MAX_CHAIN_UNITS);
  const showNumbers = !condensed && hidden <= MAX_UNITS_WITH_NUMBERS;
  const fontSize = condensed ? 9 : 11;
  const numberW = showNumbers ? 42 : 0;
  // Swatches share a fixed budget of height so a 32-unit model is not 32 rows of 14 px.
  const rowH = showNumbers ? 14 : Math.max(2, Math.min(condensed ? 6 : 10, Math.floor((condensed ? 60 : 96) / hidden)));
  const swatch = { w: condensed ? 7 : 10, h: Math.max(1, rowH - (rowH > 4 ? 2 : 0)) };
  const colW = swatch.w + (showNumbers ? 3 + numberW : 0);
  const colGap = condensed ? 2 : 8;
  const inner = columns * colW + (columns - 1) * colGap;
  const padIn = condensed ? 3 : 8;
  const w = inner + 2 * padIn;
  const gap = condensed ? 10 : 30;
  const r = condensed ? 4 : 14;

  const outputCy = condensed ? 8 : 20;
  const boxY = outputCy + r + (condensed ? 8 : 14);
  const band = condensed ? 8 : 18; // the belt runs in this band at the top of the box
  const firstRowY = boxY + band + (condensed ? 2 : 6);
  const unitY = Array.from({ length: hidden }, (_, k) => firstRowY + k * rowH);
  const boxH = band + (condensed ? 2 : 6) + hidden * rowH + (condensed ? 8 : 16);
  const beltY = boxY + band / 2 + 1;
  const stateY = boxY + boxH - (condensed ? 4 : 7);
  const inputCy = boxY + boxH + (condensed ? 10 : 30);
  const tokenY = inputCy + r + (condensed ? 6 : 16);
  // Condensed token labels are written sideways (up to ~8 characters).
  const height = tokenY + (condensed ? 52 : 10);
  const columnX = Array.from({ length: columns }, (_, c) => padIn + c * (colW + colGap));

  const cells: ChainCell[] = Array.from({ length: n }, (_, t) => {
    const x = PAD_X + t * (w + gap);
    const cx = x + w / 2;
    return {
      t,
      phase: t < current ? 'past' : t === current ? 'current' : 'future',
      x,
      y: boxY,
      w,
      h: boxH,
      input: { cx, cy: inputCy, r },
      output: { cx, cy: outputCy, r },
      tokenY,
    };
  });
  const width = n === 0 ? 0 : PAD_X * 2 + n * w + (n - 1) * gap + gap; // room for the last arrow
  return { condensed, showNumbers, width, height, cells, gap, beltY, stateY, columnX, unitY, swatch, numberW, fontSize };
}

/** The scroll offset that centres cell `t` in a viewport `viewW` wide, clamped to the chain. */
export function scrollLeftFor(layout: UnrolledLayout, t: number, viewW: number): number {
  const c = layout.cells[t];
  if (!c) return 0;
  const ideal = c.x + c.w / 2 - viewW / 2;
  return Math.max(0, Math.min(ideal, layout.width - viewW));
}
