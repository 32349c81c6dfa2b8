/** Seeded random parameters for any cell kind: demo models, property tests and benchmarks. */
import { type CellKind, type CellParams, kindOf, type StateActivation } from './kinds';
import type { Rng } from './rng';
import type { Coupling, GateActivation, GruReset, SlstmForget } from './types';

export interface InitOptions {
  /** Weights ~ U(-scale, scale). Default 1/sqrt(hidden), PyTorch's default init. */
  scale?: number;
  gateActivation?: GateActivation;
  reset?: GruReset;
  coupling?: Coupling;
  /** The state's nonlinearity, for a kind that offers a choice (the RNN); default tanh. */
  activation?: StateActivation;
  /** The sLSTM's forget gate; default 'exp' (the paper's). */
  forget?: SlstmForget;
}

export function randomParams(kind: CellKind, inputSize: number, hiddenSize: number, rng: Rng, opts: InitOptions = {}): CellParams {
  const s = opts.scale ?? 1 / Math.sqrt(hiddenSize);
  const spec = kindOf(kind);
  const p = spec.create({
    inputSize,
    hiddenSize,
    gateActivation: opts.gateActivation ?? 'sigmoid',
    reset: opts.reset ?? 'after',
    coupling: opts.coupling ?? 'i=1-f',
    forget: opts.forget ?? 'exp',
    ...(opts.activation ? { activation: opts.activation } : {}),
  });
  // Every weight in the kind's own order (a classic gate's W, U, bW, bU, gate after gate, then
  // the peepholes), so a seed always gives the same weights.
  for (const t of spec.weights(p)) for (let k = 0; k < t.data.length; k++) t.data[k] = rng.uniform(-s, s);
  return p;
}
