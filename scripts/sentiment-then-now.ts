/**
 * npx tsx scripts/sentiment-then-now.ts [--old DIR]
 * The shipped English sentiment models beside an earlier set of them (DIR, default /tmp/oldmodels,
 * e.g. the files of commit 77c811c: `git show 77c811c:public/models/sentiment-lstm.json > DIR/…`),
 * on the held-out hand-written everyday sentences and the fresh set: did the grown data help?
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embedToken, predict, runStack, stackOf } from '../src/engine';
import { parseModelFile } from '../src/models/format';
import { handwrittenExamples, sentenceTokens } from '../src/train/data/sentiment';
import { FRESH } from '../src/train/data/sentimentFresh';
import { cliArgs } from './cli';

const args = cliArgs({ script: 'sentiment-then-now.ts', usage: '\nusage: npx tsx scripts/sentiment-then-now.ts [--old DIR]', options: { old: { type: 'string' } } });
const oldDir = args.values.old ?? '/tmp/oldmodels';
const kinds = ['rnn', 'lstm', 'gru', 'peephole', 'coupled', 'mingru', 'minlstm', 'slstm'];
const sets = [
  ['held-out everyday', handwrittenExamples('test').map((e) => ({ tokens: e.tokens, label: e.label }))],
  ['fresh', FRESH.map((f) => ({ tokens: sentenceTokens(f.text), label: f.label }))],
] as const;

function accuracy(file: string, set: ReadonlyArray<{ tokens: readonly string[]; label: number }>): string {
  if (!existsSync(file)) return '—';
  const m = parseModelFile(JSON.parse(readFileSync(file, 'utf8')));
  let right = 0;
  for (const e of set) {
    const { final } = runStack(
      stackOf(m),
      e.tokens.map((t) => embedToken(m.embedding, t).x),
    );
    if ((predict(m.head!, final.at(-1)!.h)[1]! >= 0.5 ? 1 : 0) === e.label) right++;
  }
  return `${((100 * right) / set.length).toFixed(1)}%`;
}

console.log(`| set | ${kinds.join(' | ')} |\n|---|${kinds.map(() => '---').join('|')}|`);
for (const [name, set] of sets) {
  for (const [when, dir] of [
    ['before', oldDir],
    ['now', join(import.meta.dirname, '..', 'public', 'models')],
  ] as const) {
    console.log(`| ${name} (${set.length}), ${when} | ${kinds.map((k) => accuracy(join(dir, `sentiment-${k}.json`), set)).join(' | ')} |`);
  }
}
