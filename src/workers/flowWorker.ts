/// <reference lib="webworker" />
/**
 * The gradient view's worker: a large cell's gradient flow (hidden 512 × 200 tokens is about a
 * minute of work) off the main thread, with progress. Cancel is the page terminating it.
 */
import type { Model } from '../engine';
import { gradientFlow, type FlowSeries } from '../viz/gradientFlow';

export interface FlowRequest {
  readonly model: Model;
  readonly forgetBias: number;
  readonly tokens: readonly string[];
}
export type FlowReply =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly series: FlowSeries | null }
  | { readonly type: 'error'; readonly message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (ev: MessageEvent<FlowRequest>) => {
  const { model, forgetBias, tokens } = ev.data;
  let last = 0;
  try {
    const series = gradientFlow(model, tokens, forgetBias, (done, total) => {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      scope.postMessage({ type: 'progress', done, total } satisfies FlowReply);
    });
    scope.postMessage({ type: 'done', series } satisfies FlowReply);
  } catch (e) {
    scope.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) } satisfies FlowReply);
  }
};
