/** Seeded random parameters for any cell kind: demo models, property tests and benchmarks. */
import { matrix } from './math';
import type { Rng } from './rng';
import type {
  Affine,
  CellKind,
  CellParams,
  Coupling,
  GateActivation,
  GruReset,
  Vec,
} from './types';

export interface InitOptions {
  /** Weights ~ U(-scale, scale). Default 1/sqrt(hidden), PyTorch's default init. */
  scale?: number;
  gateActivation?: GateActivation;
  reset?: GruReset;
  coupling?: Coupling;
}

function uniformVec(n: number, rng: Rng, s: number): Vec {
  const v = new Float64Array(n);
  for (let k = 0; k < n; k++) v[k] = rng.uniform(-s, s);
  return v;
}

export function randomAffine(input: number, hidden: number, rng: Rng, s: number): Affine {
  return {
    W: matrix(hidden, input, uniformVec(hidden * input, rng, s)),
    U: matrix(hidden, hidden, uniformVec(hidden * hidden, rng, s)),
    bW: uniformVec(hidden, rng, s),
    bU: uniformVec(hidden, rng, s),
  };
}

export function randomParams(
  kind: CellKind,
  inputSize: number,
  hiddenSize: number,
  rng: Rng,
  opts: InitOptions = {},
): CellParams {
  const s = opts.scale ?? 1 / Math.sqrt(hiddenSize);
  const aff = () => randomAffine(inputSize, hiddenSize, rng, s);
  const gateActivation = opts.gateActivation ?? 'sigmoid';
  const sizes = { inputSize, hiddenSize };
  switch (kind) {
    case 'rnn':
      return { kind, ...sizes, a: aff() };
    case 'gru':
      return {
        kind,
        ...sizes,
        gateActivation,
        reset: opts.reset ?? 'after',
        gates: { z: aff(), r: aff(), n: aff() },
      };
    case 'lstm':
    case 'peephole':
    case 'coupled': {
      const gates = { i: aff(), f: aff(), g: aff(), o: aff() };
      if (kind === 'lstm') return { kind, ...sizes, gateActivation, gates };
      if (kind === 'coupled')
        return { kind, ...sizes, gateActivation, gates, coupling: opts.coupling ?? 'i=1-f' };
      return {
        kind,
        ...sizes,
        gateActivation,
        gates,
        peep: {
          i: uniformVec(hiddenSize, rng, s),
          f: uniformVec(hiddenSize, rng, s),
          o: uniformVec(hiddenSize, rng, s),
        },
      };
    }
  }
}
