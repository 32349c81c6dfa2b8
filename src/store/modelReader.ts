/**
 * Reading a model file's text: JSON.parse and readModelFile. A hidden-512 LSTM is about 10 MB
 * and takes over a second, so a large text is read in a Web Worker (src/workers/modelWorker.ts)
 * and the page keeps answering; a small one, or where there are no workers (tests), here.
 */
import type { Model } from '../engine';
import { readModelFile, type ModelMeta } from '../models/format';

export type ReadResult = { readonly ok: true; readonly model: Model; readonly meta: ModelMeta } | { readonly ok: false; readonly notJson: boolean; readonly message: string };
export type ModelReader = (text: string) => Promise<ReadResult>;

/** Past this many characters the text goes to the worker (about 10 ms of parsing here). */
export const READ_IN_WORKER_CHARS = 1_000_000;

export function readModelText(text: string): ReadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, notJson: true, message: e instanceof Error ? e.message : String(e) };
  }
  try {
    const { model, meta } = readModelFile(json);
    return { ok: true, model, meta };
  } catch (e) {
    return { ok: false, notJson: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export const defaultModelReader: ModelReader = (text) => {
  if (text.length <= READ_IN_WORKER_CHARS || typeof Worker === 'undefined') return Promise.resolve(readModelText(text));
  return new Promise((resolve) => {
    const w = new Worker(new URL('../workers/modelWorker.ts', import.meta.url), { type: 'module' });
    const done = (r: ReadResult) => {
      w.terminate();
      resolve(r);
    };
    w.onmessage = (e: MessageEvent<ReadResult>) => done(e.data);
    // A worker that cannot start (a very old browser, a broken offline copy): read it here.
    w.onerror = () => done(readModelText(text));
    w.postMessage(text);
  });
};
