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
const MAX_UNITS_WITH_NUMBERS = 8;

type Phase = 'past' | 'current' | 'future';

interface Circle {
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
  /**
   * Font sizes in user units: the base size (a condensed chain's sideways tokens), the numbers,
   * the circles' h and x, their subscripts, the tokens.
   */
  readonly fontSize: number;
  readonly numberSize: number;
  readonly labelSize: number;
  readonly subSize: number;
  readonly tokenSize: number;
}

interface UnrolledInput {
  /** Number of tokens. */
  readonly n: number;
  /** The current step. */
  readonly current: number;
  readonly hidden: number;
  /** Swatch columns per cell: 1 (h) or 2 (h and C), the same for every row so rows align. */
  readonly columns: 1 | 2;
  /**
   * Laid out for a slide: SLIDE_UNITS units with their numbers, in type large enough that the
   * chain, scaled to fit two rows into a 960 × 540 frame, keeps every number ≥ 10 px.
   */
  readonly slide?: boolean;
}

/** Units a slide's chain cell draws (with numbers); the page draws up to MAX_CHAIN_UNITS. */
export const SLIDE_UNITS = 4;

const PAD_X = 16;
/**
 * At most this many units are drawn in a chain cell (units 1…24): a hidden-512 chain would be
 * 400,000 SVG elements and cells a kilometre tall. The values table and the heatmaps show every unit.
 */
export const MAX_CHAIN_UNITS = 24;

/** Sizes and spacing (user units) of the three ways a chain is drawn. */
interface ChainStyle {
  readonly fontSize: number;
  readonly numberSize: number;
  readonly labelSize: number;
  readonly subSize: number;
  readonly tokenSize: number;
  readonly numberW: number;
  readonly numberRowH: number;
  readonly swatchW: number;
  readonly r: number;
  readonly gap: number;
  readonly outputCy: number;
  /** From the h circle down to the box, the rows' margins in the box, from the box down to x. */
  readonly wireUp: number;
  readonly rowsTop: number;
  readonly rowsBottom: number;
  readonly wireIn: number;
  readonly tokenGap: number;
}
const PAGE: ChainStyle = {
  fontSize: 11,
  numberSize: 10,
  labelSize: 13,
  subSize: 8,
  tokenSize: 13,
  numberW: 42,
  numberRowH: 14,
  swatchW: 10,
  r: 14,
  gap: 30,
  outputCy: 20,
  wireUp: 14,
  rowsTop: 6,
  rowsBottom: 16,
  wireIn: 30,
  tokenGap: 16,
};
const CONDENSED: ChainStyle = { ...PAGE, fontSize: 9, numberSize: 8, swatchW: 7, r: 4, gap: 10, outputCy: 8, wireUp: 8, rowsTop: 2, rowsBottom: 8, wireIn: 10, tokenGap: 6 };
/**
 * A slide: larger type and shorter wires, so that two rows fit a 960 × 540 frame at a scale
 * (about 0.7) that keeps every number and label at 10 px or more.
 */
const SLIDE: ChainStyle = {
  fontSize: 17,
  numberSize: 17,
  labelSize: 18,
  subSize: 15,
  tokenSize: 17,
  numberW: 62,
  numberRowH: 21,
  swatchW: 14,
  r: 17,
  gap: 30,
  outputCy: 19,
  wireUp: 10,
  rowsTop: 4,
  rowsBottom: 12,
  wireIn: 28,
  tokenGap: 19,
};

export function unrolledLayout({ n, current, hidden: allUnits, columns, slide = false }: UnrolledInput): UnrolledLayout {
  const condensed = n > CONDENSE_AFTER;
  const style = condensed ? CONDENSED : slide ? SLIDE : PAGE;
  const hidden = Math.min(allUnits, slide && !condensed ? SLIDE_UNITS : MAX_CHAIN_UNITS);
  const showNumbers = !condensed && hidden <= MAX_UNITS_WITH_NUMBERS;
  const { fontSize, r, gap } = style;
  const numberW = showNumbers ? style.numberW : 0;
  // Swatches share a fixed budget of height so a 32-unit model is not 32 rows of 14 px.
  const rowH = showNumbers ? style.numberRowH : Math.max(2, Math.min(condensed ? 6 : 10, Math.floor((condensed ? 60 : 96) / hidden)));
  const swatch = { w: style.swatchW, h: Math.max(1, rowH - (rowH > 4 ? 2 : 0)) };
  const colW = swatch.w + (showNumbers ? 3 + numberW : 0);
  const colGap = condensed ? 2 : 8;
  const inner = columns * colW + (columns - 1) * colGap;
  const padIn = condensed ? 3 : 8;
  const w = inner + 2 * padIn;

  const outputCy = style.outputCy;
  const boxY = outputCy + r + style.wireUp;
  const band = condensed ? 8 : 18; // the belt runs in this band at the top of the box
  const firstRowY = boxY + band + style.rowsTop;
  const unitY = Array.from({ length: hidden }, (_, k) => firstRowY + k * rowH);
  const boxH = band + style.rowsTop + hidden * rowH + style.rowsBottom;
  const beltY = boxY + band / 2 + 1;
  const stateY = boxY + boxH - (condensed ? 4 : 7);
  const inputCy = boxY + boxH + style.wireIn;
  const tokenY = inputCy + r + style.tokenGap;
  // Condensed token labels are written sideways (up to ~8 characters).
  const height = tokenY + (condensed ? 52 : style === SLIDE ? 6 : 10);
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
  return {
    condensed,
    showNumbers,
    width,
    height,
    cells,
    gap,
    beltY,
    stateY,
    columnX,
    unitY,
    swatch,
    numberW,
    fontSize,
    numberSize: style.numberSize,
    labelSize: style.labelSize,
    subSize: style.subSize,
    tokenSize: style.tokenSize,
  };
}

/** The scroll offset that centres cell `t` in a viewport `viewW` wide, clamped to the chain. */
export function scrollLeftFor(layout: UnrolledLayout, t: number, viewW: number): number {
  const c = layout.cells[t];
  if (!c) return 0;
  const ideal = c.x + c.w / 2 - viewW / 2;
  return Math.max(0, Math.min(ideal, layout.width - viewW));
}
