/**
 * Builds canonical CellParams from per-gate Affines. Importers only decide where each gate's
 * blocks live in their native tensors; the shape of the resulting params is decided by the
 * kind's module (kinds/), once. Only kinds with a framework layout are built this way: today's
 * kinds (minGRU, minLSTM, sLSTM, mLSTM) have no framework layer, and their maps are not affine
 * over [x, h] per gate.
 */
import { type AssembleOptions, type CellKind, type CellParams, type Framework, type FrameworkLayout, KINDS, kindOf } from '../kinds';
import { UnsupportedOptionError } from './errors';
import { checkKind } from './shape';
import type { Affine } from '../types';

/** A canonical gate name: the RNN's single affine map is `a`, the others their gate's letter. */
export type GateName = string;

interface AssembleConfig extends AssembleOptions {
  readonly kind: CellKind;
}

export function assemble(cfg: AssembleConfig, gate: (name: GateName) => Affine): CellParams {
  const build = kindOf(cfg.kind).assemble;
  if (!build) throw new Error(`assemble: a ${cfg.kind} cell is not built from affine maps over [x, h]`);
  return build(cfg, gate);
}

/** The kinds a framework's layout can hold, in the registry's order. */
export const kindsIn = (fw: Framework): readonly CellKind[] => KINDS.filter((k) => k.layouts[fw]).map((k) => k.id);

const FRAMEWORK: Readonly<Record<Framework, string>> = { pytorch: 'PyTorch', keras: 'Keras', onnx: 'ONNX' };

/**
 * The kind `kind` (checked, naming `${fw}.kind` when it has no layout there) and its layout in
 * `fw`. A registered kind that no framework holds is refused as such, not as an unknown kind.
 */
export function layoutOf(fw: Framework, kind: unknown): { kind: CellKind; layout: FrameworkLayout } {
  const allowed = kindsIn(fw);
  // Today's kinds have no layout in any framework: say so rather than call them unknown.
  if (typeof kind === 'string' && KINDS.some((k) => k.id === kind && Object.keys(k.layouts).length === 0)) {
    throw new UnsupportedOptionError(
      `${fw}.kind`,
      kind,
      `${allowed.join(', ')}: ${FRAMEWORK[fw]} has no ${kind} layer (its weights are read and written in Gatescope's own model file, layout "canonical")`,
    );
  }
  const k = checkKind(`${fw}.kind`, kind, allowed);
  return { kind: k, layout: kindOf(k).layouts[fw]! };
}
