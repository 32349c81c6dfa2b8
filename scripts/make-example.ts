/** Writes the example own-model file (see src/train/example.ts). Run: npx tsx scripts/make-example.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXAMPLE_PATH, exampleModelText } from '../src/train/example';
import { cliArgs } from './cli';

cliArgs({
  script: 'make-example.ts',
  usage: `
usage: npx tsx scripts/make-example.ts
Writes public/models/examples/tiny-pytorch-lstm.json, the example own-model file.`,
});

const out = join(import.meta.dirname, '..', 'public', EXAMPLE_PATH);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, exampleModelText());
console.log(`wrote ${out}`);
