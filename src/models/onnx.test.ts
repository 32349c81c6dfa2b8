/**
 * The .onnx reader on real torch.onnx.export files (scripts/fixtures/pytorch; their numbers are
 * checked against PyTorch in scripts/pytorch-fixtures.test.ts) and on broken ones made from
 * them: every problem gets a message naming the file and what is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stackOf } from '../engine';
import { readModelFile } from './format';
import protobuf from 'protobufjs/light';
import { decodeOnnx, onnxToModel, onnxToModelFile, type RawModel } from './onnx';
import { readVocab } from './safetensors';

const DIR = resolve(__dirname, '../../scripts/fixtures/pytorch');

/**
 * The same messages for protobufjs' reflection (encoder and decoder), from onnx.proto's field
 * numbers: the tests encode broken files with it, and check the reader's static decoders
 * against it. (The page cannot use reflection: it compiles code at run time, which its CSP forbids.)
 */
const repeated = (type: string, id: number) => ({ rule: 'repeated', type, id });
const Model = protobuf.Root.fromJSON({
  nested: {
    ModelProto: { fields: { graph: { type: 'GraphProto', id: 7 }, metadata_props: repeated('StringStringEntryProto', 14) } },
    StringStringEntryProto: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    GraphProto: { fields: { node: repeated('NodeProto', 1), initializer: repeated('TensorProto', 5), input: repeated('ValueInfoProto', 11), output: repeated('ValueInfoProto', 12) } },
    ValueInfoProto: { fields: { name: { type: 'string', id: 1 } } },
    NodeProto: {
      fields: { input: repeated('string', 1), output: repeated('string', 2), name: { type: 'string', id: 3 }, op_type: { type: 'string', id: 4 }, attribute: repeated('AttributeProto', 5) },
    },
    AttributeProto: {
      fields: {
        name: { type: 'string', id: 1 },
        type: { type: 'int32', id: 20 },
        f: { type: 'float', id: 2 },
        i: { type: 'int64', id: 3 },
        s: { type: 'bytes', id: 4 },
        t: { type: 'TensorProto', id: 5 },
        floats: repeated('float', 7),
        ints: repeated('int64', 8),
        strings: repeated('bytes', 9),
      },
    },
    TensorProto: {
      fields: {
        dims: repeated('int64', 1),
        data_type: { type: 'int32', id: 2 },
        float_data: repeated('float', 4),
        int32_data: repeated('int32', 5),
        int64_data: repeated('int64', 7),
        name: { type: 'string', id: 8 },
        raw_data: { type: 'bytes', id: 9 },
        double_data: repeated('double', 10),
        data_location: { type: 'int32', id: 14 },
      },
    },
  },
}).lookupType('ModelProto');
const encodeOnnx = (m: RawModel) => Model.encode(Model.fromObject(m as Record<string, unknown>)).finish();
const reflected = (b: Uint8Array) => Model.toObject(Model.decode(b), { longs: Number, defaults: false }) as RawModel;
const bytes = (name: string) => new Uint8Array(readFileSync(resolve(DIR, name)));
const vocab = readVocab(readFileSync(resolve(DIR, 'lstm-1.vocab.txt'), 'utf8'), 'vocab.txt');
const read = (b: Uint8Array, v: readonly string[] | null = vocab) => readModelFile(onnxToModelFile(b, 'my.onnx', v)).model;
/** A fresh decoded copy of a fixture, to break. */
const decoded = (name: string): RawModel => reflected(bytes(name));
const lstm = () => reflected(bytes('lstm-1.onnx'));

describe('the .onnx reader', () => {
  it('decodes what protobufjs reflection decodes, for every fixture', () => {
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.onnx'))) {
      const mine = decodeOnnx(bytes(f), f);
      const ref = reflected(bytes(f));
      // Bytes as lists, int64s as numbers; zero and empty values left out (reflection leaves out a
      // scalar equal to its default even when the file holds it).
      const norm = (m: RawModel) => {
        const plain = JSON.stringify(m, (_k, v: unknown) => {
          if (v instanceof Uint8Array) return Array.from(v);
          if (typeof v === 'object' && v !== null && 'low' in v && 'high' in v) return (v as { high: number }).high * 2 ** 32 + ((v as { low: number }).low >>> 0);
          return v;
        });
        return JSON.parse(plain, function (this: unknown, _k, v: unknown) {
          if (Array.isArray(this)) return v;
          return v === 0 || v === '' || (Array.isArray(v) && v.length === 0) ? undefined : v;
        }) as unknown;
      };
      expect(norm(mine), f).toEqual(norm(ref));
    }
  });

  it('reads torch.onnx.export files: kind, layers, embedding, head', () => {
    const one = read(bytes('lstm-1.onnx'));
    expect(one.cell.kind).toBe('lstm');
    expect(stackOf(one)).toHaveLength(1);
    expect(one.head?.kind).toBe('sigmoid');
    const two = read(bytes('gru-2.onnx'));
    expect(stackOf(two).map((c) => c.kind)).toEqual(['gru', 'gru']);
    expect(two.cell.kind === 'gru' && two.cell.reset).toBe('after'); // linear_before_reset=1
  });

  it('refuses a cut, foreign or oversized protobuf, naming the file', () => {
    const b = bytes('lstm-1.onnx');
    expect(() => read(b.subarray(0, b.length - 40))).toThrow(/^my\.onnx: is not a readable ONNX model \(its protobuf does not decode/);
    expect(() => read(new TextEncoder().encode('{"format": "gatescope-model"}'))).toThrow(/^my\.onnx: (is not a readable ONNX model|has no graph)/);
    // A graph field whose length says 2 GB, in a file of a few bytes.
    expect(() => read(Uint8Array.of(0x3a, 0x80, 0x80, 0x80, 0x80, 0x08, 1, 2, 3))).toThrow(/^my\.onnx: is not a readable ONNX model/);
    expect(() => read(new Uint8Array(0))).toThrow(/^my\.onnx: has no graph/);
  });

  it('names what is missing or cannot be shown', () => {
    const noRnn = lstm();
    noRnn.graph!.node = noRnn.graph!.node!.filter((n) => n.op_type !== 'LSTM');
    expect(() => read(encodeOnnx(noRnn))).toThrow(/^my\.onnx: has no RNN, LSTM or GRU node \(its ops: Gather, /);
    expect(() => read(bytes('lstm-1.onnx'), null)).toThrow(/^my\.onnx: holds no vocabulary: drop the vocabulary file .* the embedding has 10 rows/);
    expect(() => read(bytes('lstm-1.onnx'), vocab.slice(1))).toThrow(/has 10 rows, but the vocabulary has 9 words/);

    const noSigmoid = lstm();
    noSigmoid.graph!.node = noSigmoid.graph!.node!.filter((n) => n.op_type !== 'Sigmoid');
    expect(() => read(encodeOnnx(noSigmoid))).toThrow(/the head ends without a Sigmoid or Softmax.* metadata_props “head”/);
    noSigmoid.metadata_props = [
      { key: 'head', value: 'sigmoid' },
      { key: 'vocab', value: JSON.stringify(vocab) },
      { key: 'tokenizer', value: 'whitespace' },
    ];
    const said = read(encodeOnnx(noSigmoid), null); // the head, the vocabulary and the tokenizer said in the metadata
    expect(said.head?.kind).toBe('sigmoid');
    expect(said.tokenizer).toBe('whitespace');
  });

  it('refuses bad tensors: another dtype, a size that does not match, external data, NaN', () => {
    const W = (m: RawModel) => m.graph!.initializer!.find((t) => (t.dims ?? []).length === 3)!;
    const str = decoded('lstm-1.onnx');
    W(str).data_type = 8; // STRING
    expect(() => read(encodeOnnx(str))).toThrow(/^my\.onnx: tensor onnx::LSTM_\d+: data type 8 is not one Gatescope reads/);
    const short = lstm();
    W(short).raw_data = W(short).raw_data!.subarray(4);
    expect(() => read(encodeOnnx(short))).toThrow(/^my\.onnx: tensor onnx::LSTM_\d+: dims \[1, 16, 3\] need 192 bytes, raw_data has 188/);
    const ext = lstm();
    W(ext).data_location = 1;
    expect(() => read(encodeOnnx(ext))).toThrow(/its data is in an external file/);
    const nan = lstm();
    const raw = new Uint8Array(W(nan).raw_data!);
    new DataView(raw.buffer).setFloat32(8, Number.NaN, true);
    W(nan).raw_data = raw;
    expect(() => read(encodeOnnx(nan))).toThrow(/^cell\.weights\.W\[0\]\[0\]\[2\]: expected a finite number, found NaN/);
  });

  it('refuses an initial state that is not zero', () => {
    const m = lstm();
    const node = m.graph!.node!.find((n) => n.op_type === 'LSTM')!;
    m.graph!.initializer!.push({ name: 'h0', dims: [1, 1, 4], data_type: 1, float_data: [0, 0.5, 0, 0] });
    node.input![5] = 'h0';
    expect(() => read(encodeOnnx(m))).toThrow(/^my\.onnx: LSTM node .*: initial_h is not zero; Gatescope starts every layer from zero states/);
    m.graph!.input!.push({ name: 'h_in' });
    node.input![5] = 'h_in';
    expect(() => read(encodeOnnx(m))).toThrow(/initial_h comes from “h_in”, which Gatescope cannot show as zeros/);
  });

  it("reads the README's export without dynamic_axes: zeros as Expand(Constant), h[-1] as Concat + Gather", () => {
    const m = read(bytes('readme-lstm-2.onnx'));
    expect(stackOf(m).map((c) => c.kind)).toEqual(['lstm', 'lstm']);
    const g = decoded('readme-lstm-2.onnx').graph!;
    const ops = g.node!.map((n) => n.op_type);
    // The shapes this test is about, so that a re-export that changes them is noticed here.
    expect(ops).toContain('Expand');
    expect(ops).not.toContain('ConstantOfShape');
    expect(g.node!.find((n) => n.op_type === 'Gemm')).toBeDefined();
    expect(g.node!.some((n) => n.op_type === 'Concat' && n.input!.every((i) => /LSTM(_1)?_output_1$/.test(i)))).toBe(true);
  });

  it('refuses a head on a lower layer’s final state, naming the node and the layer', () => {
    const m = decoded('readme-lstm-2.onnx');
    const nodes = m.graph!.node!;
    const concat = nodes.find((n) => n.op_type === 'Concat' && n.input!.length === 2 && n.input!.every((i) => /_output_1$/.test(i)))!;
    const gather = nodes.find((n) => n.op_type === 'Gather' && n.input![0] === concat.output![0])!;
    // h[0] instead of h[-1]: the index as its own constant, so nothing else changes.
    m.graph!.initializer!.push({ name: 'zero_index', dims: [], data_type: 7, int64_data: [0] });
    gather.input![1] = 'zero_index';
    expect(() => read(encodeOnnx(m))).toThrow(
      /^my\.onnx: has no head after LSTM node .*; Gather node .* takes layer 0's final state \(h\[0\]\), and Gatescope's head reads the top layer's \(h\[-1\]\)/,
    );
    // The top layer named by its index (1) is the same as -1.
    m.graph!.initializer!.find((t) => t.name === 'zero_index')!.int64_data = [1];
    expect(stackOf(read(encodeOnnx(m)))).toHaveLength(2);
  });

  it('refuses a stored initial state that is not zero, also behind Expand', () => {
    const m = decoded('readme-gru-1.onnx');
    const gru = m.graph!.node!.find((n) => n.op_type === 'GRU')!;
    const expand = m.graph!.node!.find((n) => n.output![0] === gru.input![5])!;
    expect(expand.op_type).toBe('Expand');
    m.graph!.initializer!.push({ name: 'half', dims: [1], data_type: 1, float_data: [0.5] });
    expand.input![0] = 'half';
    expect(() => read(encodeOnnx(m))).toThrow(/^my\.onnx: GRU node .*: initial_h is not zero \(it comes from “half”\)/);
  });

  it('says what is wrong in the file’s own words: its name, its node, attribute or metadata_props entry', () => {
    const model = (m: RawModel) => onnxToModel(encodeOnnx(m), 'my.onnx', vocab, 'vocab.txt').model;
    const nan = decoded('readme-lstm-2.onnx');
    const top = nan.graph!.node!.filter((n) => n.op_type === 'LSTM')[1]!;
    const R = nan.graph!.initializer!.find((t) => t.name === top.input![2])!;
    const raw = new Uint8Array(R.raw_data!);
    new DataView(raw.buffer).setFloat32(4, Number.NaN, true);
    R.raw_data = raw;
    expect(() => model(nan)).toThrow(/^my\.onnx: LSTM node “\/rnn\/LSTM_1”, its input R\[0\]\[0\]\[1\]: expected a finite number, found NaN/);

    const labelled = lstm();
    labelled.metadata_props = [{ key: 'labels', value: '["a", "b", "c"]' }];
    expect(() => model(labelled)).toThrow(/^my\.onnx: its metadata_props “labels” is \["a", "b", "c"\], but the head MatMul node “\/out\/MatMul” has 1 output: give two names, \[negative, positive\]/);
    labelled.metadata_props = [{ key: 'tokenizer', value: 'bpe' }];
    expect(() => model(labelled)).toThrow(/^my\.onnx: metadata_props “tokenizer”: unknown tokenizer "bpe"/);
    const clipped = lstm();
    clipped.graph!.node!.find((n) => n.op_type === 'LSTM')!.attribute!.push({ name: 'direction', type: 3, s: new TextEncoder().encode('reverse') });
    expect(() => model(clipped)).toThrow(/^my\.onnx: LSTM node “[^”]+”, its attribute direction/);
  });
});
