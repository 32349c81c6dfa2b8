/**
 * Reading a model file's text: JSON.parse and readModelFile. A hidden-512 LSTM is about 10 MB
 * and takes over a second, so a large text is read in a Web Worker (src/workers/modelWorker.ts)
 * and the page keeps answering; a small one, or where there are no workers (tests), here. The
 * same for a large .safetensors or .onnx file.
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

/** A .safetensors or .onnx file as picked, with the vocabulary file picked beside it. */
export interface BinaryModelFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly vocab: { readonly name: string; readonly text: string } | null;
}
export type BinaryModelReader = (file: BinaryModelFile) => Promise<ReadResult>;

/** A state_dict (.safetensors) or a graph (.onnx) → the model file format → the checked model. */
export async function readModelBinary(f: BinaryModelFile): Promise<ReadResult> {
  try {
    // The importers are downloaded only when a binary file is picked (never on a page's first load).
    const { readSafetensors, readVocab, stateDictToModel } = await import('../models/safetensors');
    const vocab = f.vocab ? readVocab(f.vocab.text, f.vocab.name) : null;
    const vocabName = f.vocab?.name ?? null;
    // Both refuse in the file's own words (its name, and its tensor, node or metadata entry).
    let read: ReturnType<typeof stateDictToModel>;
    if (/\.onnx$/i.test(f.name)) {
      // The protobuf reader is downloaded only when an .onnx file is picked.
      const { onnxToModel } = await import('../models/onnx');
      read = onnxToModel(f.bytes, f.name, vocab, vocabName);
    } else {
      const { tensors, metadata } = readSafetensors(f.bytes, f.name);
      read = stateDictToModel(tensors, metadata, vocab, f.name, vocabName);
    }
    return { ok: true, model: read.model, meta: read.meta };
  } catch (e) {
    return { ok: false, notJson: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** Past this many bytes a binary file goes to the worker too (its tensors become nested arrays). */
export const READ_IN_WORKER_BYTES = 1_000_000;

type WorkerJob = string | BinaryModelFile;
function inWorker(job: WorkerJob, here: () => Promise<ReadResult>): Promise<ReadResult> {
  return new Promise((resolve) => {
    const w = new Worker(new URL('../workers/modelWorker.ts', import.meta.url), { type: 'module' });
    const done = (r: ReadResult) => {
      w.terminate();
      resolve(r);
    };
    w.onmessage = (e: MessageEvent<ReadResult>) => done(e.data);
    // A worker that cannot start (a very old browser, a broken offline copy): read it here.
    w.onerror = () => void here().then(done);
    w.postMessage(job);
  });
}

export const defaultModelReader: ModelReader = (text) => {
  if (text.length <= READ_IN_WORKER_CHARS || typeof Worker === 'undefined') return Promise.resolve(readModelText(text));
  return inWorker(text, () => Promise.resolve(readModelText(text)));
};

export const defaultBinaryReader: BinaryModelReader = (f) => {
  if (f.bytes.length <= READ_IN_WORKER_BYTES || typeof Worker === 'undefined') return readModelBinary(f);
  return inWorker(f, () => readModelBinary(f));
};
