/**
 * Builds canonical CellParams from per-gate Affines. Importers only decide where each gate's
 * blocks live in their native tensors; the shape of the resulting params is decided by the
 * kind's module (kinds/), once.
 */
import { type AssembleOptions, type CellKind, type CellParams, type Framework, type FrameworkLayout, KINDS, kindOf } from '../kinds';
import { checkKind } from './shape';
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

/** The kinds a framework's layout can hold, in the registry's order. */
export const kindsIn = (fw: Framework): readonly CellKind[] => KINDS.filter((k) => k.layouts[fw]).map((k) => k.id);

/** The kind `kind` (checked, naming `${fw}.kind` when it has no layout there) and its layout in `fw`. */
export function layoutOf(fw: Framework, kind: unknown): { kind: CellKind; layout: FrameworkLayout } {
  const k = checkKind(`${fw}.kind`, kind, kindsIn(fw));
  return { kind: k, layout: kindOf(k).layouts[fw]! };
}
