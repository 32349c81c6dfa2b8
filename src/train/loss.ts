/**
 * Loss and gradients for one sequence, read at the last step only (the sentence's label, or the
 * language after "i speak fluent"):
 *
 *   x_t = E[id_t]                      h_T = cell run over x_1..x_T
 *   z   = W_head h_T + b_head
 *   sigmoid head (BCE):   p = σ(z),        L = −y log p − (1 − y) log(1 − p),   ∂L/∂z = p − y
 *   softmax head (CE):    p = softmax(z),  L = −log p_y,                        ∂L/∂z = p − onehot(y)
 *
 *   ∂L/∂W_head = (∂L/∂z) h_Tᵀ,   ∂L/∂b_head = ∂L/∂z,   ∂L/∂h_T = W_headᵀ (∂L/∂z)
 *   ∂L/∂h_T goes into the engine's bptt, which returns ∂L/∂x_t; row id_t of E gets ∂L/∂x_t
 *   (summed when a word repeats).
 * A stack: the head reads the top layer; each layer's ∂L/∂x_t is the ∂L/∂h_t of the layer below
 * (its x_t is that h_t), so bptt runs top-down, layer by layer, and the bottom's ∂L/∂x_t reaches E.
 * Gradients are added into `g`, so a mini-batch sums sequences into one ModelGrads.
 */
import { bptt, gradArrays, predict, runStack, stackOf, type BpttResult, type CellGrads, type Head, type Matrix, type StepTrace, type Vec } from '../engine';
import type { ModelGrads, TrainableModel } from './network';

/** The input vectors for token ids (copies of the embedding rows). */
export function embedIds(m: TrainableModel, ids: readonly number[]): Vec[] {
  const E = m.embedding.dim;
  const d = m.embedding.table.data;
  return ids.map((id) => d.slice(id * E, (id + 1) * E));
}

/** Probabilities over the labels after the last token (sigmoid head: [P(neg), P(pos)]). */
export function finalProbs(m: TrainableModel, ids: readonly number[]): number[] {
  const { final } = runStack(stackOf(m), embedIds(m, ids));
  return predict(m.head, final[final.length - 1]!.h);
}

/**
 * A softmax head's cross-entropy at one step of a mean over `steps` steps: ∂L/∂z =
 * (p − onehot(y)) / steps is added into the head's dW and db (divided, not multiplied by 1/steps,
 * so that the shipped models' training reproduces to the bit),
 * and ∂L/∂h = Wᵀ ∂L/∂z is returned with the step's unscaled −log p[y].
 */
export function softmaxStepGrads(head: Head, h: Vec, y: number, steps: number, dW: Matrix, db: Vec): { nll: number; dh: Float64Array } {
  const p = predict(head, h);
  const H = h.length;
  const W = head.W.data;
  const dh = new Float64Array(H);
  for (let r = 0; r < p.length; r++) {
    const dz = (p[r]! - (r === y ? 1 : 0)) / steps;
    db[r] = db[r]! + dz;
    const row = r * H;
    for (let k = 0; k < H; k++) {
      dW.data[row + k] = dW.data[row + k]! + dz * h[k]!;
      dh[k] = dh[k]! + W[row + k]! * dz;
    }
  }
  return { nll: -Math.log(Math.max(p[y]!, 1e-300)), dh };
}

/** Negative log-likelihood of `label`; the sigmoid head's labels are [negative, positive]. */
export function nll(probs: readonly number[], label: number): number {
  return -Math.log(Math.max(probs[label]!, 1e-300));
}

/**
 * One sequence forward, then backward from the last step's loss: the traces, the engine's bptt
 * result (‖∂L/∂h_t‖ per step, the lab's probe, is `back.dh`), the probabilities and ∂L/∂z.
 * Adds nothing anywhere: accumulateGrads adds it into a batch's gradients.
 */
export function backFromLast(m: TrainableModel, ids: readonly number[], label: number): { traces: StepTrace[]; hT: Vec; back: BpttResult; p: number[]; dz: number[]; layers: BpttResult[] } {
  const stack = stackOf(m);
  const run = runStack(stack, embedIds(m, ids));
  const top = stack.length - 1;
  const hT = run.final[top]!.h;
  const p = predict(m.head, hT);
  const head = m.head;
  const H = stack[top]!.hiddenSize;
  // ∂L/∂z: one logit for the sigmoid head (p[1] = σ(z)), one per label for softmax.
  const dz = head.kind === 'sigmoid' ? [p[1]! - label] : p.map((pk, k) => pk - (k === label ? 1 : 0));
  const dhT = new Float64Array(H);
  for (let r = 0; r < dz.length; r++) for (let k = 0; k < H; k++) dhT[k] = dhT[k]! + head.W.data[r * H + k]! * dz[r]!;
  // Top layer from the head; each layer below from the ∂L/∂x_t of the one above it.
  const layers: BpttResult[] = new Array<BpttResult>(stack.length);
  const traces = run.layers;
  layers[top] = bptt(
    stack[top]!,
    traces[top]!,
    traces[top]!.map(() => new Float64Array(H)),
    dhT,
  );
  for (let l = top - 1; l >= 0; l--) layers[l] = bptt(stack[l]!, traces[l]!, layers[l + 1]!.dx);
  // `traces` and `back` are the bottom layer's: it reads the words (the lab's probe and E's gradient).
  return { traces: traces[0]!, hT, back: layers[0]!, p, dz, layers };
}

/** Adds this sequence's gradients into `g`; returns its loss. */
export function accumulateGrads(m: TrainableModel, ids: readonly number[], label: number, g: ModelGrads): number {
  const { hT, back, p, dz, layers } = backFromLast(m, ids, label);
  const H = hT.length;
  for (let r = 0; r < dz.length; r++) {
    g.headB[r] = g.headB[r]! + dz[r]!;
    for (let k = 0; k < H; k++) g.headW.data[r * H + k] = g.headW.data[r * H + k]! + dz[r]! * hT[k]!;
  }
  addCellGrads(g.cell, back.grads);
  layers.slice(1).forEach((b, l) => addCellGrads(g.above[l]!, b.grads));
  const E = m.embedding.dim;
  ids.forEach((id, t) => {
    const dx = back.dx[t]!;
    for (let k = 0; k < E; k++) g.table.data[id * E + k] = g.table.data[id * E + k]! + dx[k]!;
  });
  return nll(p, label);
}

/** Both CellGrads have the same shape (same cell), so they add as flat arrays in view order. */
export function addCellGrads(into_: CellGrads, from: CellGrads): void {
  const add = gradArrays(from);
  gradArrays(into_).forEach((into, k) => {
    const a = into.data;
    const b = add[k]!.data;
    for (let j = 0; j < a.length; j++) a[j] = a[j]! + b[j]!;
  });
}
