/**
 * The equations of a printed handout: the cell's at a step, the ones the diagram's nodes show
 * when clicked (nodeEquation, from each kind's figure module): one source for both.
 */
import type { CellParams, StepTrace } from '../engine';
import { cellLayout } from './cellLayout';
import { nodeEquation } from './equations';
import { stageOfVector } from './stages';

export interface HandoutEquation {
  /** "f_t = σ(W_f·[h_{t−1}, x_t] + b_f)". */
  readonly symbolic: string;
  /** The same node for unit `unit`, with this step's numbers: "σ(1.230) = 0.774". */
  readonly plugged: string;
}

/**
 * Every node's equation of the cell at this step, once each, in the order the cell computes them
 * (the animation's stages: forget, input, belt, output; within one, a gate before what it
 * multiplies, then the diagram's left-to-right),
 * with unit `unit`'s numbers.
 */
export function cellEquations(tr: StepTrace, params: CellParams, unit: number): HandoutEquation[] {
  const layout = cellLayout(params.kind, {
    rows: 1,
    collapsed: false,
    inputRows: 1,
    ...('coupling' in params ? { coupling: params.coupling } : {}),
    ...('activation' in params ? { activation: params.activation } : {}),
    ...('forget' in params ? { forget: params.forget } : {}),
  });
  const seen = new Set<string>();
  const out: { eq: HandoutEquation; stage: number; layer: number; order: number }[] = [];
  layout.nodes.forEach((n, order) => {
    const eq = nodeEquation(n.id, tr, params);
    if (!eq || seen.has(eq.symbolic)) return;
    seen.add(eq.symbolic);
    const stage = stageOfVector(params.kind, eq.vector);
    out.push({ eq: { symbolic: eq.symbolic, plugged: eq.plugged(unit) }, stage: stage < 0 ? 99 : stage, layer: eq.curve ? 0 : 1, order });
  });
  return out.sort((a, b) => a.stage - b.stage || a.layer - b.layer || a.order - b.order).map((o) => o.eq);
}
