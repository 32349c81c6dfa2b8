import { useEffect, useMemo, useState } from 'react';
import type { Model } from '../../engine';
import { FLOW_SYNC_LIMIT, flowCost, gradientFlow, type FlowSeries } from '../../viz/gradientFlow';
import type { FlowReply, FlowRequest } from '../../workers/flowWorker';

export type FlowState =
  | { readonly status: 'done'; readonly series: FlowSeries | null }
  | { readonly status: 'computing'; readonly done: number; readonly total: number }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly message: string };

/**
 * The gradient flow of `model` (forget biases moved by `forgetBias`) over `tokens`: computed here when it is cheap, in a Web Worker when
 * it is not (the page keeps answering, with progress and a cancel). `cancel` stops the worker;
 * `retry` starts it again.
 */
export function useFlow(model: Model, forgetBias: number, tokens: readonly string[]): { state: FlowState; cancel: () => void; retry: () => void } {
  const heavy = flowCost(model, tokens.length) > FLOW_SYNC_LIMIT;
  const sync = useMemo(() => (heavy ? null : gradientFlow(model, tokens, forgetBias)), [heavy, model, forgetBias, tokens]);
  const [state, setState] = useState<FlowState>({ status: 'computing', done: 0, total: tokens.length });
  const [run, setRun] = useState(0);
  const [cancelled, setCancelled] = useState<number | null>(null);
  useEffect(() => {
    if (!heavy || cancelled === run) return;
    setState({ status: 'computing', done: 0, total: tokens.length });
    const w = new Worker(new URL('../../workers/flowWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<FlowReply>) => {
      const r = e.data;
      if (r.type === 'progress') setState({ status: 'computing', done: r.done, total: r.total });
      else if (r.type === 'done') setState({ status: 'done', series: r.series });
      else setState({ status: 'error', message: r.message });
    };
    w.onerror = (e) => setState({ status: 'error', message: e.message || 'the worker stopped' });
    w.postMessage({ model, forgetBias, tokens } satisfies FlowRequest);
    return () => w.terminate();
  }, [heavy, model, forgetBias, tokens, run, cancelled]);
  const cancel = () => {
    setCancelled(run);
    setState({ status: 'cancelled' });
  };
  const retry = () => {
    setCancelled(null);
    setRun((r) => r + 1);
  };
  return { state: heavy ? (cancelled === run ? { status: 'cancelled' } : state) : { status: 'done', series: sync }, cancel, retry };
}
