/**
 * The head's prediction after every token of the sentence: what the chart and the "predicted
 * language" panel show. One engine run over the whole sentence (cheap: ≤ 200 steps), so the
 * line can be drawn ahead of the current step; the value at step t equals the trace's h_t
 * through the head.
 */
import { predict, run, type EmbeddedToken, type Head, type Model, type StepTrace } from '../engine';

export function predictionsOverSentence(model: Model, embedded: readonly EmbeddedToken[]): number[][] {
  if (!model.head || embedded.length === 0) return [];
  return predictionsFromTraces(
    model.head,
    run(
      model.cell,
      embedded.map((e) => e.x),
    ).traces,
  );
}

/** The same from traces already computed (the views share one run of the sentence). */
export function predictionsFromTraces(head: Head, traces: readonly StepTrace[]): number[][] {
  return traces.map((tr) => predict(head, tr.h));
}

/** Labels ranked by probability, best first. */
export function topK(probs: readonly number[], labels: readonly string[], k: number): Array<{ label: string; index: number; p: number }> {
  return probs
    .map((p, index) => ({ label: labels[index] ?? String(index), index, p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, k);
}

/** Geometry of the P(positive) line: x per token, y = (1 − p) · height. */
export function linePoints(ps: readonly number[], width: number, height: number, pad: number): Array<{ x: number; y: number }> {
  const n = ps.length;
  const step = n > 1 ? (width - 2 * pad) / (n - 1) : 0;
  return ps.map((p, t) => ({ x: n > 1 ? pad + t * step : width / 2, y: pad + (1 - p) * (height - 2 * pad) }));
}
