/**
 * Builds canonical CellParams from per-gate Affines. Importers only decide where each gate's
 * blocks live in their native tensors; the shape of the resulting params is decided by the
 * kind's module (kinds/), once.
 */
import { type AssembleOptions, type CellKind, type CellParams, kindOf } from '../kinds';
import type { Affine } from '../types';

/** A canonical gate name: the RNN's single affine map is `a`, the others their gate's letter. */
export type GateName = string;

interface AssembleConfig extends AssembleOptions {
  readonly kind: CellKind;
}

export function assemble(cfg: AssembleConfig, gate: (name: GateName) => Affine): CellParams {
  return kindOf(cfg.kind).assemble(cfg, gate);
}

/** The kind's canonical gates, in the order their weights are drawn and exported. */
export const gatesOf = (kind: CellKind): readonly GateName[] => kindOf(kind).gates;
