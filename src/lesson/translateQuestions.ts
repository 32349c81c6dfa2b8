/**
 * The translator chapter's questions: asked of the translate view's encoder–decoders of the
 * model's kind (QuestionContext.translators), answered by running them on the chapter's sentence
 * here, at run time. The first reads the plain translator's output against the grammar's own
 * translation (the bottleneck: one vector carries both clauses); the second reads the attention
 * weights of translate-attn-<kind> at the step that writes the second place (the fix).
 * Pure TypeScript: no React, no store, no DOM.
 */
import { translate, type Seq2Seq } from '../engine';
import { tokenize } from '../text/tokenize';
import { JOIN_ZH, placeZh, referenceOf } from '../train/data/translate';
import { choice, type QuestionContext, type QuestionDef } from './questionKit';

/** The sentence as the translator reads it, with the grammar's translation of each clause (two or more), or null. */
function sourceOf(m: Seq2Seq, text: string) {
  const r = tokenize(text, m.encoder.tokenizer);
  if (r.error) return null;
  const tokens = [...r.tokens];
  const clauses = referenceOf(tokens);
  return clauses && clauses.length >= 2 ? { tokens, clauses } : null;
}

/** The step of `sub`'s first character in `chars` at or after `from`, or -1. */
function indexOfRun(chars: readonly string[], sub: string, from: number): number {
  const want = Array.from(sub);
  for (let i = Math.max(0, from); i + want.length <= chars.length; i++) if (want.every((c, k) => chars[i + k] === c)) return i;
  return -1;
}

export const TRANSLATE_QUESTIONS: readonly QuestionDef[] = [
  {
    // The hand-over: the decoder starts from the encoder's last state and nothing else.
    id: 'plainSecond',
    input: choice('right', 'wrong'),
    solve: (ctx: QuestionContext) => {
      const m = ctx.translators?.plain;
      const src = m ? sourceOf(m, ctx.text) : null;
      if (!m || !src) return null;
      const r = translate(m, src.tokens);
      const written = r.output.join('').split(JOIN_ZH);
      const second = src.clauses[1]!;
      const should = src.clauses.map((c) => c.zh).join(JOIN_ZH);
      // The figure opens on the first character that departs from the right translation (the last step if none does).
      const want = Array.from(should);
      const off = r.output.findIndex((c, k) => c !== want[k]);
      const at = off < 0 ? r.decoder.length - 1 : off;
      return {
        answer: written[1] === second.zh ? 'right' : 'wrong',
        ask: { sentence: ctx.text, second: second.en, H: m.encoder.cell.hiddenSize },
        why: { out: r.output.join(''), should, H: m.encoder.cell.hiddenSize },
        reveal: { view: 'translate', text: ctx.text, attention: false, translateStep: src.tokens.length + at },
      };
    },
  },
  {
    // The fix: at each step the decoder also reads a weighted sum of every encoder state.
    id: 'attnSource',
    input: choice('place1', 'place2', 'and', 'other'),
    solve: (ctx: QuestionContext) => {
      const m = ctx.translators?.attention;
      const src = m ? sourceOf(m, ctx.text) : null;
      if (!m || !src) return null;
      const { tokens } = src;
      const and = tokens.indexOf('and');
      const p1 = tokens.findIndex((w, k) => k < and && placeZh(w) !== undefined);
      const p2 = tokens.findIndex((w, k) => k > and && placeZh(w) !== undefined);
      if (p1 < 0 || p2 < 0 || tokens[p1] === tokens[p2]) return null;
      const zh = placeZh(tokens[p2]!)!;
      const r = translate(m, tokens);
      // The step at which the right translation writes the second place's first character (after
      // the clauses' comma): where this translator writes it when it translates right.
      const should = Array.from(src.clauses.map((c) => c.zh).join(JOIN_ZH));
      const u = indexOfRun(should, zh, should.indexOf(JOIN_ZH) + 1);
      const weights = u >= 0 ? r.decoder[u]?.attention?.weights : undefined;
      // What the encoder read: the words, then </s> for a translator that reads an end mark.
      const read = r.source;
      if (!weights || weights.length !== read.length) return null;
      // The word weighted most, and the next after it (what the explanation compares it with).
      const order = Array.from(weights, (_, k) => k).sort((a, b) => weights[b]! - weights[a]! || a - b);
      const [top, next] = [order[0]!, order[1] ?? order[0]!];
      const answer = top === p2 ? 'place2' : top === p1 ? 'place1' : top === and ? 'and' : 'other';
      return {
        answer,
        ask: { p1: tokens[p1]!, p2: tokens[p2]!, zh },
        why: { word: read[top]!, w: weights[top]!.toFixed(2), next: read[next]!, wn: weights[next]!.toFixed(2), out: r.output.join('') },
        reveal: { view: 'translate', text: ctx.text, attention: true, translateStep: read.length + u },
      };
    },
  },
];
