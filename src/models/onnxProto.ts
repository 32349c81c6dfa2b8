/**
 * The ONNX protobuf, read: the messages and fields of onnx.proto that the .onnx reader needs
 * (onnx.ts), decoded with protobufjs' Reader and the schema's own field numbers, and a tensor's
 * numbers from raw_data or its typed fields. Every error names the file and the tensor.
 */
import protobuf from 'protobufjs/minimal';
import { ModelFileError } from './errors';
import { f16 } from './safetensors';

type Long = protobuf.Long;
export interface RawTensor {
  dims?: (number | Long)[];
  data_type?: number;
  float_data?: number[];
  int32_data?: number[];
  int64_data?: (number | Long)[];
  double_data?: number[];
  name?: string;
  raw_data?: Uint8Array;
  data_location?: number;
}
export interface RawAttribute {
  name?: string;
  type?: number;
  f?: number;
  i?: number | Long;
  s?: Uint8Array;
  t?: RawTensor;
  floats?: number[];
  ints?: (number | Long)[];
  strings?: Uint8Array[];
}
export interface RawNode {
  input?: string[];
  output?: string[];
  name?: string;
  op_type?: string;
  attribute?: RawAttribute[];
}
export interface RawModel {
  graph?: { node?: RawNode[]; initializer?: RawTensor[]; input?: { name?: string }[]; output?: { name?: string }[] };
  metadata_props?: { key?: string; value?: string }[];
}

// ── Static decoders for the part of onnx.proto that is read, as protobufjs' static code is:
// protobufjs' Reader does the wire format; the field numbers are onnx.proto's (IR version 8).
// (Its reflection decoders compile code at run time, which the page's CSP rightly forbids.)
type Reader = protobuf.Reader;
/** Reads one message of `len` bytes, calling `field` for each tag; unknown fields are skipped. */
function message(r: Reader, len: number, field: (no: number, wire: number) => boolean): void {
  const end = r.pos + len;
  if (end > r.len) throw new RangeError(`a message of ${len} bytes at offset ${r.pos} runs past the end (${r.len} bytes)`);
  while (r.pos < end) {
    const tag = r.uint32();
    if (!field(tag >>> 3, tag & 7)) r.skipType(tag & 7);
  }
  if (r.pos !== end) throw new RangeError(`a field runs past the end of its message at offset ${r.pos}`);
}
/** A repeated scalar, packed (wire type 2) or one value per tag. */
function repeated<T>(wire: number, into: T[] | undefined, one: () => T, packed: (a: T[]) => T[]): T[] {
  const a = into ?? [];
  return wire === 2 ? packed(a) : (a.push(one()), a);
}
function decodeTensor(r: Reader, len: number): RawTensor {
  const t: RawTensor = {};
  message(r, len, (no, wire) => {
    switch (no) {
      case 1:
        t.dims = repeated(
          wire,
          t.dims,
          () => r.int64(),
          (a) => r.int64s(a),
        );
        return true;
      case 2:
        t.data_type = r.int32();
        return true;
      case 4:
        t.float_data = repeated(
          wire,
          t.float_data,
          () => r.float(),
          (a) => r.floats(a),
        );
        return true;
      case 5:
        t.int32_data = repeated(
          wire,
          t.int32_data,
          () => r.int32(),
          (a) => r.int32s(a),
        );
        return true;
      case 7:
        t.int64_data = repeated(
          wire,
          t.int64_data,
          () => r.int64(),
          (a) => r.int64s(a),
        );
        return true;
      case 8:
        t.name = r.string();
        return true;
      case 9:
        t.raw_data = r.bytes();
        return true;
      case 10:
        t.double_data = repeated(
          wire,
          t.double_data,
          () => r.double(),
          (a) => r.doubles(a),
        );
        return true;
      case 14:
        t.data_location = r.int32();
        return true;
      default:
        return false;
    }
  });
  return t;
}
function decodeAttribute(r: Reader, len: number): RawAttribute {
  const a: RawAttribute = {};
  message(r, len, (no, wire) => {
    switch (no) {
      case 1:
        a.name = r.string();
        return true;
      case 20:
        a.type = r.int32();
        return true;
      case 2:
        a.f = r.float();
        return true;
      case 3:
        a.i = r.int64();
        return true;
      case 4:
        a.s = r.bytes();
        return true;
      case 5:
        a.t = decodeTensor(r, r.uint32());
        return true;
      case 7:
        a.floats = repeated(
          wire,
          a.floats,
          () => r.float(),
          (x) => r.floats(x),
        );
        return true;
      case 8:
        a.ints = repeated(
          wire,
          a.ints,
          () => r.int64(),
          (x) => r.int64s(x),
        );
        return true;
      case 9:
        (a.strings ??= []).push(r.bytes());
        return true;
      default:
        return false;
    }
  });
  return a;
}
function decodeNode(r: Reader, len: number): RawNode {
  const n: RawNode = {};
  message(r, len, (no) => {
    switch (no) {
      case 1:
        (n.input ??= []).push(r.string());
        return true;
      case 2:
        (n.output ??= []).push(r.string());
        return true;
      case 3:
        n.name = r.string();
        return true;
      case 4:
        n.op_type = r.string();
        return true;
      case 5:
        (n.attribute ??= []).push(decodeAttribute(r, r.uint32()));
        return true;
      default:
        return false;
    }
  });
  return n;
}
function decodeValueInfo(r: Reader, len: number): { name?: string } {
  const v: { name?: string } = {};
  message(r, len, (no) => (no === 1 ? ((v.name = r.string()), true) : false));
  return v;
}
function decodeGraph(r: Reader, len: number): NonNullable<RawModel['graph']> {
  const g: NonNullable<RawModel['graph']> = {};
  message(r, len, (no) => {
    switch (no) {
      case 1:
        (g.node ??= []).push(decodeNode(r, r.uint32()));
        return true;
      case 5:
        (g.initializer ??= []).push(decodeTensor(r, r.uint32()));
        return true;
      case 11:
        (g.input ??= []).push(decodeValueInfo(r, r.uint32()));
        return true;
      case 12:
        (g.output ??= []).push(decodeValueInfo(r, r.uint32()));
        return true;
      default:
        return false;
    }
  });
  return g;
}
function decodeModel(bytes: Uint8Array): RawModel {
  const r = protobuf.Reader.create(bytes);
  const m: RawModel = {};
  message(r, bytes.length, (no) => {
    switch (no) {
      case 7:
        m.graph = decodeGraph(r, r.uint32());
        return true;
      case 14: {
        const e: { key?: string; value?: string } = {};
        message(r, r.uint32(), (k) => (k === 1 ? ((e.key = r.string()), true) : k === 2 ? ((e.value = r.string()), true) : false));
        (m.metadata_props ??= []).push(e);
        return true;
      }
      default:
        return false;
    }
  });
  return m;
}

/** An int64 as a number (protobufjs gives a number, or low/high halves when long.js is present). */
export const num = (v: number | Long | undefined) => (v === undefined ? 0 : typeof v === 'number' ? v : (v.unsigned ? v.high >>> 0 : v.high) * 2 ** 32 + (v.low >>> 0));
export const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : '');

export interface OnnxTensor {
  readonly dims: readonly number[];
  readonly data: Float64Array;
}

// TensorProto.DataType: FLOAT 1, INT32 6, INT64 7, FLOAT16 10, DOUBLE 11, BFLOAT16 16.
const FLOAT = 1;
const INT32 = 6;
const INT64 = 7;
const FLOAT16 = 10;
const DOUBLE = 11;
const BFLOAT16 = 16;

const half = f16;

/** A tensor's numbers, from raw_data (little-endian) or the typed fields. */
export function tensorOf(t: RawTensor, file: string): OnnxTensor {
  const name = t.name || '(unnamed)';
  const fail = (what: string) => new ModelFileError(file, `tensor ${name}: ${what}`);
  if (t.data_location === 1) throw fail('its data is in an external file; export with the weights inside the .onnx (save_as_external_data=False)');
  const dims = (t.dims ?? []).map(num);
  if (!dims.every((d) => Number.isSafeInteger(d) && d >= 0)) throw fail(`dims [${dims.join(', ')}] are not sizes`);
  const count = dims.reduce((a, b) => a * b, 1);
  const type = t.data_type ?? 0;
  const size = type === FLOAT || type === INT32 ? 4 : type === DOUBLE || type === INT64 ? 8 : type === FLOAT16 || type === BFLOAT16 ? 2 : 0;
  if (!size) throw fail(`data type ${type} is not one Gatescope reads (float, double, float16, bfloat16; int32/int64 for shapes)`);
  const data = new Float64Array(count);
  const raw = t.raw_data;
  if (raw && raw.length > 0) {
    if (raw.length !== count * size) throw fail(`dims [${dims.join(', ')}] need ${count * size} bytes, raw_data has ${raw.length}`);
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    for (let k = 0; k < count; k++) {
      const p = k * size;
      data[k] =
        type === FLOAT
          ? view.getFloat32(p, true)
          : type === DOUBLE
            ? view.getFloat64(p, true)
            : type === INT32
              ? view.getInt32(p, true)
              : type === INT64
                ? Number(view.getBigInt64(p, true))
                : type === FLOAT16
                  ? half(view.getUint16(p, true))
                  : new Float32Array(new Uint32Array([view.getUint16(p, true) << 16]).buffer)[0]!;
    }
    return { dims, data };
  }
  const typed: readonly (number | Long)[] = type === DOUBLE ? (t.double_data ?? []) : type === INT64 ? (t.int64_data ?? []) : type === FLOAT ? (t.float_data ?? []) : (t.int32_data ?? []);
  if (typed.length !== count) throw fail(`dims [${dims.join(', ')}] need ${count} values, the tensor has ${typed.length}`);
  // float16/bfloat16 in int32_data hold the bits.
  typed.forEach((v, k) => {
    const x = num(v);
    data[k] = type === FLOAT16 ? half(x) : type === BFLOAT16 ? new Float32Array(new Uint32Array([x << 16]).buffer)[0]! : x;
  });
  return { dims, data };
}

/** Nested arrays of `dims`, as the JSON model file holds tensors. */
export function nestedOf(t: OnnxTensor): unknown {
  const build = (d: number, at: number): unknown => {
    if (d === t.dims.length - 1) return Array.from(t.data.subarray(at, at + t.dims[d]!));
    const stride = t.dims.slice(d + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: t.dims[d]! }, (_, k) => build(d + 1, at + k * stride));
  };
  return t.dims.length === 0 ? Array.from(t.data) : build(0, 0);
}

/** Decodes the protobuf; a truncated or foreign file gets a message naming the file. */
export function decodeOnnx(bytes: Uint8Array, file: string): RawModel {
  try {
    return decodeModel(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new ModelFileError(file, `is not a readable ONNX model (its protobuf does not decode: ${why.slice(0, 80)}); it may be cut short, or not an .onnx file`);
  }
}
