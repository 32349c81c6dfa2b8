/** Writes the example own-model file (see src/train/example.ts). Run: npx tsx scripts/make-example.ts */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXAMPLE_PATH, exampleModelText } from '../src/train/example';

const out = join(import.meta.dirname, '..', 'public', EXAMPLE_PATH);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, exampleModelText());
console.log(`wrote ${out}`);
