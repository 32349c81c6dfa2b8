/**
 * The text of a printed handout that is not the figure: the cell's equations at a step, and how
 * to set one in plain text with sub- and superscripts. The equations are the ones the diagram's
 * nodes show when clicked (nodeEquation, from each kind's figure module): one source for both.
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

/**
 * A piece of an equation and where it is set: `scripts` is the path of scripts it is in, "" on
 * the line, "_" a subscript, "^" a superscript, "^_" a subscript of a superscript, and so on.
 */
export interface MathRun {
  readonly text: string;
  readonly scripts: string;
}

/**
 * "h_{t−1}" as runs [h on the line, t−1 in a subscript]: the TeX-like scripts the equation
 * strings use (`_x`, `_{…}`, `^x`, `^{…}`, nested), for drawing on a canvas, where there is no <sub>.
 */
export function mathRuns(s: string): MathRun[] {
  const runs: MathRun[] = [];
  const push = (text: string, scripts: string) => {
    const last = runs[runs.length - 1];
    if (last && last.scripts === scripts) runs[runs.length - 1] = { text: last.text + text, scripts };
    else if (text) runs.push({ text, scripts });
  };
  const parse = (from: number, scripts: string, untilBrace: boolean): number => {
    let k = from;
    while (k < s.length) {
      const c = s[k]!;
      if (untilBrace && c === '}') return k + 1;
      if ((c === '_' || c === '^') && k + 1 < s.length) {
        const inner = scripts + c;
        if (s[k + 1] === '{') k = parse(k + 2, inner, true);
        else {
          // One character (a whole code point, with a combining mark after it if any).
          const m = /^.[\u0300-\u036f]?/u.exec(s.slice(k + 1))![0];
          push(m, inner);
          k += 1 + m.length;
        }
        continue;
      }
      push(c, scripts);
      k++;
    }
    return k;
  };
  parse(0, '', false);
  return runs;
}
