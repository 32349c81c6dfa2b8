/**
 * npm run conformance -- [DIR]
 * Checks the engine against every vector file under DIR (default ../shared/conformance,
 * relative to this repository, not the cwd). Exit status 1 if any file fails or cannot be read.
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
Checks the engine against every vector file under DIR (default ../shared/conformance beside this
repository). Exit status 1 if any file fails or cannot be read.`,
  positionals: 1,
}).positionals[0];
// npm runs scripts from the package root; INIT_CWD is where the user typed the command.
const cwd = process.env.INIT_CWD ?? process.cwd();
const dir = arg ? resolve(cwd, arg) : resolve(repoRoot, '../shared/conformance');

console.log(`conformance: ${dir}`);
const report = runConformance(dir);
for (const line of report.lines) console.log(line);
process.exitCode = report.failed > 0 || report.fatal ? 1 : 0;
