/**
 * Builds canonical CellParams from per-gate Affines. Importers only decide where each gate's
 * blocks live in their native tensors; the shape of the resulting params is decided here once.
 */
import type { Affine, CellKind, CellParams, Coupling, GateActivation, GruReset, Vec } from '../types';

/** Canonical gate names per kind; the RNN's single affine map is called `a` (as in its trace). */
export const GATES = {
  rnn: ['a'],
  lstm: ['i', 'f', 'g', 'o'],
  peephole: ['i', 'f', 'g', 'o'],
  coupled: ['i', 'f', 'g', 'o'],
  gru: ['z', 'r', 'n'],
} as const satisfies Record<CellKind, readonly string[]>;

export type GateName = (typeof GATES)[CellKind][number];

export interface AssembleConfig {
  readonly kind: CellKind;
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly gateActivation: GateActivation;
  /** Used only when kind is 'gru'. */
  readonly reset?: GruReset;
  /** Used only when kind is 'coupled'. */
  readonly coupling?: Coupling;
  /** Required when kind is 'peephole'. */
  readonly peep?: { readonly i: Vec; readonly f: Vec; readonly o: Vec };
}

export function assemble(cfg: AssembleConfig, gate: (name: GateName) => Affine): CellParams {
  const { kind, inputSize, hiddenSize, gateActivation } = cfg;
  const sizes = { inputSize, hiddenSize };
  switch (kind) {
    case 'rnn':
      return { kind, ...sizes, a: gate('a') };
    case 'gru':
      return {
        kind,
        ...sizes,
        gateActivation,
        reset: cfg.reset ?? 'after',
        gates: { z: gate('z'), r: gate('r'), n: gate('n') },
      };
    case 'lstm':
    case 'peephole':
    case 'coupled': {
      const gates = { i: gate('i'), f: gate('f'), g: gate('g'), o: gate('o') };
      if (kind === 'lstm') return { kind, ...sizes, gateActivation, gates };
      if (kind === 'coupled') {
        return { kind, ...sizes, gateActivation, gates, coupling: cfg.coupling ?? 'f=1-i' };
      }
      if (!cfg.peep) throw new Error('assemble: a peephole cell needs peep weights');
      return { kind, ...sizes, gateActivation, gates, peep: cfg.peep };
    }
  }
}
