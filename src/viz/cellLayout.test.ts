import { describe, expect, it } from 'vitest';
import { CELL_KINDS, type CellKind } from '../engine';
import { cellLayout, type LayoutOptions } from './cellLayout';
import type { CellLayout, DiagramNode } from './layoutTypes';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  what: string;
}

const nodeBox = (n: DiagramNode): Box => ({ x0: n.x - n.w / 2, y0: n.y - n.h / 2, x1: n.x + n.w / 2, y1: n.y + n.h / 2, what: n.id });

function boxes(l: CellLayout): Box[] {
  const strips = l.strips.map((s) => {
    const len = s.count * (s.orientation === 'column' ? s.cellH : s.cellW);
    return s.orientation === 'column'
      ? { x0: s.x, y0: s.y, x1: s.x + s.cellW, y1: s.y + len, what: `strip ${s.vector}` }
      : { x0: s.x, y0: s.y, x1: s.x + len, y1: s.y + s.cellH, what: `strip ${s.vector}` };
  });
  const rows = l.strips[0]!.count * l.strips[0]!.cellH;
  const bars = l.beltBars ? [{ x0: l.beltBars.x, y0: l.beltBars.y, x1: l.beltBars.x + l.beltBars.w, y1: l.beltBars.y + rows, what: 'bars' }] : [];
  return [...l.nodes.map(nodeBox), ...strips, ...bars];
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (p: readonly [number, number], b: Box, tol = 0.5) => p[0] >= b.x0 - tol && p[0] <= b.x1 + tol && p[1] >= b.y0 - tol && p[1] <= b.y1 + tol;

const OPTIONS: LayoutOptions[] = [
  { rows: 6, collapsed: false, inputRows: 8 },
  { rows: 8, collapsed: true, inputRows: 8 },
  { rows: 1, collapsed: false, inputRows: 1 },
  // Presenting (CellDiagram: PRESENTER_ROWS, the rest collapsed): larger swatches.
  { rows: 3, collapsed: true, inputRows: 3, large: true },
  { rows: 4, collapsed: false, inputRows: 4, large: true },
];

function all(): Array<[string, CellLayout]> {
  const out: Array<[string, CellLayout]> = [];
  for (const o of OPTIONS) {
    for (const kind of CELL_KINDS) out.push([`${kind} rows=${o.rows}${o.large ? ' large' : ''}`, cellLayout(kind, o)]);
    out.push([`coupled f=1-i rows=${o.rows}${o.large ? ' large' : ''}`, cellLayout('coupled', { ...o, coupling: 'f=1-i' })]);
  }
  return out;
}

describe('cellLayout', () => {
  it.each(all())('%s: no node or strip overlaps another', (_, l) => {
    const bs = boxes(l);
    for (let a = 0; a < bs.length; a++) for (let b = a + 1; b < bs.length; b++) expect(overlaps(bs[a]!, bs[b]!), `${bs[a]!.what} × ${bs[b]!.what}`).toBe(false);
  });

  it.each(all())('%s: every edge starts and ends on its nodes, and no strip sits on a line', (_, l) => {
    const byId = new Map(l.nodes.map((n) => [n.id, n]));
    for (const e of l.edges) {
      const from = byId.get(e.from);
      const to = byId.get(e.to);
      expect(from, e.id).toBeDefined();
      expect(to, e.id).toBeDefined();
      expect(inside(e.points[0]!, nodeBox(from!)), `${e.id} start`).toBe(true);
      expect(inside(e.points[e.points.length - 1]!, nodeBox(to!)), `${e.id} end`).toBe(true);
      expect(e.d.startsWith('M')).toBe(true);
    }
    // Strips sit beside lines, never across them (a segment through a strip would hide numbers).
    const strips = boxes(l).filter((b) => b.what.startsWith('strip'));
    for (const e of l.edges)
      for (let k = 1; k < e.points.length; k++) {
        const [a, b] = [e.points[k - 1]!, e.points[k]!];
        const seg = { x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]), what: e.id };
        for (const s of strips) expect(overlaps({ ...seg, x1: seg.x1 + 0.01, y1: seg.y1 + 0.01 }, s), `${e.id} through ${s.what}`).toBe(false);
      }
  });

  it.each(all())('%s: coordinates are finite and fit the viewBox', (_, l) => {
    for (const b of boxes(l)) {
      for (const v of [b.x0, b.y0, b.x1, b.y1]) expect(Number.isFinite(v)).toBe(true);
      expect(b.x0, b.what).toBeGreaterThanOrEqual(0);
      expect(b.y0, b.what).toBeGreaterThanOrEqual(0);
      expect(b.x1, b.what).toBeLessThanOrEqual(l.width);
      expect(b.y1, b.what).toBeLessThanOrEqual(l.height);
    }
    for (const e of l.edges) for (const [x, y] of e.points) expect(x >= 0 && x <= l.width && y >= 0 && y <= l.height, e.id).toBe(true);
  });

  const opts = OPTIONS[0]!;
  const ids = (kind: CellKind, extra: Partial<LayoutOptions> = {}) => cellLayout(kind, { ...opts, ...extra }).nodes.map((n) => n.id);

  it('the peephole LSTM has exactly three edges more than the LSTM: the peepholes into f, i and o', () => {
    const lstm = cellLayout('lstm', opts);
    const peep = cellLayout('peephole', opts);
    const peepholes = peep.edges.filter((e) => e.peephole);
    expect(peepholes.map((e) => e.to).sort()).toEqual(['layerF', 'layerI', 'layerO']);
    expect(peepholes.map((e) => e.vector).sort()).toEqual(['c', 'cPrev', 'cPrev']);
    expect(lstm.edges.filter((e) => e.peephole)).toHaveLength(0);
    // The belt gains two junctions (split into one more segment each), not new gates.
    expect(peep.nodes.filter((n) => n.kind === 'layer')).toHaveLength(4);
  });

  it('the coupled LSTM has one gate layer fewer and a 1− op instead, in either convention', () => {
    expect(ids('coupled')).not.toContain('layerI');
    expect(ids('coupled')).toContain('layerF');
    expect(ids('coupled', { coupling: 'f=1-i' })).not.toContain('layerF');
    expect(ids('coupled', { coupling: 'f=1-i' })).toContain('layerI');
    for (const c of ['i=1-f', 'f=1-i'] as const) {
      const l = cellLayout('coupled', { ...opts, coupling: c });
      expect(l.nodes.filter((n) => n.kind === 'layer')).toHaveLength(3);
      const one = l.nodes.find((n) => n.label === '1−')!;
      expect(one.vector).toBe(c === 'i=1-f' ? 'i' : 'f');
      expect(l.edges.some((e) => e.from === 'oneMinus' && e.to === (c === 'i=1-f' ? 'mulI' : 'mulF'))).toBe(true);
    }
  });

  it('GRU: r, z and tanh layers, a 1− op, no belt; RNN: one tanh layer, no belt', () => {
    const g = cellLayout('gru', opts);
    expect(g.nodes.filter((n) => n.kind === 'layer').map((n) => n.vector)).toEqual(['r', 'z', 'n']);
    expect(g.nodes.some((n) => n.label === '1−' && n.vector === 'oneMinusZ')).toBe(true);
    expect(g.edges.some((e) => e.belt)).toBe(false);
    const r = cellLayout('rnn', opts);
    expect(r.nodes.filter((n) => n.kind === 'layer').map((n) => n.label)).toEqual(['tanh']);
    expect(r.edges.some((e) => e.belt)).toBe(false);
    expect(cellLayout('lstm', opts).edges.filter((e) => e.belt).length).toBeGreaterThanOrEqual(3);
  });

  it("the RNN is compact (colah's single tanh layer)", () => {
    for (const o of OPTIONS) expect(cellLayout('rnn', o).height).toBeLessThan(cellLayout('lstm', o).height * 0.7);
  });

  it.each(all())("%s: h_t leaves twice, as in colah's figures: right of the frame and up above it", (_, l) => {
    const outs = l.nodes.filter((n) => n.kind === 'io' && n.vector === 'h');
    expect(outs).toHaveLength(2);
    expect(outs.some((n) => n.x - n.w / 2 > l.frame.x + l.frame.w)).toBe(true);
    const up = outs.find((n) => n.y + n.h / 2 < l.frame.y)!;
    expect(up).toBeDefined();
    // Both are fed from one fork (a copy), and the up line is vertical.
    const into = l.edges.filter((e) => outs.some((n) => n.id === e.to));
    expect(new Set(into.map((e) => e.from)).size).toBe(1);
    const upEdge = into.find((e) => e.to === up.id)!;
    expect(upEdge.points.every(([x]) => x === up.x)).toBe(true);
  });

  it("an LSTM's h_t crosses the belt without joining it (the line is broken there); a GRU's forks off its top line", () => {
    for (const kind of ['lstm', 'peephole', 'coupled'] as const) {
      const l = cellLayout(kind, opts);
      const belt = l.edges.find((e) => e.belt)!;
      const beltY = belt.points[0]![1];
      const up = l.edges.find((e) => e.to === 'hUp')!;
      const subpaths = up.d
        .split('M')
        .filter(Boolean)
        .map((p) => p.split('L').map((q) => q.split(',').map(Number)));
      expect(subpaths).toHaveLength(2);
      // The break straddles the belt: one part below it, one above.
      expect(Math.min(...subpaths[0]!.map((q) => q[1]!))).toBeGreaterThan(beltY);
      expect(Math.max(...subpaths[1]!.map((q) => q[1]!))).toBeLessThan(beltY);
    }
    const g = cellLayout('gru', opts);
    const fork = g.nodes.find((n) => n.id === 'hFork')!;
    expect(fork.y).toBe(g.nodes.find((n) => n.id === 'hPrev')!.y);
    expect(g.edges.find((e) => e.to === 'hUp')!.d.match(/M/g)).toHaveLength(1);
  });

  it('every vector a kind computes has a strip', () => {
    const strips = (k: CellKind) =>
      cellLayout(k, opts)
        .strips.map((s) => s.vector)
        .sort();
    expect(strips('lstm')).toEqual(['c', 'cPrev', 'cTilde', 'f', 'h', 'hPrev', 'i', 'kept', 'o', 'tanhC', 'written', 'x']);
    expect(strips('gru')).toEqual(['h', 'hPrev', 'kept', 'n', 'oneMinusZ', 'r', 'written', 'x', 'z']);
    expect(strips('rnn')).toEqual(['a', 'h', 'hPrev', 'x']);
  });
});
