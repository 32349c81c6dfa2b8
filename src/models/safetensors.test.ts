import { describe, expect, it } from 'vitest';
import { embedToken, predict, run, type CellKind } from '../engine';
import { toPytorch } from '../engine/importers';
import { tokenize } from '../text/tokenize';
import { parseModelFile } from './format';
import { randomTableModel } from './random';
import { readSafetensors, readVocab, stateDictToModel, stateDictToModelFile, writeSafetensors } from './safetensors';

const safetensorsFile = writeSafetensors;

const rows = (m: { rows: number; cols: number; data: ArrayLike<number> }) => Array.from({ length: m.rows }, (_, r) => Array.from(m.data as ArrayLike<number>).slice(r * m.cols, (r + 1) * m.cols));
const WORDS = ['the', 'movie', 'was', 'not', 'good'];

/** A random model's state_dict under PyTorch's names, with `prefix` as the recurrent layer's attribute. */
function stateDict(kind: Exclude<CellKind, 'peephole' | 'coupled'>, prefix: string) {
  const m = randomTableModel(kind, 5, 7, WORDS, 11);
  if (m.embedding.kind !== 'table') throw new Error('table');
  const t: Record<string, number[] | number[][]> = { 'embedding.weight': rows(m.embedding.table) };
  for (const [k, v] of Object.entries(toPytorch(m.cell))) t[`${prefix}${k}`] = v as number[] | number[][];
  t['fc.weight'] = rows(m.head!.W);
  t['fc.bias'] = Array.from(m.head!.b);
  return { m, t };
}

const outputs = (m: ReturnType<typeof parseModelFile>, text: string) =>
  run(
    m.cell,
    tokenize(text).tokens.map((w) => embedToken(m.embedding, w).x),
  ).traces.map((tr) => [...tr.h, ...predict(m.head!, tr.h)]);

describe('.safetensors state_dicts', () => {
  for (const kind of ['rnn', 'lstm', 'gru'] as const) {
    it(`${kind}: F64 reads back to the same numbers, F32 to 1e-6, under any attribute name`, () => {
      const { m, t } = stateDict(kind, 'encoder.rec.');
      const meta: Record<string, string> = kind === 'rnn' ? { nonlinearity: 'tanh' } : {};
      const vocab = m.embedding.kind === 'table' ? m.embedding.vocab : [];
      for (const dtype of ['F64', 'F32'] as const) {
        const { tensors, metadata } = readSafetensors(safetensorsFile(t, meta, dtype), 'm.safetensors');
        const back = parseModelFile(JSON.parse(JSON.stringify(stateDictToModelFile(tensors, metadata, vocab, 'm.safetensors'))));
        expect(back.cell.kind).toBe(kind);
        const a = outputs(m, 'the movie was not good zzz').flat();
        const b = outputs(back, 'the movie was not good zzz').flat();
        a.forEach((v, k) => expect(Math.abs(v - b[k]!)).toBeLessThan(dtype === 'F64' ? 1e-15 : 1e-6));
      }
    });
  }

  it('refuses, naming the file and tensor: no vocabulary, a reverse direction, an nn.RNN without nonlinearity, cut bytes', () => {
    const { m, t } = stateDict('lstm', 'lstm.');
    const vocab = m.embedding.kind === 'table' ? m.embedding.vocab : [];
    const read = (x: Record<string, number[] | number[][]>, meta = {}) => readSafetensors(safetensorsFile(x, meta), 'imdb.safetensors');
    const r = read(t);
    expect(() => stateDictToModelFile(r.tensors, r.metadata, null, 'imdb.safetensors')).toThrow(/^imdb\.safetensors: holds no vocabulary: drop the vocabulary file/);
    expect(() => stateDictToModelFile(r.tensors, r.metadata, vocab.slice(1), 'imdb.safetensors')).toThrow(/has 6 rows, but the vocabulary file has 5 words/);
    const back = read({ ...t, 'lstm.weight_ih_l0_reverse': t['lstm.weight_ih_l0']! });
    expect(() => stateDictToModelFile(back.tensors, back.metadata, vocab, 'imdb.safetensors')).toThrow(/tensor lstm\.weight_ih_l0_reverse: a reverse direction/);
    // A second layer is a stack (layer 2 reads layer 1's h, so its weight_ih is [4H][H]).
    const two = read({ ...t, 'lstm.weight_ih_l1': t['lstm.weight_hh_l0']!, 'lstm.weight_hh_l1': t['lstm.weight_hh_l0']! });
    const file = stateDictToModelFile(two.tensors, two.metadata, vocab, 'imdb.safetensors') as { cell: { config: { num_layers: number }; weights: object } };
    expect(file.cell.config.num_layers).toBe(2);
    expect(Object.keys(file.cell.weights)).toEqual(expect.arrayContaining(['weight_ih_l1', 'weight_hh_l1']));
    const rnn = stateDict('rnn', 'rnn.');
    const nr = read(rnn.t);
    expect(() => stateDictToModelFile(nr.tensors, nr.metadata, vocab, 'imdb.safetensors')).toThrow(/must say its nonlinearity in the metadata/);
    const bytes = safetensorsFile(t);
    expect(() => readSafetensors(bytes.subarray(0, bytes.length - 3), 'cut.safetensors')).toThrow(/^cut\.safetensors: tensor fc\.bias: .*past the end of the file/);
    expect(() => readSafetensors(new TextEncoder().encode('{"format": "gatescope-model"}'), 'x.safetensors')).toThrow(/^x\.safetensors: says its header is \d+ bytes/);
  });

  it('vocabulary files: one word per line, a JSON list, or { word: index }', () => {
    expect(readVocab('<unk>\nthe\nmovie\n', 'v.txt')).toEqual(['<unk>', 'the', 'movie']);
    expect(readVocab('["<unk>", "the"]', 'v.json')).toEqual(['<unk>', 'the']);
    expect(readVocab('{"the": 1, "<unk>": 0}', 'v.json')).toEqual(['<unk>', 'the']);
    expect(() => readVocab('{"the": 2, "<unk>": 0}', 'v.json')).toThrow(/^v\.json: has no word at index 1/);
  });

  it('says what is wrong in the file’s own words: its name, its tensor or metadata entry, what to do', () => {
    const { m, t } = stateDict('rnn', 'rnn.');
    const vocab = m.embedding.kind === 'table' ? m.embedding.vocab : [];
    const load = (tensors: Record<string, number[] | number[][]>, meta: Record<string, string>) => {
      const r = readSafetensors(safetensorsFile(tensors, meta, 'F64'), 'm.safetensors');
      return stateDictToModel(r.tensors, r.metadata, vocab, 'm.safetensors', 'm.vocab.txt');
    };
    expect(load(t, { nonlinearity: 'tanh' }).model.cell.kind).toBe('rnn');
    expect(load(t, { nonlinearity: 'relu' }).model.cell).toMatchObject({ kind: 'rnn', activation: 'relu' });
    expect(() => load(t, { nonlinearity: 'gelu' })).toThrow(/^m\.safetensors: metadata "nonlinearity": unsupported activation "gelu" \(nn\.RNN\(nonlinearity="gelu"\)\); supported: "tanh", "relu"/);
    expect(() => load(t, { nonlinearity: 'tanh', labels: '["bad", "good", "ugly"]' })).toThrow(
      /^m\.safetensors: metadata "labels" is \["bad", "good", "ugly"\], but the head fc\.weight has 1 output: give two names, \[negative, positive\]/,
    );
    expect(() => load(t, { nonlinearity: 'tanh', labels: 'bad, good' })).toThrow(/^m\.safetensors: metadata "labels" is not JSON/);
    const nan = structuredClone(t);
    (nan['rnn.weight_hh_l0'] as number[][])[1]![2] = Number.NaN;
    expect(() => load(nan, { nonlinearity: 'tanh' })).toThrow(/^m\.safetensors: tensor rnn\.weight_hh_l0\[1\]\[2\]: expected a finite number, found NaN/);
    expect(() => load(t, { nonlinearity: 'tanh', tokenizer: 'bpe' })).toThrow(/^m\.safetensors: metadata "tokenizer": unknown tokenizer "bpe"/);
  });
});
