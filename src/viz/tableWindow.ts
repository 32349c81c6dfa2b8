/**
 * Which unit columns of the values table to build when it shows every unit: only those in the
 * scrolled-to window, plus a few either side. At hidden 128 the whole table is ~2,500 cells, and
 * laying them out and painting them at every step is what made a step take ~100 ms; the window
 * is ~15 columns. The columns have one fixed width, so the window follows from the scroll alone
 * (no measuring).
 */
interface TableWindow {
  /** The first and one-past-last unit columns built. */
  readonly first: number;
  readonly end: number;
}

export const UNIT_COLUMN_PX = 88;
/** The row-name column (sticky at the left when the table scrolls). */
export const NAME_COLUMN_PX = 300;
const OVERSCAN = 3;

export function tableWindow(scrollLeft: number, viewWidth: number, count: number, colPx = UNIT_COLUMN_PX, namePx = NAME_COLUMN_PX): TableWindow {
  if (count <= 0) return { first: 0, end: 0 };
  // Before the width is known (first render), build one screenful's worth from the left.
  const width = viewWidth > 0 ? viewWidth : 1280;
  const left = Math.max(0, scrollLeft);
  // The name column is sticky: unit columns are seen from scrollLeft + namePx on.
  const first = Math.min(count - 1, Math.floor(left / colPx));
  const last = Math.ceil((left + Math.max(0, width - namePx)) / colPx);
  return { first: Math.max(0, first - OVERSCAN), end: Math.min(count, Math.max(first + 1, last) + OVERSCAN) };
}
