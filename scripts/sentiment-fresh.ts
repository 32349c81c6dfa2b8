/**
 * npx tsx scripts/sentiment-fresh.ts
 * Every shipped English sentiment model (public/models/sentiment-*.json, the stacked one too) on
 * the fresh sentences of src/train/data/sentimentFresh.ts, written after the models were final:
 * accuracy per model and per category, beside the bag-of-words baseline (trained again, with its
 * fixed seed, on the models' training data and the LSTM's vocabulary) and the majority class of
 * the training data. Also checks that no fresh sentence is a training, validation or held-out
 * sentence. Writes public/reports/sentiment-fresh.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CELL_KINDS, embedToken, predict, runStack, stackOf, type Model } from '../src/engine';
import { parseModelFile } from '../src/models/format';
import { hasModel } from '../src/store/types';
import { reviewsFromTsv } from '../src/train/data/reviews';
import { handwrittenExamples, sentenceTokens } from '../src/train/data/sentiment';
import { FRESH, FRESH_CATEGORIES } from '../src/train/data/sentimentFresh';
import { sequenceKey } from '../src/train/data/split';
import { freshScore, verdicts } from '../src/train/freshScore';
import { bagOfWords } from '../src/train/sentimentReport';
import { CONFIGS } from '../src/train/tasks';
import { cliArgs } from './cli';

cliArgs({ script: 'sentiment-fresh.ts', usage: '\nusage: npx tsx scripts/sentiment-fresh.ts\nThe English sentiment models on the fresh sentences, by category.' });

const root = join(import.meta.dirname, '..', 'public');
const load = (id: string): Model => parseModelFile(JSON.parse(readFileSync(join(root, 'models', `${id}.json`), 'utf8')));
const examples = FRESH.map((f) => ({ ...f, tokens: sentenceTokens(f.text) }));

const reviews = reviewsFromTsv(readFileSync(join(import.meta.dirname, '..', 'data', 'fine-foods.tsv'), 'utf8'));
const data = { reviews };
const cfg = CONFIGS.sentiment;
const train = cfg.trainSet(data);
const validation = cfg.validationSet!(data)!;
const seen = new Set([...train, ...validation, ...Object.values(cfg.heldoutSets(data)).flat(), ...handwrittenExamples('test')].map((e) => sequenceKey(e.tokens)));
const overlap = examples.filter((e) => seen.has(sequenceKey(e.tokens))).map((e) => e.text);
if (overlap.length) throw new Error(`fresh sentences that are training, validation or held-out sentences: ${overlap.join('; ')}`);

const ids = [...CELL_KINDS.filter((k) => hasModel('sentiment', k)).map((k) => `sentiment-${k}`), 'sentiment-lstm-2layers'];
const models = ids.map((id) => {
  const m = load(id);
  const p = examples.map((e) => {
    const { final } = runStack(
      stackOf(m),
      e.tokens.map((t) => embedToken(m.embedding, t).x),
    );
    return predict(m.head!, final.at(-1)!.h)[1]!;
  });
  const right = verdicts(examples, p);
  const r = JSON.parse(readFileSync(join(root, 'models', `${id}.json`), 'utf8')).report as { vocabSize: number; heldoutEveryday?: unknown };
  return {
    id,
    // Models trained before the grammar and hand-written sentences grew keep their own, older vocabulary and recipe.
    recipe: r.heldoutEveryday ? 'current' : 'older',
    ...freshScore(examples, FRESH_CATEGORIES, right),
    wrong: examples.filter((_, i) => !right[i]).map((e) => ({ text: e.text, label: e.label, pPositive: p[examples.indexOf(e)] })),
  };
});

const lstm = load('sentiment-lstm');
if (lstm.embedding.kind !== 'table') throw new Error('sentiment-lstm has no table embedding');
const vocab = new Set(lstm.embedding.vocab);
const bow = bagOfWords(lstm.embedding, train, validation)(examples).map((x) => x === 1);
const majorityLabel = train.filter((e) => e.label === 1).length * 2 >= train.length ? 1 : 0;
const tokens = examples.flatMap((e) => e.tokens);
const report = {
  sentences: examples.length,
  categories: Object.fromEntries(FRESH_CATEGORIES.map((c) => [c, examples.filter((e) => e.category === c).length])),
  tokensKnown: tokens.filter((t) => vocab.has(t)).length / tokens.length,
  models: [
    ...models,
    { id: 'bag-of-words', ...freshScore(examples, FRESH_CATEGORIES, bow) },
    {
      id: 'majority',
      ...freshScore(
        examples,
        FRESH_CATEGORIES,
        examples.map((e) => e.label === majorityLabel),
      ),
    },
  ],
};
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports', 'sentiment-fresh.json'), `${JSON.stringify(report, null, 1)}\n`);
process.stdout.write(`${report.sentences} sentences, ${(report.tokensKnown * 100).toFixed(1)}% of tokens known\n`);
for (const m of report.models) process.stdout.write(`${m.id}: ${(m.all * 100).toFixed(1)}%  ${FRESH_CATEGORIES.map((c) => `${c} ${(m.byCategory[c] * 100).toFixed(0)}%`).join(', ')}\n`);
