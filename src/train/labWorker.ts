/// <reference lib="webworker" />
/**
 * The lab's Web Worker: a LabHost wired to postMessage, so training never blocks the page.
 * Vite bundles it as a module worker (new Worker(new URL('…/labWorker.ts', import.meta.url))).
 */
import { LabHost } from './labHost';
import type { LabCommand, LabEvent } from './labProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const host = new LabHost((e: LabEvent) => scope.postMessage(e), {
  now: () => performance.now(),
  defer: (fn) => setTimeout(fn, 0),
});
scope.onmessage = (ev: MessageEvent<LabCommand>) => host.handle(ev.data);
