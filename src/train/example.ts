/**
 * The example own-model file (public/models/examples/tiny-pytorch-lstm.json): a random, seeded,
 * untrained LSTM written in the PyTorch layout by the engine's exporter. scripts/make-example.ts
 * writes it; a test checks the committed file is exactly this, so it is never edited by hand.
 * It lives in train/ because it builds a network (network.ts) and then writes it as a file
 * (models/), the direction train → models the folders follow.
 */
import { KINDS, UNK } from '../engine';
import { round6 } from '../models/write-format';
import { toFrameworkModelFile } from '../models/write-layouts';
import { initNetwork } from './network';

export const EXAMPLE_PATH = 'models/examples/tiny-pytorch-lstm.json';

function exampleModelFile(): Record<string, unknown> {
  const vocab = [UNK, 'the', 'clouds', 'are', 'in', 'sky', 'movie', 'was', 'good', 'bad', 'not', 'very', 'a', 'great', 'story'];
  // A PyTorch nn.LSTM: the kind PyTorch stores as its LSTM op.
  const kind = KINDS.find((k) => k.layouts.pytorch?.op === 'LSTM')!.id;
  const model = initNetwork({ id: 'tiny-pytorch-lstm', task: 'custom', kind, vocab, embedDim: 4, hidden: 6, headKind: 'sigmoid', labels: ['negative', 'positive'], seed: 2026 });
  const caption = {
    en: 'A tiny random (untrained) LSTM in PyTorch layout: an example of a model file you bring yourself.',
    zh: '一个很小的随机（未训练）LSTM，PyTorch 布局：自带模型文件的示例。',
  };
  return toFrameworkModelFile(model, 'pytorch', { caption }, round6);
}

export const exampleModelText = () => `${JSON.stringify(exampleModelFile())}\n`;
