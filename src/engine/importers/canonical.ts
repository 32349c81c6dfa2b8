/**
 * The `weights.canonical` block of the conformance vector files → CellParams.
 *
 *   per gate g (suffix _i/_f/_g/_o, _z/_r/_n; none for the RNN):
 *     W_g [H][I], U_g [H][H], bW_g [H], bU_g [H], optional b_g = bW_g + bU_g
 *   peephole: p_i, p_f, p_o [H]
 *
 * b_g is redundant; when present it is checked, because a file whose sum disagrees with its
 * parts was produced by a broken exporter and would be silently wrong in one of the layouts.
 */
import { matrix } from '../math';
import { CELL_KINDS, type CellKind, type CellParams, kindOf, VARIANT_VALUES } from '../kinds';
import type { Coupling, GateActivation, GruReset, Vec } from '../types';
import { assemble, type GateName } from './assemble';
import { MissingFieldError, UnsupportedOptionError, WeightImportError } from './errors';
import { checkKind, expectShape, gateActivationOpt, inferDim, readOptional, readRequired, type Tensor } from './shape';

export interface CanonicalOptions {
  readonly gateActivation?: GateActivation;
  /** Required for a kind whose variant is the reset: both placements are common, so guessing would be silently wrong. */
  readonly reset?: GruReset;
  /** Required for a kind whose variant is the coupling, for the same reason. */
  readonly coupling?: Coupling;
}

/** The sum b_g disagrees with bW_g + bU_g. */
class InconsistentBiasError extends WeightImportError {}

const P = 'canonical';
/** A kind with one affine map names its tensors without a gate suffix (W, U, bW, bU). */
export const suffix = (kind: CellKind, g: GateName) => (kindOf(kind).gates.length === 1 ? '' : `_${g}`);

function checkBiasSum(b: Tensor, bW: Vec, bU: Vec): void {
  for (let k = 0; k < bW.length; k++) {
    const sum = bW[k]! + bU[k]!;
    if (Math.abs(b.data[k]! - sum) > 1e-9 * Math.max(1, Math.abs(sum))) {
      throw new InconsistentBiasError(`${b.field}[${k}]`, `${b.field}[${k}]: expected bW + bU = ${sum}, found ${b.data[k]}`);
    }
  }
}

export function fromCanonical(kind: CellKind, json: unknown, opts: CanonicalOptions = {}): CellParams {
  const k = checkKind('canonical.kind', kind, CELL_KINDS);
  const gateActivation = gateActivationOpt('canonical.gateActivation', opts.gateActivation, 'sigmoid');
  const variant = kindOf(k).variant;
  if (variant) {
    const allowed: readonly string[] = VARIANT_VALUES[variant];
    const got = opts[variant];
    const expected = allowed.map((v) => `'${v}'`).join(' or ');
    if (got === undefined) throw new MissingFieldError(`canonical.${variant}`, expected);
    if (!allowed.includes(got)) throw new UnsupportedOptionError(`canonical.${variant}`, got, expected);
  }
  const gates = kindOf(k).gates;
  const first = suffix(k, gates[0]!);
  const U0 = readRequired(json, `U${first}`, P);
  const W0 = readRequired(json, `W${first}`, P);
  const H = inferDim(U0, 2, 0, '[H][H]');
  const I = inferDim(W0, 2, 1, '[H][I]');

  const vec = (key: string): Vec => {
    const t = readRequired(json, key, P);
    expectShape(t, [H]);
    return t.data;
  };
  const affines = new Map(
    gates.map((g) => {
      const s = suffix(k, g);
      const W = readRequired(json, `W${s}`, P);
      const U = readRequired(json, `U${s}`, P);
      expectShape(W, [H, I], `H=${H} from U${first}, I=${I} from W${first}`);
      expectShape(U, [H, H], `H=${H} from U${first}`);
      const bW = vec(`bW${s}`);
      const bU = vec(`bU${s}`);
      const b = readOptional(json, `b${s}`, P);
      if (b) {
        expectShape(b, [H]);
        checkBiasSum(b, bW, bU);
      }
      return [g, { W: matrix(H, I, W.data), U: matrix(H, H, U.data), bW, bU }] as const;
    }),
  );
  const peep = kindOf(k).peepholes ? { i: vec('p_i'), f: vec('p_f'), o: vec('p_o') } : undefined;
  return assemble(
    {
      kind: k,
      inputSize: I,
      hiddenSize: H,
      gateActivation,
      ...(opts.reset ? { reset: opts.reset } : {}),
      ...(opts.coupling ? { coupling: opts.coupling } : {}),
      ...(peep ? { peep } : {}),
    },
    (g) => affines.get(g)!,
  );
}
