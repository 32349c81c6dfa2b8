/**
 * The equation behind each node of a diagram, and the same equation with one unit's numbers
 * plugged in. Strings use TeX-like subscripts (`h_{t−1}`, `x_t`) in Unicode, which the panel
 * renders with <sub>; a KaTeX renderer can take the same strings later.
 */
import { recurrentSide, type CellParams, type StepTrace } from '../engine';
import type { DiagramVector } from './layoutTypes';
import { diagramVectors } from './diagramVectors';
import { formatValue as f } from './vectors';

export type Curve = 'sigmoid' | 'hardSigmoid' | 'tanh' | 'relu';

export interface NodeEquation {
  /** e.g. "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)". */
  readonly symbolic: string;
  /** The right-hand side for unit k with numbers, e.g. "σ(1.230) = 0.774". */
  readonly plugged: (k: number) => string;
  /** Extra lines for unit k (the peephole term, the parts of a sum). */
  readonly detail: (k: number) => string[];
  /** For a layer: its activation and pre-activations, to draw the curve. */
  readonly curve: Curve | null;
  readonly pre: Float64Array | null;
  readonly out: Float64Array;
  readonly vector: DiagramVector;
}

const none = () => [];

export function nodeEquation(nodeId: string, tr: StepTrace, params: CellParams): NodeEquation | null {
  const V = diagramVectors(tr, params);
  const val = (d: DiagramVector) => V[d]!.values;
  const sig: Curve = 'gateActivation' in params && params.gateActivation === 'hardSigmoid' ? 'hardSigmoid' : 'sigmoid';
  const sigma = sig === 'sigmoid' ? 'σ' : 'hardσ';
  const layer = (vector: DiagramVector, curve: Curve, symbolic: string, pre: Float64Array, detail: (k: number) => string[] = none): NodeEquation => {
    const name = curve === 'tanh' || curve === 'relu' ? curve : sigma;
    return { symbolic, plugged: (k) => `${name}(${f(pre[k]!)}) = ${f(val(vector)[k]!)}`, detail, curve, pre, out: val(vector), vector };
  };
  const op = (vector: DiagramVector, symbolic: string, plugged: (k: number) => string, detail: (k: number) => string[] = none): NodeEquation => ({
    symbolic,
    plugged: (k) => `${plugged(k)} = ${f(val(vector)[k]!)}`,
    detail,
    curve: null,
    pre: null,
    out: val(vector),
    vector,
  });
  const mul = (a: DiagramVector, b: DiagramVector) => (k: number) => `${f(val(a)[k]!)} × ${f(val(b)[k]!)}`;

  if (tr.kind === 'rnn') {
    return nodeId === 'layerA' ? layer('h', tr.activation, `h_t = ${tr.activation}(W x_t + U h_{t−1} + b)`, tr.pre.a) : null;
  }

  if (tr.kind === 'gru') {
    const after = params.kind === 'gru' && params.reset === 'after';
    const seen = params.kind === 'gru' && after ? recurrentSide(params.gates.n, tr.hPrev) : tr.hPrev;
    switch (nodeId) {
      case 'layerZ':
        return layer('z', sig, `z_t = ${sigma}(W_z·[h_{t−1}, x_t] + b_z)`, tr.pre.z);
      case 'layerR':
        return layer('r', sig, `r_t = ${sigma}(W_r·[h_{t−1}, x_t] + b_r)`, tr.pre.r);
      case 'layerN':
        return layer('n', 'tanh', after ? 'n_t = tanh(W_n x_t + b_{Wn} + r_t ⊙ (U_n h_{t−1} + b_{Un}))' : 'n_t = tanh(W_n x_t + b_{Wn} + U_n (r_t ⊙ h_{t−1}) + b_{Un})', tr.pre.n);
      case 'mulR':
        return after ? op('rh', 'r_t ⊙ (U_n h_{t−1} + b_{Un})', (k) => `${f(tr.r[k]!)} × ${f(seen[k]!)}`) : op('rh', 'r_t ⊙ h_{t−1}', mul('r', 'hPrev'));
      case 'oneMinus':
        return op('oneMinusZ', '1 − z_t', (k) => `1 − ${f(tr.z[k]!)}`);
      case 'mulZ':
        return op('kept', 'z_t ⊙ h_{t−1}', mul('z', 'hPrev'));
      case 'mulN':
        return op('written', '(1 − z_t) ⊙ n_t', mul('oneMinusZ', 'n'));
      case 'add':
        return op('h', 'h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ n_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
      default:
        return null;
    }
  }

  const peep = params.kind === 'peephole' ? params.peep : null;
  const peepLine = (p: Float64Array, c: Float64Array, g: string, cs: string) => (k: number) => [`p_${g} ⊙ ${cs} = ${f(p[k]!)} × ${f(c[k]!)} = ${f(p[k]! * c[k]!)}`];
  switch (nodeId) {
    case 'layerF':
      return peep
        ? layer('f', sig, `f_t = ${sigma}(W_f·[h_{t−1}, x_t] + b_f + p_f ⊙ C_{t−1})`, tr.pre.f!, peepLine(peep.f, tr.cPrev, 'f', 'C_{t−1}'))
        : layer('f', sig, `f_t = ${sigma}(W_f·[h_{t−1}, x_t] + b_f)`, tr.pre.f!);
    case 'layerI':
      return peep
        ? layer('i', sig, `i_t = ${sigma}(W_i·[h_{t−1}, x_t] + b_i + p_i ⊙ C_{t−1})`, tr.pre.i!, peepLine(peep.i, tr.cPrev, 'i', 'C_{t−1}'))
        : layer('i', sig, `i_t = ${sigma}(W_i·[h_{t−1}, x_t] + b_i)`, tr.pre.i!);
    case 'layerG':
      return layer('cTilde', 'tanh', 'C̃_t = tanh(W_C·[h_{t−1}, x_t] + b_C)', tr.pre.g);
    case 'layerO':
      return peep
        ? layer('o', sig, `o_t = ${sigma}(W_o·[h_{t−1}, x_t] + b_o + p_o ⊙ C_t)`, tr.pre.o, peepLine(peep.o, tr.c, 'o', 'C_t'))
        : layer('o', sig, `o_t = ${sigma}(W_o·[h_{t−1}, x_t] + b_o)`, tr.pre.o);
    case 'oneMinus':
      return tr.pre.i === null ? op('i', 'i_t = 1 − f_t', (k) => `1 − ${f(tr.f[k]!)}`) : op('f', 'f_t = 1 − i_t', (k) => `1 − ${f(tr.i[k]!)}`);
    case 'mulF':
      return op('kept', 'f_t ⊙ C_{t−1}', mul('f', 'cPrev'));
    case 'mulI':
      return op('written', 'i_t ⊙ C̃_t', mul('i', 'cTilde'));
    case 'add':
      return op('c', 'C_t = f_t ⊙ C_{t−1} + i_t ⊙ C̃_t', (k) => `${f(val('kept')[k]!)} + ${f(val('written')[k]!)}`);
    case 'tanhC':
      return op('tanhC', 'tanh(C_t)', (k) => `tanh(${f(tr.c[k]!)})`);
    case 'mulO':
      return op('h', 'h_t = o_t ⊙ tanh(C_t)', mul('o', 'tanhC'));
    default:
      return null;
  }
}
