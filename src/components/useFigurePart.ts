import { useCallback } from 'react';
import { registerFigurePart } from '../shared/figures';

type Drawn = SVGSVGElement | HTMLCanvasElement;

/**
 * A callback ref that registers the element it is attached to as a part of the open view's
 * figure (for the export menu and the embed bridge) for as long as it is mounted. A new title
 * re-registers it (React 19 runs the returned cleanup first).
 */
export function useFigurePart<E extends Drawn>(title: string, sizesFrame = false): (el: E | null) => (() => void) | undefined {
  return useCallback((el: E | null) => (el ? registerFigurePart({ el, title, sizesFrame }) : undefined), [title, sizesFrame]);
}
