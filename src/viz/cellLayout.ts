/**
 * Pure geometry of the cell diagrams, after colah's figures: the cell state (or the GRU's hidden
 * state) runs straight along the top, the layers sit in a row near the bottom reading
 * [h_{t−1}, x_t] from a line below them, and each layer's output climbs to the pointwise op it
 * drives. Vectors are drawn as columns of unit swatches beside the lines that carry them.
 *
 * Vertical bands, top to bottom (S = height of one swatch column):
 *   header (belt columns: C_{t−1}, kept, written, C_t) | the h_t pill above the frame | belt |
 *   band A | mid row (×i, ×o, 1−z) | band B | layers | the [h_{t−1}, x_t] line | x_t.
 * As in colah's figures, h_t leaves twice: right, to the next step, and up through the top of
 * the cell, as the step's output (an LSTM's crosses the belt without joining it).
 * Strips live in band A or B beside a vertical line, so no strip crosses a line.
 */
import type { CellKind } from '../engine';
import type { LayoutOptions } from './cellLayoutBuilder';
import { figureOf } from './kinds';
import type { CellLayout } from './layoutTypes';

// What the components and tests read from here (the sizes live with the builder, each kind's
// geometry in its figure module, kinds/).
export { COLLAPSED_H, MAX_ROWS } from './cellLayoutBuilder';
export type { LayoutOptions } from './cellLayoutBuilder';

export function cellLayout(kind: CellKind, o: LayoutOptions): CellLayout {
  return figureOf(kind).layout(o);
}
