import { describe, expect, it } from 'vitest';
import { figureParts, frameSizingFigure, registerFigurePart } from './figures';

/**
 * A stand-in for elements in a document: `order` is the position in reading order, `inside`
 * whether the element lies in the panel asked about. Enough of Node for the registry, which
 * uses only isConnected, contains and compareDocumentPosition.
 */
function fakeEl(order: number, opts: { connected?: boolean; svg?: boolean } = {}) {
  return {
    order,
    isConnected: opts.connected ?? true,
    compareDocumentPosition(other: { order: number }) {
      return other.order > order ? 4 : 2;
    },
  } as unknown as SVGSVGElement;
}

const panel = (members: unknown[]) => ({ contains: (el: unknown) => members.includes(el) }) as unknown as Element;

describe('the figure registry', () => {
  it('lists the parts inside the panel in reading order, whatever order they registered in', () => {
    const a = fakeEl(1);
    const b = fakeEl(2);
    const c = fakeEl(3);
    const elsewhere = fakeEl(0);
    const off = [registerFigurePart({ el: c, title: 'c' }), registerFigurePart({ el: a, title: 'a' }), registerFigurePart({ el: elsewhere, title: 'x' }), registerFigurePart({ el: b, title: 'b' })];
    expect(figureParts(panel([a, b, c])).map((p) => p.title)).toEqual(['a', 'b', 'c']);
    for (const f of off) f();
    expect(figureParts(panel([a, b, c]))).toEqual([]);
  });

  it('leaves out a part no longer in the document, and forgets one when it unregisters', () => {
    const gone = fakeEl(1, { connected: false });
    const kept = fakeEl(2);
    const offGone = registerFigurePart({ el: gone, title: 'gone' });
    const offKept = registerFigurePart({ el: kept, title: 'kept' });
    expect(figureParts(panel([gone, kept])).map((p) => p.title)).toEqual(['kept']);
    offKept();
    expect(figureParts(panel([gone, kept]))).toEqual([]);
    offGone();
  });
});

describe('the frame-sizing figure', () => {
  it('is the part registered as sizing the frame, or none', () => {
    // instanceof SVGSVGElement needs the class; Node has none, so give it one for this test.
    const g = globalThis as { SVGSVGElement?: unknown };
    const had = g.SVGSVGElement;
    class FakeSvg {}
    g.SVGSVGElement = FakeSvg;
    try {
      const chain = Object.assign(new FakeSvg(), fakeEl(1)) as unknown as SVGSVGElement;
      const diagram = Object.assign(new FakeSvg(), fakeEl(2)) as unknown as SVGSVGElement;
      const offChain = registerFigurePart({ el: chain, title: 'chain' });
      expect(frameSizingFigure(panel([chain, diagram]))).toBeNull();
      const offDiagram = registerFigurePart({ el: diagram, title: 'diagram', sizesFrame: true });
      expect(frameSizingFigure(panel([chain, diagram]))).toBe(diagram);
      expect(frameSizingFigure(panel([chain]))).toBeNull();
      offChain();
      offDiagram();
    } finally {
      g.SVGSVGElement = had;
    }
  });
});
