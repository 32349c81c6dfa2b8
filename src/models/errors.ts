/** A model file problem, named by the path of the offending field (`cell.weights.kernel`). */
export class ModelFileError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'ModelFileError';
  }
}

/**
 * Where the fields of a model file made from a user's `.safetensors` or `.onnx` came from, in that
 * file's words: [path in the model file, what the user has]. A path ending in "." is a prefix
 * (`cell.weights.` → `tensor rnn.`), any other matches itself and what is inside it.
 */
export type Origins = readonly (readonly [path: string, words: string])[];

/**
 * An error about the model file a converter made from the user's `file`, said again in that
 * file's words: its name first, and the tensor, node or metadata entry the field came from,
 * since the user never saw `cell.config.nonlinearity` but wrote the metadata or the module it
 * was read from. Errors already about the file itself, and other errors, pass unchanged.
 */
export function inUsersWords(e: unknown, file: string, origins: Origins): unknown {
  if (!(e instanceof ModelFileError) || e.path === file) return e;
  const detail = e.message.slice(e.path.length + 2);
  const matches = ([p]: readonly [string, string]) => (p.endsWith('.') ? e.path.startsWith(p) : e.path === p || e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`));
  // The most specific origin: `cell.config.nonlinearity` before `cell.config.`.
  const best = origins.filter(matches).sort((a, b) => b[0].length - a[0].length)[0];
  const where = best ? best[1] + e.path.slice(best[0].length) : `${e.path} (of the model Gatescope made from it)`;
  return new ModelFileError(file, `${where}: ${detail}`);
}
