/// <reference lib="webworker" />
/** Reads a large model file off the main thread: a JSON text, or a .safetensors / .onnx file (src/store/modelReader.ts). */
import { readModelBinary, readModelText, type BinaryModelFile } from '../store/modelReader';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (ev: MessageEvent<string | BinaryModelFile>) => scope.postMessage(typeof ev.data === 'string' ? readModelText(ev.data) : await readModelBinary(ev.data));
