/** Seeded random parameters for any cell kind: demo models, property tests and benchmarks. */
import { assemble, type GateName, gatesOf } from './importers/assemble';
import { type CellKind, type CellParams, kindOf, type StateActivation } from './kinds';
import { matrix } from './math';
import type { Rng } from './rng';
import type { Affine, Coupling, GateActivation, GruReset, Vec } from './types';

export interface InitOptions {
  /** Weights ~ U(-scale, scale). Default 1/sqrt(hidden), PyTorch's default init. */
  scale?: number;
  gateActivation?: GateActivation;
  reset?: GruReset;
  coupling?: Coupling;
  /** The state's nonlinearity, for a kind that offers a choice (the RNN); default tanh. */
  activation?: StateActivation;
}

function uniformVec(n: number, rng: Rng, s: number): Vec {
  const v = new Float64Array(n);
  for (let k = 0; k < n; k++) v[k] = rng.uniform(-s, s);
  return v;
}

function randomAffine(input: number, hidden: number, rng: Rng, s: number): Affine {
  return {
    W: matrix(hidden, input, uniformVec(hidden * input, rng, s)),
    U: matrix(hidden, hidden, uniformVec(hidden * hidden, rng, s)),
    bW: uniformVec(hidden, rng, s),
    bU: uniformVec(hidden, rng, s),
  };
}

export function randomParams(kind: CellKind, inputSize: number, hiddenSize: number, rng: Rng, opts: InitOptions = {}): CellParams {
  const s = opts.scale ?? 1 / Math.sqrt(hiddenSize);
  const aff = () => randomAffine(inputSize, hiddenSize, rng, s);
  // Draw every gate in its canonical order, then the peepholes, so a seed always gives the same
  // weights; the shape of the params is decided in one place, assemble().
  const drawn = new Map<GateName, Affine>(gatesOf(kind).map((g) => [g, aff()]));
  const peep = kindOf(kind).peepholes ? { i: uniformVec(hiddenSize, rng, s), f: uniformVec(hiddenSize, rng, s), o: uniformVec(hiddenSize, rng, s) } : undefined;
  return assemble(
    {
      kind,
      inputSize,
      hiddenSize,
      gateActivation: opts.gateActivation ?? 'sigmoid',
      reset: opts.reset ?? 'after',
      coupling: opts.coupling ?? 'i=1-f',
      ...(opts.activation ? { activation: opts.activation } : {}),
      ...(peep ? { peep } : {}),
    },
    (g) => drawn.get(g)!,
  );
}
