/**
 * The equation behind each node of a diagram, and the same equation with one unit's numbers
 * plugged in. Strings use TeX-like subscripts (`h_{t−1}`, `x_t`) in Unicode, which the panel
 * renders with <sub>; a KaTeX renderer can take the same strings later.
 */
import type { CellParams, StepTrace } from '../engine';
import type { DiagramVector } from './layoutTypes';
import { diagramVectors } from './diagramVectors';
import { type Curve, figureOf, type NodeEquation } from './kinds';
import { formatValue as f } from './vectors';

export type { Curve, NodeEquation } from './kinds';

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

  return figureOf(tr.kind).equation(nodeId, tr, params, { sig, sigma, layer, op, mul, val, f });
}
