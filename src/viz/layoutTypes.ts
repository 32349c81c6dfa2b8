/**
 * The plain data a cell diagram is drawn from: no React, no DOM. Coordinates are in the
 * diagram's own viewBox units; the SVG scales them to the screen.
 */

/** Every vector a diagram can show: trace fields plus the belt's two contributions. */
export type DiagramVector =
  | 'x'
  | 'hPrev'
  | 'cPrev'
  | 'hx' // [h_{t−1}, x_t], the concatenation the layers read
  | 'f'
  | 'i'
  | 'cTilde'
  | 'c'
  | 'o'
  | 'tanhC'
  | 'h'
  | 'z'
  | 'r'
  | 'n'
  | 'a'
  | 'kept' // f ⊙ C_{t−1} (LSTM) or z ⊙ h_{t−1} (GRU): what survives
  | 'written' // i ⊙ C̃ (LSTM) or (1 − z) ⊙ n (GRU): what is added
  | 'oneMinusZ'
  | 'hTilde' // minGRU, minLSTM: the linear candidate; mLSTM: the memory's read C_t q_t / d_t
  | 'q' // mLSTM: the query, key and value
  | 'k'
  | 'v'
  | 'vk' // mLSTM: the written pair v_t k_tᵀ as q_t reads it, v_t (k_t · q_t)
  | 'fPrime' // minLSTM: f / (f + i)
  | 'iPrime' // minLSTM: i / (f + i)
  | 'rh' // what the reset gate lets the candidate see
  | 'nPrev' // sLSTM: the normaliser and stabiliser states, before and after the step
  | 'nState'
  | 'mPrev'
  | 'm'
  | 'nKept' // sLSTM: f′ ⊙ n_{t−1}
  | 'iRaw' // sLSTM: the gates as they would be without m, exp(ĩ_t) and exp(f̃_t) (or σ(f̃_t))
  | 'fRaw';

/** layer = yellow NN box (σ, tanh); pointwise = pink op (×, +, tanh, 1−); io = a vector entering
 *  or leaving the cell; junction = where lines merge (concatenate) or fork (copy). */
export type NodeKind = 'layer' | 'pointwise' | 'io' | 'junction';

export interface DiagramNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** What is printed in it: σ, tanh, ×, +, 1−, or an io symbol such as C_{t−1}. */
  readonly label: string;
  /** Centre and size (a circle has w = h = its diameter). */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** The vector this node outputs (null for junctions). */
  readonly vector: DiagramVector | null;
}

export interface DiagramEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly vector: DiagramVector;
  /** The cell state's straight line along the top. */
  readonly belt: boolean;
  /** A peephole connection (the cell state looking into a gate). */
  readonly peephole: boolean;
  readonly points: ReadonlyArray<readonly [number, number]>;
  /** SVG path data, made from `points` by d3-shape. */
  readonly d: string;
}

/** One vector drawn as a column (or row) of unit swatches. */
export interface SwatchStrip {
  readonly vector: DiagramVector;
  readonly orientation: 'column' | 'row';
  /** Top-left of the first swatch. */
  readonly x: number;
  readonly y: number;
  readonly cellW: number;
  readonly cellH: number;
  /** Swatches drawn (shown units); a collapsed rest adds a thin strip after them. */
  readonly count: number;
  readonly collapsed: boolean;
  /** Where the strip's symbol is printed (text anchor middle). */
  readonly labelX: number;
  readonly labelY: number;
  readonly symbol: string;
}

/** An operator printed between the belt columns so they read as C_{t−1} × f → kept + written = C_t. */
export interface Glyph {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export type LegendKey = 'layer' | 'pointwise' | 'line' | 'merge' | 'fork';

export interface CellLayout {
  readonly kind: string;
  readonly width: number;
  readonly height: number;
  readonly frame: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly strips: readonly SwatchStrip[];
  readonly glyphs: readonly Glyph[];
  readonly legend: readonly LegendKey[];
  /** The belt columns' band (for the "kept / written" captions), or null without a belt. */
  readonly beltBand: { readonly y: number; readonly h: number } | null;
  /** Per unit, a bar of C_t (or h_t) split into its kept and written parts, one row per swatch. */
  readonly beltBars: { readonly x: number; readonly w: number; readonly y: number } | null;
}
