import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs a script as `npx tsx scripts/<name>` does, and returns what it printed and its exit code. */
function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the scripts answer --help, and name a wrong flag in one line', () => {
  // One script per way of taking arguments: flags (trace), none (make-example), one folder
  // (conformance), URLs and --runs (perf-load).
  for (const [script, usage] of [
    ['trace.ts', 'usage: npm run trace --'],
    ['make-example.ts', 'usage: npx tsx scripts/make-example.ts'],
    ['conformance.ts', 'usage: npm run conformance -- [DIR]'],
    ['perf-load.ts', 'usage: npx tsx scripts/perf-load.ts URL'],
  ] as const) {
    it(script, () => {
      const help = run(script, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toContain(usage);
      const bad = run(script, '--frobnicate', 'x');
      expect(bad.code).toBe(2);
      expect(bad.out).toBe('');
      expect(bad.err).toBe(`${script}: unknown option --frobnicate (--help shows the usage)\n`);
    });
  }

  it('a flag without its value, and a stray argument, are named too', () => {
    expect(run('trace.ts', '--text')).toMatchObject({ code: 2, err: "trace.ts: Option '--text <value>' argument missing (--help shows the usage)\n" });
    expect(run('conformance.ts', 'a', 'b')).toMatchObject({ code: 2, err: "conformance.ts: unexpected argument 'b' (--help shows the usage)\n" });
  });
});
