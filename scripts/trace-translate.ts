/**
 * `npm run trace -- --model translate-<kind> --text "i grew up in france"`: the encoder's steps,
 * the context handed over, and the decoder's steps (what it read, its vectors, its top 3 and what
 * greedy decoding wrote), as JSON, from the engine code the page runs.
 * `--model translate-attn-<kind>`: each decoder step also holds its attention — the weight on each
 * source word (summing to 1), the scores before the softmax, and the context vector it read;
 * `source` is what the encoder read (with </s> after the words for a model that reads an end mark).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { translate } from '../src/engine';
import { readSeq2SeqFile } from '../src/models/seq2seqFile';
import { tokenize } from '../src/text/tokenize';
import { traceVectors } from '../src/viz/vectors';

export function traceTranslation(id: string, text: string, fail: (msg: string) => never): string {
  const path = join(import.meta.dirname, '..', 'public', 'models', 'translate', `${id}.json`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)} (run npm run train -- --task ${id.startsWith('translate-attn-') ? 'translate-attn' : 'translate'} --all first)`);
  }
  const { model } = readSeq2SeqFile(json);
  const { tokens, error } = tokenize(text, model.encoder.tokenizer);
  if (error?.kind === 'empty') fail('the text is empty');
  const r = translate(model, tokens);
  const vectors = (tr: Parameters<typeof traceVectors>[0]) => Object.fromEntries(traceVectors(tr).map((v) => [v.id, Array.from(v.values)]));
  return JSON.stringify({
    model: model.id,
    cell: model.encoder.cell.kind,
    source: r.source,
    encoder: r.encoder.map((tr, t) => ({ t, token: r.source[t], vectors: vectors(tr) })),
    context: { h: Array.from(r.context.h), ...(r.context.c ? { c: Array.from(r.context.c) } : {}) },
    ...(model.attention
      ? { attention: model.attention.loc ? (model.attention.windowed ? 'luong-general+location-window' : 'luong-general+location') : 'luong-general', handOver: model.handOver !== false }
      : {}),
    decoder: r.decoder.map((d, u) => ({
      u,
      input: d.input,
      vectors: vectors(d.trace),
      ...(d.attention ? { attention: { weights: Array.from(d.attention.weights), scores: Array.from(d.attention.scores), context: Array.from(d.attention.context) } } : {}),
      top: d.top,
      output: d.output,
    })),
    output: r.output.join(''),
    ended: r.ended,
  });
}
