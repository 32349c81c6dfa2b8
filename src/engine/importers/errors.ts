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

/**
 * The largest weight a model file may hold, in absolute value. Trained recurrent models stay far
 * below it (the shipped ones under 50); with every weight and input within it, every
 * pre-activation is a finite number (hidden sizes in the thousands, 200 steps), so no view can
 * show NaN. A gate saturates exactly long before (σ(40) is 1 in floating point).
 */
export const MAX_ABS_WEIGHT = 1e4;

/** A leaf is not a number, or is NaN / ±Infinity. `field` includes the index, e.g. `onnx.W[0][3][1]`. */
export class WeightValueError extends WeightImportError {
  constructor(field: string, found: string) {
    super(field, `${field}: expected a finite number, found ${found}`);
  }
}

/** A leaf is finite but beyond ±MAX_ABS_WEIGHT: no trained model has it, and it would overflow. */
export class WeightRangeError extends WeightImportError {
  constructor(field: string, value: number) {
    super(field, `${field}: ${value} is outside ±${MAX_ABS_WEIGHT.toLocaleString('en')}, the largest weight Gatescope reads (trained models stay far below it)`);
  }
}

/** Arrays nested deeper than a tensor can be. */
export class WeightDepthError extends WeightImportError {
  constructor(field: string, max: number) {
    super(field, `${field}: arrays nested more than ${max} deep; a weight tensor has at most ${max} dimensions`);
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
