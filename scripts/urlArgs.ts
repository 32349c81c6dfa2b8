import { cliArgs } from './cli';

/**
 * The arguments of the scripts that measure served builds side by side: the builds' URLs and
 * `--runs N`. Null when there is no URL or N is not a whole number ≥ 1 (the caller prints its usage).
 */
export function parseUrlsAndRuns(argv: readonly string[], defaultRuns: number): { urls: string[]; runs: number } | null {
  const at = argv.indexOf('--runs');
  const runs = at >= 0 ? Number(argv[at + 1]) : defaultRuns;
  // Without --runs, `at + 1` is 0: the first URL must not be taken for its value.
  const urls = argv.filter((a, k) => !a.startsWith('--') && (at < 0 || k !== at + 1));
  return urls.length > 0 && Number.isInteger(runs) && runs >= 1 ? { urls, runs } : null;
}

/** parseUrlsAndRuns on this process's arguments (after cli.ts's checks), or the usage line and exit code 2. */
export function urlsAndRuns(script: string, defaultRuns: number): { urls: string[]; runs: number } {
  const usage = `usage: npx tsx scripts/${script} URL [URL …] [--runs N]   (N loads per URL, default ${defaultRuns})`;
  cliArgs({ script, usage, options: { runs: { type: 'string' } }, positionals: Number.POSITIVE_INFINITY });
  const parsed = parseUrlsAndRuns(process.argv.slice(2), defaultRuns);
  if (parsed) return parsed;
  console.error(usage);
  process.exit(2);
}
