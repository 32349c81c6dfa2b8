/**
 * Fetching trained models: `./models/<id>.json`, relative to the page, so the site works from
 * any folder (the build's base is './'). Each file is fetched when first picked, not at start.
 */
import { answeredWithPage } from './ownModel';
import { CELL_KINDS, type CellKind } from '../engine';
import { MODEL_TASKS, type ModelTaskChoice } from './types';

export type ModelFetcher = (id: string) => Promise<unknown>;

/**
 * Model ids are `<task>-<kind>`: "sentiment-lstm", "memory-rnn", "demo-gru", "charlm-zh-lstm"; a
 * stacked model adds its layers: "sentiment-lstm-2layers" (2 to 4).
 */
export function parseModelId(id: string): { task: ModelTaskChoice; kind: CellKind; layers: number } | null {
  const m = /^([a-z]+(?:-[a-z]+)?)-([a-z]+)(?:-([2-4])layers)?$/.exec(id);
  if (!m) return null;
  const [, task, kind, layers] = m;
  if (!(MODEL_TASKS as readonly string[]).includes(task!) || !(CELL_KINDS as readonly string[]).includes(kind!)) return null;
  if (layers && task === 'demo') return null;
  return { task: task as ModelTaskChoice, kind: kind as CellKind, layers: layers ? Number(layers) : 1 };
}

export const fetchModelFile: ModelFetcher = async (id) => {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`“${id}” is not a model id`);
  const res = await fetch(`./models/${id}.json`);
  if (!res.ok) throw new Error(`models/${id}.json: HTTP ${res.status}`);
  if (answeredWithPage(res)) throw new Error(`models/${id}.json: not found (the server answered with a web page, not the file)`);
  try {
    return await res.json();
  } catch {
    throw new Error(`models/${id}.json is not valid JSON`);
  }
};
