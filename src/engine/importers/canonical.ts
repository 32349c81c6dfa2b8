/**
 * The `weights.canonical` block of the conformance vector files → CellParams. Each of the kind's
 * weight tensors (its module's `weights`, e.g. 'f.W') is named `${last}_${first}` there:
 *
 *   classic kinds, per gate g (suffix _i/_f/_g/_o, _z/_r/_n; none for the RNN):
 *     W_g [H][I], U_g [H][H], bW_g [H], bU_g [H], optional b_g = bW_g + bU_g;  peephole: p_i, p_f, p_o [H]
 *   today's kinds (../shared/conformance-modern): W_g [H][I] and b_g [H] per map g, U_g [H][H] for
 *     the sLSTM, and mLSTM's scalar gates w_i, w_f [I] with b_i, b_f numbers
 *
 * The sizes come from the first tensor, a W_g [H][I] for every kind. b_g is redundant where bW_g
 * and bU_g are given; when present it is checked, because a file whose sum disagrees with its
 * parts was produced by a broken exporter and would be silently wrong in one of the layouts.
 */
import { ALL_KINDS, type CellKind, type CellParams, kindOf, VARIANT_VALUES } from '../kinds';
import type { Coupling, GateActivation, GruReset, SlstmForget, Vec } from '../types';
import { MissingFieldError, UnsupportedOptionError, WeightImportError } from './errors';
import { checkKind, expectShape, gateActivationOpt, inferDim, readOptional, readRequired, type Tensor } from './shape';

export interface CanonicalOptions {
  readonly gateActivation?: GateActivation;
  /** Required for a kind whose variant is the reset: both placements are common, so guessing would be silently wrong. */
  readonly reset?: GruReset;
  /** Required for a kind whose variant is the coupling, for the same reason. */
  readonly coupling?: Coupling;
  /** Required for the sLSTM, whose forget gate the paper leaves open (exponential or sigmoid). */
  readonly forget?: SlstmForget;
}

/** The sum b_g disagrees with bW_g + bU_g. */
class InconsistentBiasError extends WeightImportError {}

const P = 'canonical';

/** The vector files' name of a weight tensor: 'f.W' → W_f, 'p_i' → p_i; a kind with one map names it without a suffix (W, U, bW, bU). */
export function vectorFileName(kind: CellKind, path: string): string {
  const dot = path.indexOf('.');
  if (dot < 0) return path;
  const g = path.slice(0, dot);
  const what = path.slice(dot + 1);
  return kindOf(kind).gates.length === 1 ? what : `${what}_${g}`;
}

function checkBiasSum(b: Tensor, bW: Vec, bU: Vec): void {
  for (let k = 0; k < bW.length; k++) {
    const sum = bW[k]! + bU[k]!;
    if (Math.abs(b.data[k]! - sum) > 1e-9 * Math.max(1, Math.abs(sum))) {
      throw new InconsistentBiasError(`${b.field}[${k}]`, `${b.field}[${k}]: expected bW + bU = ${sum}, found ${b.data[k]}`);
    }
  }
}

export function fromCanonical(kind: CellKind, json: unknown, opts: CanonicalOptions = {}): CellParams {
  const k = checkKind('canonical.kind', kind, ALL_KINDS);
  const spec = kindOf(k);
  const gateActivation = gateActivationOpt('canonical.gateActivation', opts.gateActivation, 'sigmoid');
  if (spec.gateActivations.length > 0 && !spec.gateActivations.includes(gateActivation)) {
    throw new UnsupportedOptionError('canonical.gateActivation', gateActivation, spec.gateActivations.map((a) => `'${a}'`).join(' or '));
  }
  const variant = spec.variant;
  if (variant) {
    const allowed: readonly string[] = VARIANT_VALUES[variant];
    const got = opts[variant];
    const expected = allowed.map((v) => `'${v}'`).join(' or ');
    if (got === undefined) throw new MissingFieldError(`canonical.${variant}`, expected);
    if (!allowed.includes(got)) throw new UnsupportedOptionError(`canonical.${variant}`, got, expected);
  }
  const options = { gateActivation, ...(variant ? { [variant]: opts[variant] } : {}) };
  // The tensors' names and order do not depend on the sizes: ask a 1×1 cell for them.
  const first = spec.weights(spec.create({ inputSize: 1, hiddenSize: 1, ...options }))[0]!;
  const W0 = readRequired(json, vectorFileName(k, first.path), P);
  const H = inferDim(W0, 2, 0, '[H][I]');
  const I = inferDim(W0, 2, 1, '[H][I]');
  const params = spec.create({ inputSize: I, hiddenSize: H, ...options });
  const read = new Map<string, Vec>();
  for (const t of spec.weights(params)) {
    const v = readRequired(json, vectorFileName(k, t.path), P);
    expectShape(v, t.shape, `H=${H}, I=${I} from ${W0.field}`);
    t.data.set(v.data);
    read.set(t.path, t.data);
  }
  // A classic gate's redundant sum b_g, where the file gives it.
  for (const g of spec.gates) {
    const bW = read.get(`${g}.bW`);
    const bU = read.get(`${g}.bU`);
    if (!bW || !bU) continue;
    const b = readOptional(json, vectorFileName(k, `${g}.b`), P);
    if (b) {
      expectShape(b, [H]);
      checkBiasSum(b, bW, bU);
    }
  }
  return params;
}
