/**
 * npx tsx scripts/sentiment-zh-fresh.ts
 * The shipped Chinese sentiment models (public/models/sentiment-zh-<kind>.json) on the fresh
 * sentences of src/train/data/sentimentZhFresh.ts, written after the models were final: accuracy
 * per model and per category, beside the bag-of-characters baseline (trained again, with its fixed
 * seed, on the models' own training data and vocabulary) and the majority class. Also checks that
 * no fresh sentence is a training sentence. Writes public/reports/sentiment-zh-fresh.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CELL_KINDS, embedToken, predict, runStack, stackOf, type Model } from '../src/engine';
import { parseModelFile } from '../src/models/format';
import { hasModel } from '../src/store/types';
import { FRESH_ZH, FRESH_ZH_CATEGORIES } from '../src/train/data/sentimentZhFresh';
import { zhChars } from '../src/train/data/sentimentZh';
import { sequenceKey } from '../src/train/data/split';
import type { Example } from '../src/train/data/types';
import { bagOfCharacters } from '../src/train/sentimentZhReport';
import { CONFIGS, NO_DATA } from '../src/train/tasks';
import { cliArgs } from './cli';

cliArgs({ script: 'sentiment-zh-fresh.ts', usage: '\nusage: npx tsx scripts/sentiment-zh-fresh.ts\nThe Chinese sentiment models on the fresh sentences, by category.' });

const root = join(import.meta.dirname, '..', 'public');
const load = (id: string): Model => parseModelFile(JSON.parse(readFileSync(join(root, 'models', `${id}.json`), 'utf8')));
const examples: Array<Example & { category: string; text: string }> = FRESH_ZH.map((f) => ({ tokens: zhChars(f.text), label: f.label, category: f.category, text: f.text }));

const cfg = CONFIGS['sentiment-zh'];
const train = cfg.trainSet(NO_DATA);
const trainKeys = new Set(train.map((e) => sequenceKey(e.tokens)));
const inTraining = examples.filter((e) => trainKeys.has(sequenceKey(e.tokens))).map((e) => e.text);
if (inTraining.length) throw new Error(`fresh sentences that are training sentences: ${inTraining.join('、')}`);

const byCategory = (right: (e: (typeof examples)[number]) => boolean) =>
  Object.fromEntries(
    FRESH_ZH_CATEGORIES.map((c) => {
      const xs = examples.filter((e) => e.category === c);
      return [c, xs.filter(right).length / xs.length];
    }),
  );
const share = (right: (e: (typeof examples)[number]) => boolean) => examples.filter(right).length / examples.length;

const kinds = CELL_KINDS.filter((k) => hasModel('sentiment-zh', k));
const models = kinds.map((kind) => {
  const m = load(`sentiment-zh-${kind}`);
  const p = new Map(
    examples.map((e) => {
      const { final } = runStack(
        stackOf(m),
        e.tokens.map((t) => embedToken(m.embedding, t).x),
      );
      return [e.text, predict(m.head!, final.at(-1)!.h)[1]!];
    }),
  );
  const right = (e: (typeof examples)[number]) => (p.get(e.text)! >= 0.5 ? 1 : 0) === e.label;
  return { id: m.id, all: share(right), byCategory: byCategory(right), wrong: examples.filter((e) => !right(e)).map((e) => ({ text: e.text, label: e.label, pPositive: p.get(e.text) })) };
});

const lstm = load('sentiment-zh-lstm');
if (lstm.embedding.kind !== 'table') throw new Error('sentiment-zh-lstm has no table embedding');
const vocab = new Set(lstm.embedding.vocab);
const boc = bagOfCharacters(lstm.embedding, train, cfg.validationSet!(NO_DATA));
const bocRight = (e: Example) => boc([e]) === 1;
const majorityLabel = train.filter((e) => e.label === 1).length * 2 >= train.length ? 1 : 0;
const chars = examples.flatMap((e) => e.tokens);
const report = {
  sentences: examples.length,
  categories: Object.fromEntries(FRESH_ZH_CATEGORIES.map((c) => [c, examples.filter((e) => e.category === c).length])),
  charsKnown: chars.filter((c) => vocab.has(c)).length / chars.length,
  models: [
    ...models,
    { id: 'bag-of-characters', all: share(bocRight), byCategory: byCategory(bocRight) },
    { id: 'majority', all: share((e) => e.label === majorityLabel), byCategory: byCategory((e) => e.label === majorityLabel) },
  ],
};
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'sentiment-zh-fresh.json'), `${JSON.stringify(report, null, 1)}\n`);
for (const m of report.models) process.stdout.write(`${m.id}: ${(m.all * 100).toFixed(1)}%  ${FRESH_ZH_CATEGORIES.map((c) => `${c} ${(m.byCategory[c]! * 100).toFixed(0)}%`).join(', ')}\n`);
