/**
 * Fetching trained models: `./models/<id>.json`, relative to the page, so the site works from
 * any folder (the build's base is './'). Each file is fetched when first picked, not at start.
 */
import { answeredWithPage } from './ownModel';
import { CELL_KINDS, type CellKind, type Model } from '../engine';
import { readModelFile, type ModelMeta } from '../models/format';
import { MODEL_TASKS, type ModelTaskChoice } from './types';

export type ModelFetcher = (id: string) => Promise<unknown>;

/**
 * Model ids are `<task>-<kind>`: "sentiment-lstm", "memory-rnn", "demo-gru", "charlm-zh-lstm"; a
 * stacked model adds its layers: "sentiment-lstm-2layers" (2 to 4); the character model trained
 * with its state carried between windows adds "-stateful" ("charlm-lstm-stateful").
 */
export function parseModelId(id: string): { task: ModelTaskChoice; kind: CellKind; layers: number; stateful?: true } | null {
  // The suffix first: the pattern below would read "charlm-lstm" as a task and "stateful" as a kind.
  if (id.endsWith('-stateful')) {
    const base = parseModelId(id.slice(0, -'-stateful'.length));
    return base && base.task === 'charlm' && base.layers === 1 ? { ...base, stateful: true } : null;
  }
  const m = /^([a-z]+(?:-[a-z]+)?)-([a-z]+)(?:-([2-4])layers)?$/.exec(id);
  if (!m) return null;
  const [, task, kind, layers] = m;
  if (!(MODEL_TASKS as readonly string[]).includes(task!) || !(CELL_KINDS as readonly string[]).includes(kind!)) return null;
  if (layers && task === 'demo') return null;
  return { task: task as ModelTaskChoice, kind: kind as CellKind, layers: layers ? Number(layers) : 1 };
}

/**
 * Fetches `<base>models/<id>.json`. The app's base is its page's folder ('./'); a `<gate-scope>`
 * element's is the site its module came from (or its `base` attribute), wherever the page is.
 */
export function modelFetcherAt(base: string): ModelFetcher {
  return async (id) => {
    if (!/^(translate\/)?[a-z0-9-]+$/.test(id)) throw new Error(`“${id}” is not a model id`);
    const res = await fetch(`${base}models/${id}.json`);
    if (!res.ok) throw new Error(`models/${id}.json: HTTP ${res.status}`);
    if (answeredWithPage(res)) throw new Error(`models/${id}.json: not found (the server answered with a web page, not the file)`);
    try {
      return await res.json();
    } catch {
      throw new Error(`models/${id}.json is not valid JSON`);
    }
  };
}

export const fetchModelFile: ModelFetcher = modelFetcherAt('./');

/** The translate view's encoder–decoders: `./models/translate/translate-<kind>.json` (translate-attn-<kind> with attention). */
export const fetchSeq2SeqFile = (kind: CellKind, attention: boolean): Promise<unknown> => fetchModelFile(`translate/translate-${attention ? 'attn-' : ''}${kind}`);

/**
 * Loads may overlap (a slow fetch, then another pick); only the latest one of a line may land,
 * so a slow earlier load never replaces what the reader picked after it. `take()` starts a load
 * and returns the question to ask before it lands; `cancel()` outdates every load in flight.
 */
export class LoadTicket {
  private latest = 0;
  take(): () => boolean {
    const mine = ++this.latest;
    return () => mine === this.latest;
  }
  cancel(): void {
    this.latest++;
  }
}

interface LoadedModel {
  readonly model: Model;
  readonly meta: ModelMeta;
}

/**
 * The shipped models by id, each fetched and read once, for the model on screen and for the
 * unrolled view's comparison row alike. A failed load is forgotten, so a later try can work.
 */
export function createModelCache(fetchModel: ModelFetcher): (id: string) => Promise<LoadedModel> {
  const loaded = new Map<string, Promise<LoadedModel>>();
  return (id) => {
    let p = loaded.get(id);
    if (!p) {
      p = fetchModel(id).then((json) => readModelFile(json));
      p.catch(() => loaded.delete(id));
      loaded.set(id, p);
    }
    return p;
  };
}
