/**
 * The command line of every script: `--help` (or -h) prints the script's usage and exits 0; a
 * flag it does not take, a flag without its value, or an argument it does not expect is one line
 * on stderr that names it, and exit code 2. Node's parseArgs throws a stack trace instead, which
 * hides the one word the user mistyped.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

interface Cli<O extends ParseArgsOptionsConfig> {
  /** The script's file name, as the messages name it (`trace.ts`). */
  readonly script: string;
  /** Printed for --help: how to call it, and what each flag means. */
  readonly usage: string;
  readonly options?: O;
  /** How many arguments without a flag it takes (default none). */
  readonly positionals?: number;
  /** Defaults to this process's arguments. */
  readonly args?: readonly string[];
}

const asksForHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

/** What is wrong with the command line, in one line, or null when parseArgs threw something else. */
function argumentProblem(e: unknown): string | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  const message = e instanceof Error ? e.message : String(e);
  const named = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${named ?? message}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${named ?? message}`;
  // ERR_PARSE_ARGS_INVALID_OPTION_VALUE: "Option '--text <value>' argument missing", and the like.
  return message.split('\n')[0]!.replace(/\.$/, '');
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: boolean }>>;

/** Parses the script's flags, or answers --help, or stops at a wrong flag (see the file's header). */
export function cliArgs<const O extends ParseArgsOptionsConfig = Record<never, never>>(cli: Cli<O>): Parsed<O> {
  const args = [...(cli.args ?? process.argv.slice(2))];
  if (asksForHelp(args)) {
    process.stdout.write(`${cli.usage.trim()}\n`);
    process.exit(0);
  }
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args, options: cli.options ?? ({} as O), strict: true, allowPositionals: (cli.positionals ?? 0) > 0 });
  } catch (e) {
    const problem = argumentProblem(e);
    if (problem === null) throw e;
    fail(cli.script, `${problem} (--help shows the usage)`);
  }
  const extra = parsed.positionals.slice(cli.positionals ?? 0);
  if (extra.length) fail(cli.script, `unexpected argument '${extra[0]}' (--help shows the usage)`);
  return parsed;
}

function fail(script: string, message: string): never {
  process.stderr.write(`${script}: ${message}\n`);
  process.exit(2);
}
