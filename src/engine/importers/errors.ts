/**
 * Errors thrown by the weight importers. Every one names the offending field (e.g.
 * `keras.kernel`), so a student pasting weights from a notebook sees what to fix, and a UI
 * can point at the field without parsing the message.
 */

/** Base class: anything wrong with imported weights or options. */
export class WeightImportError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An array has the wrong rank or size, or is ragged. */
export class WeightShapeError extends WeightImportError {
  constructor(
    field: string,
    readonly expected: string,
    readonly found: string,
    detail = '',
  ) {
    super(field, `${field}: expected shape ${expected}, found ${found}${detail ? ` (${detail})` : ''}`);
  }
}

/** A required field is absent (undefined or null). */
export class MissingFieldError extends WeightImportError {
  constructor(field: string, what = 'a nested number array') {
    super(field, `${field}: missing (expected ${what})`);
  }
}

/** A leaf is not a number, or is NaN / ±Infinity. `field` includes the index, e.g. `onnx.W[0][3][1]`. */
export class WeightValueError extends WeightImportError {
  constructor(field: string, found: string) {
    super(field, `${field}: expected a finite number, found ${found}`);
  }
}

/** The requested cell kind does not exist, or the framework has no such layer. */
export class UnknownKindError extends WeightImportError {
  constructor(field: string, kind: unknown, allowed: readonly string[]) {
    super(field, `${field}: unknown cell kind ${describe(kind)}; expected one of ${allowed.join(', ')}`);
  }
}

/** An option the engine cannot represent (e.g. ONNX bidirectional, PyTorch relu RNN). */
export class UnsupportedOptionError extends WeightImportError {
  constructor(field: string, found: unknown, supported: string) {
    super(field, `${field}: unsupported value ${describe(found)}; supported: ${supported}`);
  }
}

/** A short, safe rendering of an unexpected value for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return typeof v;
}
