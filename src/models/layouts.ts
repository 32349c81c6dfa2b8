/**
 * `cell.layout` 'pytorch' | 'keras' | 'onnx': the weights as the framework stores them, read by
 * the engine's importers. The file keeps the framework's own names (state_dict keys, Keras
 * weight names, ONNX inputs and attributes) so an export script is a few lines of dumping.
 *
 *   pytorch: weights { weight_ih_l0, weight_hh_l0, bias_ih_l0?, bias_hh_l0? },
 *            config?  { nonlinearity, num_layers, bidirectional, proj_size, input_size, hidden_size }
 *   keras:   weights { kernel, recurrent_kernel, bias? },
 *            config?  the layer's get_config(): activation, recurrent_activation, reset_after,
 *                     go_backwards, units (other keys are ignored)
 *   onnx:    weights { W, R, B?, P? },
 *            config?  the node's attributes: linear_before_reset, input_forget, activations,
 *                     activation_alpha, activation_beta, direction, hidden_size, layout, clip
 *
 * Importer errors (field `keras.kernel`) are re-thrown as ModelFileErrors with the file's path
 * (`cell.weights.kernel`), so every message points into the JSON the user wrote.
 */
import { kindOf, MAX_LAYERS, stackMismatch, type CellKind, type CellParams, type Coupling, type GateActivation, type GruReset, type SlstmForget, type Variant } from '../engine';
import { fromKeras, fromOnnx, fromPytorch, kindsIn, WeightImportError } from '../engine/importers';
import { ModelFileError } from './errors';

export type FrameworkLayout = 'pytorch' | 'keras' | 'onnx';
type Json = unknown;
type Obj = Record<string, Json>;

const TENSORS: Record<FrameworkLayout, readonly string[]> = {
  pytorch: ['weight_ih_l0', 'weight_hh_l0', 'bias_ih_l0', 'bias_hh_l0'],
  keras: ['kernel', 'recurrent_kernel', 'bias'],
  onnx: ['W', 'R', 'B', 'P'],
};
const NAMES: Record<FrameworkLayout, string> = { pytorch: 'PyTorch', keras: 'Keras', onnx: 'ONNX' };

/** `keras.kernel[0]` → `cell.weights.kernel[0]`; `onnx.direction` → `cell.config.direction`. */
function rethrow(e: unknown, fw: FrameworkLayout): never {
  if (!(e instanceof WeightImportError)) throw e;
  const rest = e.field.startsWith(`${fw}.`) ? e.field.slice(fw.length + 1) : e.field;
  const name = rest.split(/[.[]/)[0]!;
  const tensor = TENSORS[fw].includes(name) || (fw === 'pytorch' && /^(weight|bias)_(ih|hh)_l\d+$/.test(name));
  const path = name === 'kind' ? 'cell.kind' : tensor ? `cell.weights.${rest}` : `cell.config.${rest}`;
  const prefix = `${e.field}: `;
  throw new ModelFileError(path, e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message);
}

// Arrays and objects by kind only: a hostile file can nest them deeper than JSON.stringify can go.
const show = (v: Json) => (typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'an array' : 'an object') : (JSON.stringify(v) ?? String(v)));

/** A config entry that must have one value (or be absent), e.g. PyTorch num_layers = 1. */
function expectConfig(config: Obj, key: string, allowed: readonly Json[], why: string): void {
  const v = config[key];
  if (v === undefined || v === null || allowed.includes(v)) return;
  throw new ModelFileError(`cell.config.${key}`, `unsupported value ${show(v)}; ${why}`);
}

/**
 * Keras' recurrent_activation → the engine's gate function. The engine's hardSigmoid is
 * clip(0.2x + 0.5): tfjs's 'hardSigmoid' and tf.keras 2's 'hard_sigmoid'. Keras 3 redefined
 * 'hard_sigmoid' as relu6(x + 3)/6 = x/6 + 0.5, so that name alone is ambiguous: the user must
 * say which one they trained with (cell.gateActivation), or we would be silently wrong.
 */
function kerasGate(config: Obj, declared: GateActivation | undefined): GateActivation {
  const ra = config.recurrent_activation;
  const P = 'cell.config.recurrent_activation';
  if (ra === undefined || ra === null) return declared ?? 'sigmoid';
  if (ra === 'sigmoid' || ra === 'hardSigmoid') {
    const g: GateActivation = ra;
    if (declared !== undefined && declared !== g) throw new ModelFileError('cell.gateActivation', `is "${declared}" but ${P} is "${ra}"`);
    return g;
  }
  if (ra === 'hard_sigmoid') {
    if (declared === 'hardSigmoid') return 'hardSigmoid';
    throw new ModelFileError(
      P,
      'unsupported activation "hard_sigmoid": Keras 3 computes it as relu6(x + 3)/6 = x/6 + 0.5, which Gatescope does not implement ' +
        '(it has sigmoid and the 0.2·x + 0.5 hard sigmoid of tf.keras 2 and tfjs). A tf.keras 2 model: add "gateActivation": "hardSigmoid" to cell. ' +
        'A Keras 3 model: retrain with recurrent_activation="sigmoid".',
    );
  }
  throw new ModelFileError(P, `unsupported activation ${show(ra)}; supported: "sigmoid", "hard_sigmoid" (tf.keras 2), "hardSigmoid" (tfjs)`);
}

/**
 * A tensor the layout does not name is refused rather than ignored: a reverse direction's
 * (`weight_ih_l0_reverse`) or a misspelt one would otherwise be dropped without a word, and the
 * numbers shown would not be the model's.
 */
function refuseUnknownTensors(layout: FrameworkLayout, weights: Obj): void {
  const known = (k: string) => TENSORS[layout].includes(k) || (layout === 'pytorch' && /^(weight|bias)_(ih|hh)_l[1-9]\d*$/.test(k));
  const extra = Object.keys(weights).find((k) => !known(k));
  if (extra === undefined) return;
  const why = /_reverse$/.test(extra)
    ? 'a reverse-direction tensor: Gatescope runs the forward direction only (export a unidirectional layer)'
    : `not a ${NAMES[layout]} tensor name; expected ${TENSORS[layout].join(', ')}${layout === 'pytorch' ? ' (and _l1, _l2, … for the layers of a stack)' : ''}`;
  throw new ModelFileError(`cell.weights.${extra}`, why);
}

/**
 * A PyTorch stack's layers from their state_dict suffixes: layer k's tensors end in `_l{k}`.
 * The count comes from the tensors; config.num_layers, when given, must agree, and no layer may
 * be missing between 0 and the top.
 */
function pytorchLayers(weights: Obj, config: Obj): Obj[] {
  const ks = Object.keys(weights)
    .map((k) => /_l(\d+)$/.exec(k))
    .filter((m) => m !== null)
    .map((m) => Number(m[1]));
  const L = ks.length === 0 ? 1 : Math.max(...ks) + 1;
  if (L > MAX_LAYERS) throw new ModelFileError(`cell.weights.weight_hh_l${L - 1}`, `a stack of ${L} layers; Gatescope reads 1 to ${MAX_LAYERS}`);
  const n = config.num_layers;
  if (n !== undefined && n !== null && n !== L)
    throw new ModelFileError('cell.config.num_layers', `is ${show(n)} but the weights have ${L} layer${L === 1 ? '' : 's'} (weight_hh_l0 … weight_hh_l${L - 1})`);
  return Array.from({ length: L }, (_, k) => {
    const layer: Obj = {};
    for (const name of ['weight_ih', 'weight_hh', 'bias_ih', 'bias_hh']) if (weights[`${name}_l${k}`] !== undefined) layer[`${name}_l0`] = weights[`${name}_l${k}`];
    if (layer.weight_hh_l0 === undefined) throw new ModelFileError(`cell.weights.weight_hh_l${k}`, `missing: the weights have layers up to ${L - 1}, so every layer 0 … ${L - 1} needs its tensors`);
    return layer;
  });
}

function importCell(layout: FrameworkLayout, kind: CellKind, weights: Obj, config: Obj, declaredGate: GateActivation | undefined): CellParams[] {
  refuseUnknownTensors(layout, weights);
  const spec = kindOf(kind);
  // The kind's variant is its reset placement (the GRU): Keras' reset_after, ONNX's linear_before_reset.
  const hasReset = spec.variant === 'reset';
  switch (layout) {
    case 'pytorch': {
      expectConfig(config, 'bidirectional', [false, 0], 'forward direction only');
      expectConfig(config, 'proj_size', [0], 'no LSTM projection');
      const nl = config.nonlinearity;
      // nn.RNN(nonlinearity='relu') has the same tensors as tanh: only the file can say which.
      // A module with a nonlinearity to choose (nn.RNN) must say which.
      if (spec.stateActivations.length > 1 && (nl === undefined || nl === null)) {
        throw new ModelFileError('cell.config.nonlinearity', 'missing: an nn.RNN file must say its nonlinearity ("tanh" or "relu"), since both have the same tensors');
      }
      const choices: readonly Json[] = spec.stateActivations;
      if (nl !== undefined && nl !== null && !choices.includes(nl))
        throw new ModelFileError('cell.config.nonlinearity', `unsupported activation ${show(nl)} (nn.RNN(nonlinearity=${show(nl)})); supported: ${choices.map(show).join(', ')}`);
      const nonlinearity = nl === 'relu' ? 'relu' : 'tanh';
      if (declaredGate === 'hardSigmoid') throw new ModelFileError('cell.gateActivation', 'PyTorch recurrent layers always use sigmoid gates');
      return pytorchLayers(weights, config).map((layer, k) => {
        try {
          return fromPytorch(kind, layer as never, { nonlinearity });
        } catch (e) {
          // Layer k's tensors were read under layer 0's names: give them back their own.
          if (k > 0 && e instanceof WeightImportError) throw new WeightImportError(e.field.replace(/_l0\b/g, `_l${k}`), e.message.replace(/_l0\b/g, `_l${k}`));
          throw e;
        }
      });
    }
    case 'keras': {
      const act = config.activation;
      const acts: readonly Json[] = spec.stateActivations;
      if (act !== undefined && act !== null && !acts.includes(act)) throw new ModelFileError('cell.config.activation', `unsupported activation ${show(act)}; supported: ${acts.map(show).join(', ')}`);
      expectConfig(config, 'go_backwards', [false], 'forward direction only');
      // A gateless layer (SimpleRNN) has no recurrent_activation to read.
      const gateActivation = spec.gates.length === 1 ? 'sigmoid' : kerasGate(config, declaredGate);
      const reset_after = config.reset_after as boolean | undefined;
      return [
        fromKeras(kind, weights as never, {
          gateActivation,
          ...(act === 'relu' ? { activation: 'relu' as const } : {}),
          ...(hasReset && reset_after !== undefined ? { reset_after } : {}),
        }),
      ];
    }
    case 'onnx': {
      // A GRU's reset placement is not in its tensors: PyTorch's export writes
      // linear_before_reset=1, ONNX's default is 0, and the two differ by up to 0.2 in h.
      if (hasReset && (config.linear_before_reset === undefined || config.linear_before_reset === null)) {
        throw new ModelFileError(
          'cell.config.linear_before_reset',
          "missing: an ONNX GRU file must give the node's linear_before_reset (1 from torch.onnx.export, 0 the ONNX default); the weights do not say which",
        );
      }
      // The kind names the op; P and input_forget pick the kind among those of the op (checked below).
      return [fromOnnx(kind, weights as never, config as never)];
    }
  }
}

/** Where each framework keeps a kind's variant, as a disagreement with the file says it. */
const VARIANT_FROM: Readonly<Record<Variant, string>> = {
  reset: 'PyTorch: after; Keras: reset_after; ONNX: linear_before_reset',
  coupling: 'ONNX input_forget=1 derives f from i',
  forget: 'no framework has an sLSTM layer',
};

/** What the file declares besides the weights; each must agree with what the weights say. */
interface Declared {
  readonly kind: CellKind;
  readonly inputSize?: number;
  readonly hiddenSize?: number;
  readonly gateActivation?: GateActivation;
  readonly reset?: GruReset;
  readonly coupling?: Coupling;
  /** The sLSTM's forget gate: never in a framework file (no framework has the layer), but a variant like the others. */
  readonly forget?: SlstmForget;
  /** The state's nonlinearity the file declares (cell.activation), checked against its config. */
  readonly activation?: 'tanh' | 'relu';
}

export function frameworkCell(layout: FrameworkLayout, d: Declared, weights: Obj, config: Obj): CellParams[] {
  const allowed = kindsIn(layout);
  if (!allowed.includes(d.kind)) {
    // Today's kinds have no framework layer at all: say where their weights go instead.
    const none = Object.keys(kindOf(d.kind).layouts).length === 0 ? ` (no framework has a ${d.kind} layer: its weights are written with layout "canonical")` : '';
    throw new ModelFileError('cell.kind', `${NAMES[layout]} has no "${d.kind}" layer; with layout "${layout}" expected one of ${allowed.join(', ')}${none}`);
  }
  let stack: CellParams[];
  try {
    stack = importCell(layout, d.kind, weights, config, d.gateActivation);
  } catch (e) {
    rethrow(e, layout);
  }
  // Sizes and options are the bottom layer's (layer 1 reads x); the layers above were read from
  // the same kind of tensors, and stack.ts checks that each reads the h below it.
  const p = stack[0]!;
  const mismatch = stackMismatch(stack);
  if (mismatch) throw new ModelFileError('cell.weights', mismatch);
  if (p.kind !== d.kind) {
    const made = kindOf(p.kind);
    const why = made.peepholes ? 'the weights have P (peepholes)' : made.variant === 'coupling' ? 'config.input_forget is 1' : 'the weights have no P and input_forget is 0';
    throw new ModelFileError('cell.kind', `is "${d.kind}" but ${why}, which makes a "${p.kind}" cell`);
  }
  const check = (path: string, declared: Json, actual: Json, from: string) => {
    if (declared !== undefined && declared !== null && declared !== actual) {
      throw new ModelFileError(path, `is ${show(declared)} but the weights give ${show(actual)} (${from})`);
    }
  };
  const hFrom = layout === 'keras' ? 'recurrent_kernel is [H][G·H]' : layout === 'pytorch' ? 'weight_hh_l0 is [G·H][H]' : 'R is [1][G·H][H]';
  const iFrom = layout === 'keras' ? 'kernel is [I][G·H]' : layout === 'pytorch' ? 'weight_ih_l0 is [G·H][I]' : 'W is [1][G·H][I]';
  check('cell.inputSize', d.inputSize, p.inputSize, iFrom);
  check('cell.hiddenSize', d.hiddenSize, p.hiddenSize, hFrom);
  check(`cell.config.${layout === 'keras' ? 'units' : 'hidden_size'}`, config[layout === 'keras' ? 'units' : 'hidden_size'], p.hiddenSize, hFrom);
  if (layout === 'pytorch') check('cell.config.input_size', config.input_size, p.inputSize, iFrom);
  if ('gateActivation' in p) check('cell.gateActivation', d.gateActivation, p.gateActivation, `the ${NAMES[layout]} config`);
  const v = kindOf(p.kind).variant;
  if (v) check(`cell.${v}`, d[v], (p as unknown as Record<string, string>)[v], VARIANT_FROM[v]);
  if ('activation' in p) check('cell.activation', d.activation, p.activation, layout === 'pytorch' ? 'config.nonlinearity' : layout === 'keras' ? 'config.activation' : 'config.activations');
  return stack;
}
