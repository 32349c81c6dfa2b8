/**
 * Writes public/models/examples/tiny-pytorch-lstm.json: a random (seeded, untrained) LSTM in
 * the PyTorch layout, made by the engine's exporter, so the example is exactly what the README's
 * Python snippet writes for nn.Embedding + nn.LSTM + nn.Linear. Run: npx tsx scripts/make-example.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UNK } from '../src/engine';
import { round6 } from '../src/models/write-format';
import { toFrameworkModelFile } from '../src/models/write-layouts';
import { initNetwork } from '../src/train/network';

const OUT = join(import.meta.dirname, '..', 'public', 'models', 'examples');
const vocab = [UNK, 'the', 'clouds', 'are', 'in', 'sky', 'movie', 'was', 'good', 'bad', 'not', 'very', 'a', 'great', 'story'];
const model = initNetwork({ id: 'tiny-pytorch-lstm', task: 'custom', kind: 'lstm', vocab, embedDim: 4, hidden: 6, headKind: 'sigmoid', labels: ['negative', 'positive'], seed: 2026 });
const caption = {
  en: 'A tiny random (untrained) LSTM in PyTorch layout: an example of a model file you bring yourself.',
  zh: '一个很小的随机（未训练）LSTM，PyTorch 布局：自带模型文件的示例。',
};
const file = toFrameworkModelFile(model, 'pytorch', { caption }, round6);
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'tiny-pytorch-lstm.json'), `${JSON.stringify(file)}\n`);
console.log(`wrote ${join(OUT, 'tiny-pytorch-lstm.json')}`);
