/**
 * Checks the engine against the golden vector files (see ../shared/conformance/README.md):
 * every file is run through the canonical weights and through every native layout it carries,
 * and h, c, the final state, every gate and every pre-activation are compared with `expected`.
 * Pure apart from reading files, so that both the CLI and Vitest can use it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extraLengthOf, extraSlotsOf, initialState, kindOf, run, type CellParams, type StepTrace } from '../src/engine';
import { fromCanonical, fromKeras, fromOnnx, fromPytorch } from '../src/engine/importers';
import { readTensor } from '../src/engine/importers/shape';
import { Diff, isNullSeq, type Value } from './conformance-diff';
import { CELLS, PRE_FIELD, sameConfig, TRACE_FIELD, type CellSpec } from './conformance-cells';

const TOLERANCE = 1e-5;

interface LayoutResult {
  readonly layout: string;
  readonly maxError: number;
  readonly maxAt: string;
  readonly problems: readonly string[];
}

interface FileResult {
  readonly file: string;
  readonly ok: boolean;
  readonly layouts: readonly LayoutResult[];
  /** File-level problems (unreadable, unknown cell, …). */
  readonly problems: readonly string[];
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Vector files have schemaVersion, weights and x; anything else (summary.json) is skipped. */
export function isVectorFile(json: unknown): boolean {
  return isObj(json) && 'schemaVersion' in json && 'weights' in json && 'x' in json;
}

/** Every *.json under dir, recursively, sorted for stable output. */
export function findJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findJsonFiles(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

function importLayout(layout: string, block: unknown, spec: CellSpec): CellParams {
  const b = isObj(block) ? block : {};
  switch (layout) {
    case 'pytorch':
      return fromPytorch(spec.op ?? spec.kind, b as never);
    case 'keras': {
      const ra = b.reset_after;
      const opts = { ...spec.keras, ...(typeof ra === 'boolean' ? { reset_after: ra } : {}) };
      return fromKeras(spec.op ?? spec.kind, b as never, opts);
    }
    case 'onnx': {
      // The files record some attributes (linear_before_reset) but not all (input_forget,
      // activations); the cell name supplies the rest, and sameConfig checks the result.
      const attrs = isObj(b.attributes) ? b.attributes : {};
      return fromOnnx(spec.op ?? spec.kind, b as never, { ...spec.onnx, ...attrs });
    }
    default:
      throw new Error(`weights.native.${layout}: unknown layout (expected pytorch, keras or onnx)`);
  }
}

/** A field of the step's trace by the files' name for it (g is the LSTM's cTilde, htilde the hTilde). */
function fieldOf(o: object, key: string, names: Readonly<Record<string, string>> = TRACE_FIELD): Value {
  const rec = o as Readonly<Record<string, Value>>;
  const name = names[key] ?? key;
  return name in rec ? rec[name] : undefined;
}

/** The engine's value for a gate or pre-activation key at one step, or undefined if unknown. */
function gateOf(t: StepTrace, key: string, spec: CellSpec): Value {
  return spec.gates.includes(key) ? fieldOf(t, key) : undefined;
}

function preOf(t: StepTrace, key: string): Value {
  return fieldOf(t.pre, key, PRE_FIELD);
}

function compareBlock(d: Diff, name: 'gates' | 'preactivations' | 'projections', traces: readonly StepTrace[], expected: unknown, spec: CellSpec): void {
  const keys = name === 'gates' ? spec.gates : name === 'preactivations' ? spec.pre : spec.projections;
  if (expected === undefined && traces.length === 0) return; // zero-length files omit them
  if (!isObj(expected)) {
    if (keys.length > 0 || expected !== undefined) d.problem(`expected.${name}: missing or not an object`);
    return;
  }
  for (const k of keys) if (!(k in expected) && traces.length > 0) d.problem(`expected.${name}.${k}: missing`);
  for (const [k, exp] of Object.entries(expected)) {
    const path = `${name}.${k}`;
    if (!keys.includes(k)) {
      d.problem(`expected.${path}: not a ${name === 'gates' ? 'gate' : name === 'preactivations' ? 'pre-activation' : 'projection'} of this cell`);
      continue;
    }
    const actual = traces.map((t) => (name === 'gates' ? gateOf(t, k, spec) : name === 'preactivations' ? preOf(t, k) : fieldOf(t, k)) ?? null);
    if (name === 'preactivations' && isNullSeq(exp)) d.nullSeq(path, actual, exp);
    else d.seq(path, actual, exp);
  }
}

/** Runs one set of params over the file's inputs and compares everything in `expected`. */
function compareRun(p: CellParams, spec: CellSpec, j: Json): Diff {
  const d = new Diff();
  const dims = isObj(j.dims) ? j.dims : {};
  if (!sameConfig(p, spec, dims)) {
    d.problem(`imported as ${describeParams(p)}, the cell needs ${spec.describe} with dims ${JSON.stringify(dims)}`);
    return d;
  }
  const H = p.hiddenSize;
  const steps = Array.isArray(j.x) ? j.x.length : -1;
  const x = readTensor('x', j.x);
  if (steps !== 0 && (x.shape.length !== 2 || x.shape[1] !== p.inputSize || x.shape[0] !== dims.steps)) {
    d.problem(`x: expected shape [${String(dims.steps)}][${p.inputSize}], found [${x.shape.join('][')}]`);
    return d;
  }
  const xs = Array.from({ length: steps }, (_, t) => x.data.slice(t * p.inputSize, (t + 1) * p.inputSize));
  const init = isObj(j.initial) ? j.initial : {};
  // mLSTM's h is an output, not a state: its files give none (the step never reads it).
  const h0 = init.h === undefined && extraSlotsOf(p.kind, H).length > 0 && !spec.hasC ? null : readTensor('initial.h', init.h);
  const c0 = spec.hasC ? readTensor('initial.c', init.c) : null;
  if ((h0 && h0.data.length !== H) || (c0 && c0.data.length !== H)) {
    d.problem(`initial: expected h${c0 ? ' and c' : ''} of length ${H}`);
    return d;
  }
  const slots = extraSlotsOf(p.kind, H);
  const extra0 = new Float64Array(extraLengthOf(p.kind, H));
  for (const s of slots) {
    const v = readTensor(`initial.${s.name}`, init[s.name]);
    if (v.data.length !== s.length) {
      d.problem(`initial.${s.name}: expected ${s.length} values, found ${v.data.length}`);
      return d;
    }
    extra0.set(v.data, s.offset);
  }
  const { traces, final } = run(p, xs, initialState(p, h0?.data, c0?.data, slots.length ? extra0 : undefined));
  const e = isObj(j.expected) ? j.expected : {};
  d.seq(
    'h',
    traces.map((t) => t.h),
    e.h,
  );
  if (spec.hasC)
    d.seq(
      'c',
      traces.map((t) => fieldOf(t, 'c') ?? null),
      e.c,
    );
  for (const k of spec.states)
    d.seq(
      k,
      traces.map((t) => fieldOf(t, k) ?? null),
      e[k],
    );
  const fin = isObj(e.final) ? e.final : {};
  if (h0 || fin.h !== undefined) d.vec('final.h', final.h, fin.h);
  if (spec.hasC) d.vec('final.c', final.c, fin.c);
  else if (fin.c !== undefined && fin.c !== null) d.problem('final.c: this cell has no cell state');
  for (const s of slots) {
    const v = final.extra?.subarray(s.offset, s.offset + s.length);
    d.value(`final.${s.name}`, v && s.shape === 'scalar' ? v[0] : v && s.shape === 'matrix' ? { rows: H, cols: H, data: v } : v, fin[s.name]);
  }
  compareBlock(d, 'gates', traces, e.gates, spec);
  compareBlock(d, 'preactivations', traces, e.preactivations, spec);
  if (spec.projections.length > 0 || e.projections !== undefined) compareBlock(d, 'projections', traces, e.projections, spec);
  return d;
}

function describeParams(p: CellParams): string {
  const v = kindOf(p.kind).variant;
  const extra = v ? ` ${v}=${(p as unknown as Record<string, string>)[v]}` : '';
  const act = 'gateActivation' in p ? ` ${p.gateActivation}` : '';
  return `${p.kind}${act}${extra} ${p.inputSize}→${p.hiddenSize}`;
}

function checkLayout(layout: string, spec: CellSpec, j: Json, make: () => CellParams): LayoutResult {
  try {
    const d = compareRun(make(), spec, j);
    return { layout, maxError: d.max, maxAt: d.maxAt, problems: d.problems };
  } catch (err) {
    return { layout, maxError: Infinity, maxAt: '', problems: [err instanceof Error ? err.message : String(err)] };
  }
}

/** Checks one parsed vector file. `file` is only used for reporting. */
export function checkVector(file: string, json: unknown): FileResult {
  const fail = (msg: string): FileResult => ({ file, ok: false, layouts: [], problems: [msg] });
  if (!isObj(json) || !isVectorFile(json)) return fail('not a vector file (needs schemaVersion, weights, x)');
  if (json.schemaVersion !== 1) return fail(`schemaVersion ${String(json.schemaVersion)} is not supported (expected 1)`);
  const spec = typeof json.cell === 'string' ? CELLS[json.cell] : undefined;
  if (!spec) return fail(`unknown cell ${JSON.stringify(json.cell)} (expected one of ${Object.keys(CELLS).join(', ')})`);
  const w = isObj(json.weights) ? json.weights : {};
  const layouts = [checkLayout('canonical', spec, json, () => fromCanonical(spec.kind, w.canonical, spec.canonical))];
  const native = w.native === undefined ? {} : w.native;
  if (!isObj(native)) return fail('weights.native: not an object');
  for (const [name, block] of Object.entries(native)) {
    layouts.push(checkLayout(name, spec, json, () => importLayout(name, block, spec)));
  }
  const ok = layouts.every((l) => l.problems.length === 0 && l.maxError <= TOLERANCE);
  return { file, ok, layouts, problems: [] };
}

/** Reads and checks one file; unreadable or unparsable files fail instead of throwing. */
export function checkFile(path: string, root = ''): FileResult | 'skip' {
  const file = root ? relative(root, path) : path;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return { file, ok: false, layouts: [], problems: [`cannot read: ${(err as Error).message}`] };
  }
  return isVectorFile(json) ? checkVector(file, json) : 'skip';
}

const fmt = (e: number) => (Number.isFinite(e) ? e.toExponential(1) : String(e));

export function formatResult(r: FileResult): string {
  const errs = r.layouts.map((l) => `${l.layout} ${fmt(l.maxError)}`).join('  ');
  const problems = [...r.problems, ...r.layouts.flatMap((l) => l.problems.map((p) => `${l.layout}: ${p}`))];
  const over = r.layouts.filter((l) => !(l.maxError <= TOLERANCE) && l.problems.length === 0);
  const why = [...problems, ...over.map((l) => `${l.layout}: max error ${fmt(l.maxError)} at ${l.maxAt} > ${TOLERANCE}`)];
  return `${r.ok ? 'PASS' : 'FAIL'}  ${r.file.padEnd(34)} ${errs}${why.length ? `\n      ${why.join('\n      ')}` : ''}`;
}

interface Report {
  readonly lines: string[];
  readonly passed: number;
  readonly failed: number;
  /** Set when the run as a whole is broken (unreadable directory, no vector files). */
  readonly fatal: string | null;
}

/** Checks every vector file under dir. A missing directory or no vector files is fatal. */
export function runConformance(dir: string): Report {
  let files: string[];
  try {
    files = findJsonFiles(dir);
  } catch (err) {
    const fatal = `cannot read ${dir}: ${(err as Error).message}`;
    return { lines: [fatal, '0 passed, 0 failed'], passed: 0, failed: 0, fatal };
  }
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const path of files) {
    const r = checkFile(path, dir);
    if (r === 'skip') {
      lines.push(`skip  ${relative(dir, path)} (not a vector file: no schemaVersion + weights + x)`);
      continue;
    }
    lines.push(formatResult(r));
    if (r.ok) passed++;
    else failed++;
  }
  // Zero files checked must not look like success.
  const fatal = passed + failed === 0 ? `no vector files under ${dir}` : null;
  if (fatal) lines.push(fatal);
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed, fatal };
}
