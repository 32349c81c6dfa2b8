/**
 * Canonical CellParams → native layouts, as nested number arrays (JSON-ready). The inverse of
 * the importers; used by the round-trip tests, by the tfjs agreement test (which loads Keras
 * layout into tf.layers) and by the benchmark.
 *
 * Keras' single bias is bW + bU, so exporting to it loses the split (never the behaviour).
 */
import type { Affine, Matrix, Vec } from '../types';
import { type CellParams, type Framework, type FrameworkLayout, kindOf, VARIANT_VALUES } from '../kinds';
import { type GateName, kindsIn } from './assemble';
import { vectorFileName } from './canonical';
import { UnsupportedOptionError } from './errors';

type Nested2 = number[][];

/** A gate's affine map over [x, h]: only kinds with a framework layout have them (layoutFor checks first). */
function gateOf(p: CellParams, g: GateName): Affine {
  const affine = kindOf(p.kind).affine;
  if (!affine) throw new Error(`a ${p.kind} cell has no affine maps over [x, h] to export`);
  return affine(p, g);
}

const rows = (m: Matrix): Nested2 => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));

/** Stacks the gates' matrices row-wise: [G·H][cols] (PyTorch, ONNX). */
function stackRows(p: CellParams, order: readonly GateName[], pick: (a: Affine) => Matrix): Nested2 {
  return order.flatMap((g) => rows(pick(gateOf(p, g))));
}

/** Column-blocked transpose: K[c][b·H + r] = M_b[r][c] (Keras kernels). */
function stackColsT(p: CellParams, order: readonly GateName[], pick: (a: Affine) => Matrix): Nested2 {
  const first = pick(gateOf(p, order[0]!));
  const H = first.rows;
  const out: Nested2 = Array.from({ length: first.cols }, () => new Array<number>(order.length * H).fill(0));
  order.forEach((g, b) => {
    const m = pick(gateOf(p, g));
    for (let r = 0; r < H; r++) for (let c = 0; c < m.cols; c++) out[c]![b * H + r] = m.data[r * m.cols + c]!;
  });
  return out;
}

const cat = (p: CellParams, order: readonly GateName[], pick: (a: Affine) => Vec): number[] => order.flatMap((g) => Array.from(pick(gateOf(p, g))));

/** The vector files' canonical block (canonical.ts reads it back): every weight tensor by its file name, and each classic gate's sum b_g = bW_g + bU_g. */
export function toCanonical(p: CellParams): Record<string, number | number[] | Nested2> {
  const spec = kindOf(p.kind);
  const out: Record<string, number | number[] | Nested2> = {};
  for (const t of spec.weights(p)) {
    const name = vectorFileName(p.kind, t.path);
    out[name] = t.shape.length === 2 ? rows({ rows: t.shape[0]!, cols: t.shape[1]!, data: t.data }) : t.shape.length === 1 ? Array.from(t.data) : t.data[0]!;
    if (t.path.endsWith('.bU')) {
      const g = t.path.slice(0, -'.bU'.length);
      const bW = spec.weights(p).find((w) => w.path === `${g}.bW`)!.data;
      out[vectorFileName(p.kind, `${g}.b`)] = Array.from(bW, (v, k) => v + t.data[k]!);
    }
  }
  return out;
}

function unsupported(fw: string, p: CellParams, why: string): never {
  throw new UnsupportedOptionError(`${fw}.kind`, p.kind, why);
}

/** The kind's layout in `fw`, refused (naming the kinds and variants it holds) when it has none or cannot hold p's variant. */
function layoutFor(fw: Framework, p: CellParams): FrameworkLayout {
  const spec = kindOf(p.kind);
  const layout = spec.layouts[fw];
  if (!layout) unsupported(fw, p, kindsIn(fw).join(', '));
  const v = spec.variant;
  if (v && layout.variants) {
    const value = (p as unknown as Record<string, string>)[v]!;
    if (!layout.variants.includes(value)) unsupported(fw, p, `${v} ${layout.variants.map((x) => `'${x}'`).join(' or ')} only (of ${VARIANT_VALUES[v].join(', ')})`);
  }
  return layout;
}

const gateFn = (p: CellParams) => ('gateActivation' in p ? p.gateActivation : 'sigmoid');
const stateFn = (p: CellParams) => ('activation' in p ? p.activation : 'tanh');
const resetAfter = (p: CellParams) => 'reset' in p && p.reset === 'after';

export function toPytorch(p: CellParams) {
  const { order } = layoutFor('pytorch', p);
  if (gateFn(p) !== 'sigmoid') unsupported('pytorch', p, 'sigmoid gates only');
  return {
    weight_ih_l0: stackRows(p, order, (a) => a.W),
    weight_hh_l0: stackRows(p, order, (a) => a.U),
    bias_ih_l0: cat(p, order, (a) => a.bW),
    bias_hh_l0: cat(p, order, (a) => a.bU),
  };
}

export function toKeras(p: CellParams) {
  const { order } = layoutFor('keras', p);
  const kernel = stackColsT(p, order, (a) => a.W);
  const recurrent_kernel = stackColsT(p, order, (a) => a.U);
  const after = resetAfter(p);
  const bias = after ? [cat(p, order, (a) => a.bW), cat(p, order, (a) => a.bU)] : cat(p, order, (a) => a.bW.map((v, k) => v + a.bU[k]!));
  return {
    tensors: { kernel, recurrent_kernel, bias },
    opts: { reset_after: after, gateActivation: gateFn(p), activation: stateFn(p) } as const,
  };
}

export function toOnnx(p: CellParams) {
  const spec = kindOf(p.kind);
  const { order, activations: defaults } = layoutFor('onnx', p);
  const gate = gateFn(p) === 'hardSigmoid' ? 'HardSigmoid' : 'Sigmoid';
  const state = stateFn(p) === 'relu' ? 'Relu' : 'Tanh';
  // The op's defaults with the params' functions: the gate function first where there are gates, else the state's.
  const activations = defaults!.map((a, k) => (k > 0 ? a : spec.gates.length > 1 ? gate : state));
  const tensors: { W: Nested2[]; R: Nested2[]; B: number[][]; P?: number[][] } = {
    W: [stackRows(p, order, (a) => a.W)],
    R: [stackRows(p, order, (a) => a.U)],
    B: [[...cat(p, order, (a) => a.bW), ...cat(p, order, (a) => a.bU)]],
  };
  if ('peep' in p) tensors.P = [[...p.peep.i, ...p.peep.o, ...p.peep.f]];
  return {
    op: p.kind,
    tensors,
    opts: {
      activations,
      linear_before_reset: resetAfter(p) ? 1 : 0,
      input_forget: spec.variant === 'coupling' ? 1 : 0,
    } as const,
  };
}
