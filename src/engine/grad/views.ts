/**
 * Params and grads as flat named arrays, in the same order: what an optimizer (p -= lr * g),
 * a gradient-norm display or a finite-difference check iterates over. The arrays are the
 * live storage, not copies: writing into a param view changes the cell.
 */
import type { Affine, CellParams, Vec } from '../types';
import type { AffineGrads, CellGrads } from './types';

export interface NamedArray {
  readonly name: string;
  readonly data: Float64Array;
}

function affineViews(prefix: string, a: Affine): NamedArray[] {
  return [
    { name: `${prefix}.W`, data: a.W.data },
    { name: `${prefix}.U`, data: a.U.data },
    { name: `${prefix}.bW`, data: a.bW },
    { name: `${prefix}.bU`, data: a.bU },
  ];
}

function affineGradViews(prefix: string, g: AffineGrads): NamedArray[] {
  return [
    { name: `${prefix}.W`, data: g.dW.data },
    { name: `${prefix}.U`, data: g.dU.data },
    { name: `${prefix}.bW`, data: g.dbW },
    { name: `${prefix}.bU`, data: g.dbU },
  ];
}

const peepViews = (p: Readonly<{ i: Vec; f: Vec; o: Vec }>): NamedArray[] => [
  { name: 'peep.i', data: p.i },
  { name: 'peep.f', data: p.f },
  { name: 'peep.o', data: p.o },
];

export function paramArrays(p: CellParams): NamedArray[] {
  switch (p.kind) {
    case 'rnn':
      return affineViews('a', p.a);
    case 'gru':
      return (['z', 'r', 'n'] as const).flatMap((g) => affineViews(g, p.gates[g]));
    case 'lstm':
    case 'peephole':
    case 'coupled': {
      const gates = (['i', 'f', 'g', 'o'] as const).flatMap((g) => affineViews(g, p.gates[g]));
      return p.kind === 'peephole' ? [...gates, ...peepViews(p.peep)] : gates;
    }
  }
}

/** Same names and order as paramArrays for the matching params. */
export function gradArrays(g: CellGrads): NamedArray[] {
  switch (g.kind) {
    case 'rnn':
      return affineGradViews('a', g.a);
    case 'gru':
      return (['z', 'r', 'n'] as const).flatMap((k) => affineGradViews(k, g.gates[k]));
    default: {
      const gates = (['i', 'f', 'g', 'o'] as const).flatMap((k) => affineGradViews(k, g.gates[k]));
      return g.dpeep ? [...gates, ...peepViews(g.dpeep)] : gates;
    }
  }
}
