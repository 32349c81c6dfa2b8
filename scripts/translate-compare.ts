/**
 * `npx tsx scripts/translate-compare.ts`: the plain and the attentive encoder–decoders side by side,
 * as markdown tables for the README: (1) held-out exact match and character accuracy by clauses,
 * from each translate-attn file's report (its `plain` block scores translate-<kind> on the same
 * sentences), beside the retrieval baseline; (2) the fresh set written after training
 * (src/train/data/translateFresh.ts), scored here from the shipped weights, with how many of its
 * sentences are among the training pairs themselves (only one- and two-clause ones can be);
 * (3) the second fresh set, twelve three- and four-clause sentences written after the windowed
 * translate-attn-lstm was final (src/train/data/translateFreshLong.ts); (4) how each attn file scores.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CELL_KINDS, kindOf, translate, type Seq2Seq } from '../src/engine';
import { readSeq2SeqFile } from '../src/models/seq2seqFile';
import { FRESH_TRANSLATIONS } from '../src/train/data/translateFresh';
import { FRESH_LONG_TRANSLATIONS } from '../src/train/data/translateFreshLong';
import { scoreTranslations, type TranslationScore } from '../src/train/seq2seq';
import { TRANSLATE, translateData } from '../src/train/translateTask';

const DIR = join(import.meta.dirname, '..', 'public', 'models', 'translate');
const kinds = CELL_KINDS.filter((k) => kindOf(k).group === 'classic' && existsSync(join(DIR, `translate-attn-${k}.json`)));
const pct = (x: number) => `${Math.round(1000 * x) / 10}%`;
const read = (id: string) => JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8')) as { report: Report };
interface Row {
  readonly clauses: number | string;
  readonly words: string;
  readonly model: TranslationScore;
  readonly retrieval: TranslationScore;
}
interface Report {
  readonly byLength: readonly Row[];
  readonly plain?: readonly Row[];
  readonly bestEpoch: number;
  readonly params: number;
  readonly wallSeconds: number;
}

const out: string[] = [];
out.push(`| held-out | ${kinds.map((k) => `${k} plain → attn`).join(' | ')} | retrieval |`, `|---|${kinds.map(() => '---').join('|')}|---|`);
const reports = kinds.map((k) => read(`translate-attn-${k}`).report);
for (const [g, row] of reports[0]!.byLength.entries()) {
  for (const what of ['exact', 'chars'] as const) {
    const cells = reports.map((r) => `${r.plain ? pct(r.plain[g]!.model[what]) : '—'} → **${pct(r.byLength[g]!.model[what])}**`);
    out.push(
      `| ${row.clauses} clause${row.clauses === 1 ? '' : 's'} (${row.model.pairs}, ${row.words} words), ${what === 'exact' ? 'exact' : 'characters'} | ${cells.join(' | ')} | ${pct(row.retrieval[what])} |`,
    );
  }
}
out.push('', `| model | ${kinds.join(' | ')} |`, `|---|${kinds.map(() => '---').join('|')}|`);
out.push(`| parameters (attn) | ${reports.map((r) => r.params.toLocaleString('en')).join(' | ')} |`);
out.push(`| best epoch of 20 (attn) | ${reports.map((r) => r.bestEpoch + 1).join(' | ')} |`);
out.push(`| wall time (attn, s, shared cores) | ${reports.map((r) => Math.round(r.wallSeconds)).join(' | ')} |`);

const pairs = FRESH_TRANSLATIONS.map(([en, zh]) => ({ src: en.split(' '), tgt: Array.from(zh) }));
const groups: ReadonlyArray<readonly [string, (n: number) => boolean]> = [
  ['1 clause', (n) => n === 1],
  ['2 clauses', (n) => n === 2],
  ['3–4 clauses', (n) => n >= 3],
];
const trained = new Set(translateData(TRANSLATE).train.map((p) => p.src.join(' ')));
const clauses = (src: readonly string[]) => src.filter((w) => w === 'and').length + 1;
out.push('', `| fresh set (written after training) | ${kinds.map((k) => `${k} plain → attn`).join(' | ')} |`, `|---|${kinds.map(() => '---').join('|')}|`);
const models = kinds.map((k) => [readSeq2SeqFile(read(`translate-${k}`)).model, readSeq2SeqFile(read(`translate-attn-${k}`)).model] as [Seq2Seq, Seq2Seq]);
for (const [name, keep] of groups) {
  const ps = pairs.filter((p) => keep(clauses(p.src)));
  const inTrain = ps.filter((p) => trained.has(p.src.join(' '))).length;
  const score = (m: Seq2Seq) =>
    scoreTranslations(
      ps.map((p) => translate(m, p.src, 80).output),
      ps.map((p) => p.tgt),
    );
  for (const what of ['exact', 'chars'] as const) {
    const cells = models.map(([plain, attn]) => `${pct(score(plain)[what])} → **${pct(score(attn)[what])}**`);
    out.push(`| ${name} (${ps.length}; ${inTrain} among the training pairs), ${what === 'exact' ? 'exact' : 'characters'} | ${cells.join(' | ')} |`);
  }
}
const long = FRESH_LONG_TRANSLATIONS.map(([en, zh]) => ({ src: en.split(' '), tgt: Array.from(zh) }));
out.push('', `| second fresh set (written after training) | ${kinds.map((k) => `${k} plain → attn`).join(' | ')} |`, `|---|${kinds.map(() => '---').join('|')}|`);
for (const n of [3, 4]) {
  const ps = long.filter((p) => clauses(p.src) === n);
  const score = (m: Seq2Seq) =>
    scoreTranslations(
      ps.map((p) => translate(m, p.src, 80).output),
      ps.map((p) => p.tgt),
    );
  for (const what of ['exact', 'chars'] as const) {
    const cells = models.map(([plain, attn]) => `${pct(score(plain)[what])} → **${pct(score(attn)[what])}**`);
    out.push(`| ${n} clauses (${ps.length}), ${what === 'exact' ? 'exact' : 'characters'} | ${cells.join(' | ')} |`);
  }
}
out.push('', `| attention of the shipped file | ${kinds.join(' | ')} |`, `|---|${kinds.map(() => '---').join('|')}|`);
out.push(
  `| score, hand-over | ${models.map(([, a]) => `${a.attention?.windowed ? 'location + window' : a.attention?.loc ? 'location' : 'content'}, ${a.handOver === false ? 'none' : 'yes'}`).join(' | ')} |`,
);
process.stdout.write(`${out.join('\n')}\n`);
