/**
 * The file of an encoder–decoder (`translate-<kind>.json`):
 *
 *   { "format": "gatescope-seq2seq", "version": 1, "id": …,
 *     "encoder": <a Gatescope model file without "head">,
 *     "decoder": <a Gatescope model file; its softmax head's labels are its vocabulary>,
 *     "attention"?: { "score": "luong-general" | "luong-general+location" | "luong-general+location-window",
 *                     "Wa": H×H, "Wc": H×2H, "bc": H,
 *                     "location"?: 2K+1 numbers, w_−K … w_K (with "+location" only) },
 *     "sourceEnd"?: true (the encoder reads </s> after the source), "handOver"?: false (the decoder
 *     starts from zero; both need "attention"),
 *     "caption"?, "presets"?, "report"? }
 *
 * "attention" (translate-attn-<kind>, engine/attention.ts) is optional: a file without it is the
 * plain encoder–decoder, as every file written before it. "luong-general" files (content alone,
 * written before the location term) still read as they were.
 * Each half is read and checked by the one model-file reader (format.ts), so its errors name the
 * field inside the half ("encoder.cell.weights.U_f …").
 */
import { seq2seqMismatch, type Attention, type Model, type Seq2Seq } from '../engine';
import { ModelFileError } from './errors';
import { readModelFile } from './format';
import { field, mat, obj, oneOf, vec } from './jsonFields';
import { round6, toModelFile } from './write-format';

const SEQ2SEQ_FORMAT = 'gatescope-seq2seq';

type Obj = Record<string, unknown>;

export function toSeq2SeqFile(m: Seq2Seq, extra: { caption?: { en: string; zh: string }; presets?: readonly string[]; report?: unknown } = {}): Obj {
  const enc = toModelFile(m.encoder);
  const a = m.attention;
  const rows = (x: Float64Array, cols: number) => Array.from({ length: x.length / cols }, (_, r) => Array.from(x.subarray(r * cols, (r + 1) * cols), round6));
  const attention = a
    ? {
        attention: {
          score: a.loc ? (a.windowed ? WINDOW_SCORE : LOCATION_SCORE) : CONTENT_SCORE,
          Wa: rows(a.Wa.data, a.Wa.cols),
          Wc: rows(a.Wc.data, a.Wc.cols),
          bc: Array.from(a.bc, round6),
          ...(a.loc ? { location: Array.from(a.loc, round6) } : {}),
        },
      }
    : {};
  const reading = { ...(m.sourceEnd ? { sourceEnd: true } : {}), ...(m.handOver === false ? { handOver: false } : {}) };
  return { format: SEQ2SEQ_FORMAT, version: 1, id: m.id, encoder: enc, decoder: toModelFile(m.decoder), ...attention, ...reading, ...extra };
}

/**
 * The two scores the engine computes (attention.ts), named in the file so that one cannot be
 * misread as the other: content alone, and content plus the location term over the last weights.
 */
const CONTENT_SCORE = 'luong-general';
const LOCATION_SCORE = 'luong-general+location';
/** The location term and the hard window of ±K around the last step's heaviest word. */
const WINDOW_SCORE = 'luong-general+location-window';

/** The attention block, its shapes those of a decoder of `H` units. */
function readAttention(v: unknown, H: number): Attention {
  const a = obj(v, 'attention');
  const score = oneOf(field(a, 'score', 'attention'), [CONTENT_SCORE, LOCATION_SCORE, WINDOW_SCORE], 'attention.score', 'attention score');
  const base = {
    Wa: mat(field(a, 'Wa', 'attention'), H, H, 'attention.Wa'),
    Wc: mat(field(a, 'Wc', 'attention'), H, 2 * H, 'attention.Wc'),
    bc: vec(field(a, 'bc', 'attention'), H, 'attention.bc'),
  };
  if (score === CONTENT_SCORE) {
    if (a.location !== undefined) throw new ModelFileError('attention.location', `location weights need the score "${LOCATION_SCORE}", found "${CONTENT_SCORE}"`);
    return base;
  }
  const w = field(a, 'location', 'attention');
  const n = Array.isArray(w) ? w.length : 0;
  if (n % 2 !== 1) throw new ModelFileError('attention.location', `expected an odd number of weights (w_−K … w_K), found ${Array.isArray(w) ? n : typeof w}`);
  return { ...base, loc: vec(w, n, 'attention.location'), ...(score === WINDOW_SCORE ? { windowed: true } : {}) };
}

interface Seq2SeqMeta {
  readonly caption?: { readonly en: string; readonly zh: string };
  readonly presets: readonly string[];
  readonly report?: unknown;
}

function prefixed(e: unknown, half: string): Error {
  if (e instanceof ModelFileError) return new ModelFileError(e.path ? `${half}.${e.path}` : half, e.message.slice(e.path.length + 2));
  return e instanceof Error ? e : new Error(String(e));
}

export function readSeq2SeqFile(json: unknown): { model: Seq2Seq; meta: Seq2SeqMeta } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ModelFileError('', 'expected a JSON object');
  const f = json as Obj;
  if (f.format !== SEQ2SEQ_FORMAT) throw new ModelFileError('format', `expected "${SEQ2SEQ_FORMAT}", found ${JSON.stringify(f.format)}`);
  const half = (name: 'encoder' | 'decoder') => {
    const h = f[name];
    if (typeof h !== 'object' || h === null || Array.isArray(h)) throw new ModelFileError(name, 'expected a model file object');
    return h as Obj;
  };
  const encJson = half('encoder');
  let encoder: Model;
  let decoder: Model;
  try {
    decoder = readModelFile(half('decoder') as never).model;
  } catch (e) {
    throw prefixed(e, 'decoder');
  }
  try {
    // The encoder has no head: its final state is the context.
    encoder = readModelFile(encJson as never, { headless: true }).model;
  } catch (e) {
    throw prefixed(e, 'encoder');
  }
  const id = typeof f.id === 'string' ? f.id : encoder.id;
  const attention = f.attention === undefined ? null : readAttention(f.attention, decoder.cell.hiddenSize);
  const flag = (key: 'sourceEnd' | 'handOver', fallback: boolean): boolean => {
    const v = f[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw new ModelFileError(key, `expected true or false, found ${JSON.stringify(v)}`);
    return v;
  };
  const sourceEnd = flag('sourceEnd', false);
  const handOver = flag('handOver', true);
  const model: Seq2Seq = { id, encoder, decoder, ...(attention ? { attention } : {}), ...(sourceEnd ? { sourceEnd } : {}), ...(handOver ? {} : { handOver }) };
  const why = seq2seqMismatch(model);
  if (why) throw new ModelFileError(why.startsWith('the encoder reads') ? 'encoder' : why.startsWith('without attention') ? 'attention' : 'decoder', why);
  const presets = Array.isArray(f.presets) ? f.presets.filter((p): p is string => typeof p === 'string') : [];
  const cap = f.caption as { en?: unknown; zh?: unknown } | undefined;
  const caption = cap && typeof cap.en === 'string' && typeof cap.zh === 'string' ? { en: cap.en, zh: cap.zh } : undefined;
  return { model, meta: { presets, ...(caption ? { caption } : {}), ...(f.report !== undefined ? { report: f.report } : {}) } };
}
