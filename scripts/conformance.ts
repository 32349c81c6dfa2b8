/**
 * npm run conformance -- [DIR]
 * Checks the engine against every vector file under DIR (default: ../shared/conformance, the
 * classic cells, and ../shared/conformance-modern, today's, relative to this repository, not the
 * cwd). Exit status 1 if any file fails or cannot be read.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliArgs } from './cli';
import { runConformance } from './conformance-lib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = cliArgs({
  script: 'conformance.ts',
  usage: `
usage: npm run conformance -- [DIR]
Checks the engine against every vector file under DIR (default ../shared/conformance and
../shared/conformance-modern beside this repository). Exit status 1 if any file fails or cannot
be read.`,
  positionals: 1,
}).positionals[0];
// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const dirs = arg ? [resolve(cwd, arg)] : [resolve(repoRoot, '../shared/conformance'), resolve(repoRoot, '../shared/conformance-modern')];

let passed = 0;
let failed = 0;
let fatal = false;
for (const dir of dirs) {
  console.log(`conformance: ${dir}`);
  const report = runConformance(dir);
  for (const line of report.lines) console.log(line);
  passed += report.passed;
  failed += report.failed;
  fatal ||= report.fatal !== null;
}
if (dirs.length > 1) console.log(`all: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || fatal ? 1 : 0;
