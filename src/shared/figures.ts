/**
 * The figures on the page, as the views registered them: the export menu composes them into one
 * download and the embed bridge sizes a slide's frame from the cell diagram's aspect ratio. A
 * registry instead of CSS selectors, so that renaming a class or restructuring a view cannot
 * silently empty an export or mis-size a slide. A leaf module (no imports): components register,
 * and both components and the embed bridge read.
 */

/** One exportable part of a view's figure. */
export interface FigurePart {
  /** The element drawn: an SVG, or the canvas of a large heatmap. */
  readonly el: SVGSVGElement | HTMLCanvasElement;
  /** Its title in a composed export ('' for an untitled part such as an axis). */
  readonly title: string;
  /**
   * True for the cell diagram's main drawing, whose viewBox is the natural aspect ratio an
   * embedding frame is sized to.
   */
  readonly sizesFrame?: boolean;
}

const parts = new Set<FigurePart>();

/** Adds a part while it is on screen; the returned function removes it. */
export function registerFigurePart(part: FigurePart): () => void {
  parts.add(part);
  return () => {
    parts.delete(part);
  };
}

// DOCUMENT_POSITION_FOLLOWING, written out: the constant lives on Node, which this leaf module
// must not require to exist (it is imported by code that runs in tests without a DOM).
const FOLLOWING = 4;

/**
 * The registered parts inside `within` (the open view's panel), in reading order: the order a
 * composed export stacks them in.
 */
export function figureParts(within: Element): FigurePart[] {
  return [...parts].filter((p) => p.el.isConnected && within.contains(p.el)).sort((a, b) => (a.el === b.el ? 0 : a.el.compareDocumentPosition(b.el) & FOLLOWING ? -1 : 1));
}

/** The drawing whose aspect ratio sizes an embedding frame, if the open view has one. */
export function frameSizingFigure(within: Element): SVGSVGElement | null {
  const p = figureParts(within).find((f) => f.sizesFrame && f.el instanceof SVGSVGElement);
  return (p?.el as SVGSVGElement | undefined) ?? null;
}
