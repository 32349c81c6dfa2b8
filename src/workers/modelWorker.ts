/// <reference lib="webworker" />
/** Reads a large model file's text off the main thread (src/store/modelReader.ts). */
import { readModelText } from '../store/modelReader';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (ev: MessageEvent<string>) => scope.postMessage(readModelText(ev.data));
