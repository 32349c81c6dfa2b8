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
