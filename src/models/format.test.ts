import { describe, expect, it } from 'vitest';
import { ALL_KINDS, type CellKind, createRng, embedToken, paramArrays, predict, run } from '../engine';
import { initNetwork } from '../train/network';
import { parseModelFile, readModelFile } from './format';
import { toModelFile } from './write-format';

const net = (kind: CellKind) =>
  initNetwork({ id: `t-${kind}`, task: 'custom', kind, vocab: ['<unk>', 'good', 'bad'], embedDim: 3, hidden: 2, headKind: 'sigmoid', labels: ['negative', 'positive'], seed: 9 });

/** A deep copy of a valid file, to break one thing in. */
const file = (kind: CellKind = 'lstm') => JSON.parse(JSON.stringify(toModelFile(net(kind)))) as Record<string, any>;

describe('model file', () => {
  it('a file that leaves the variant unsaid reads as the format has always read it: coupled i=1-f, GRU reset-after', () => {
    for (const [kind, key, dflt, other] of [
      ['coupled', 'coupling', 'i=1-f', 'f=1-i'],
      ['gru', 'reset', 'after', 'before'],
    ] as const) {
      const f = file(kind);
      f.cell[key] = other;
      expect((parseModelFile(f).cell as unknown as Record<string, string>)[key]).toBe(other);
      delete f.cell[key];
      expect((parseModelFile(f).cell as unknown as Record<string, string>)[key]).toBe(dflt);
    }
  });

  it('a relu RNN is saved as cell.activation "relu" and read back as relu; a tanh RNN writes no activation and reads as tanh', () => {
    const tanh = net('rnn');
    const relu = { ...tanh, cell: { ...tanh.cell, activation: 'relu' as const } };
    const written = toModelFile(relu, {}, 'exact') as { cell: Record<string, unknown> };
    expect(written.cell.activation).toBe('relu');
    const back = parseModelFile(JSON.parse(JSON.stringify(written)));
    expect(back.cell).toMatchObject({ kind: 'rnn', activation: 'relu' });
    const xs = [Float64Array.of(3, -2, 1), Float64Array.of(2, 2, 2)];
    expect(run(back.cell, xs).traces.map((t) => [...t.h])).toEqual(run(relu.cell, xs).traces.map((t) => [...t.h]));
    // Existing files have no activation: they read as tanh, as they always have.
    const plain = toModelFile(tanh) as { cell: Record<string, unknown> };
    expect(plain.cell.activation).toBeUndefined();
    expect(parseModelFile(JSON.parse(JSON.stringify(plain))).cell).toMatchObject({ activation: 'tanh' });
    expect(() => parseModelFile({ ...plain, cell: { ...plain.cell, activation: 'gelu' } })).toThrow(/^cell\.activation: unknown rnn activation "gelu"/);
    const lstm = toModelFile(net('lstm')) as { cell: Record<string, unknown> };
    expect(() => parseModelFile({ ...lstm, cell: { ...lstm.cell, activation: 'relu' } })).toThrow(/^cell\.activation: unknown lstm activation "relu"/);
  });

  for (const kind of ALL_KINDS) {
    it(`${kind}: round-trips and predicts as the original (to rounding)`, () => {
      const m = net(kind);
      const back = parseModelFile(JSON.parse(JSON.stringify(toModelFile(m))));
      expect(back.cell.kind).toBe(kind);
      const rng = createRng(1);
      const words = Array.from({ length: 6 }, () => ['good', 'bad', 'zzz'][rng.int(3)]!);
      const probs = (mm: typeof back) =>
        predict(
          mm.head!,
          run(
            mm.cell,
            words.map((w) => embedToken(mm.embedding, w).x),
          ).final.h,
        );
      expect(Math.abs(probs(back)[1]! - probs(m)[1]!)).toBeLessThan(1e-5);
    });
  }

  it('today’s kinds: every weight where its module puts it, no U where the gates read x_t alone, every digit back', () => {
    const weights = (kind: CellKind) => (file(kind).cell as { weights: Record<string, Record<string, unknown>> }).weights;
    expect(Object.keys(weights('mingru'))).toEqual(['z', 'h']);
    expect(Object.keys(weights('mingru').z!)).toEqual(['W', 'b']);
    expect(Object.keys(weights('minlstm'))).toEqual(['f', 'i', 'h']);
    expect(Object.keys(weights('slstm').f!)).toEqual(['W', 'U', 'b']);
    const ml = weights('mlstm');
    expect(Object.keys(ml)).toEqual(['q', 'k', 'v', 'i', 'f', 'o']);
    expect(Object.keys(ml.i!)).toEqual(['w', 'b']);
    expect(typeof ml.f!.b).toBe('number'); // one gate per head: its bias is a number
    for (const kind of ['mingru', 'minlstm', 'slstm', 'mlstm'] as const) {
      const m = net(kind);
      const back = parseModelFile(JSON.parse(JSON.stringify(toModelFile(m, {}, 'exact'))));
      expect(paramArrays(back.cell).map((a) => Array.from(a.data))).toEqual(paramArrays(m.cell).map((a) => Array.from(a.data)));
      const text = JSON.stringify(toModelFile(m));
      expect(text).not.toMatch(/"gateActivation"/);
      if (kind !== 'slstm') expect(text).not.toMatch(/"U":/);
      // Their gates are fixed: a hard sigmoid is refused, not ignored.
      expect(() => parseModelFile({ ...file(kind), cell: { ...file(kind).cell, gateActivation: 'hardSigmoid' } })).toThrow(/^cell\.gateActivation: a \w+ cell's gates are fixed/);
    }
    // The sLSTM's forget gate is written, and a file that leaves it unsaid is the paper's exponential one.
    const sig = { ...net('slstm'), cell: { ...net('slstm').cell, forget: 'sigmoid' as const } };
    const f = JSON.parse(JSON.stringify(toModelFile(sig)));
    expect(f.cell.forget).toBe('sigmoid');
    expect(parseModelFile(f).cell).toMatchObject({ forget: 'sigmoid' });
    delete f.cell.forget;
    expect(parseModelFile(f).cell).toMatchObject({ forget: 'exp' });
    expect(() => parseModelFile({ ...f, cell: { ...f.cell, forget: 'tanh' } })).toThrow(/^cell\.forget: unknown sLSTM forget gate "tanh"/);
    // A framework layout cannot hold them, and the refusal says where their weights go.
    expect(() => parseModelFile({ ...f, cell: { ...f.cell, layout: 'pytorch' } })).toThrow(/^cell\.kind: PyTorch has no "slstm" layer.*layout "canonical"/);
    // A scalar weight is checked like any other.
    const big = file('mlstm');
    big.cell.weights.i.b = 1e5;
    expect(() => parseModelFile(big)).toThrow(/^cell\.weights\.i\.b: 100000 is outside ±10,000/);
  });

  it('a stack of any kind is written as canonical layers and reads back to the very same weights (today’s kinds have no framework layout to hold one)', () => {
    for (const kind of ALL_KINDS) {
      const m = initNetwork({
        id: `s-${kind}`,
        task: 'custom',
        kind,
        vocab: ['<unk>', 'good', 'bad'],
        embedDim: 3,
        hidden: 2,
        headKind: 'sigmoid',
        labels: ['negative', 'positive'],
        seed: 9,
        layers: 3,
      });
      const f = JSON.parse(JSON.stringify(toModelFile(m, {}, 'exact')));
      expect(f.cell.layers.map((l: { inputSize: number; hiddenSize: number }) => [l.inputSize, l.hiddenSize])).toEqual([
        [3, 2],
        [2, 2],
        [2, 2],
      ]);
      const back = parseModelFile(f);
      expect([back.cell, ...(back.above ?? [])].map((c) => paramArrays(c).map((a) => Array.from(a.data)))).toEqual([m.cell, ...m.above!].map((c) => paramArrays(c).map((a) => Array.from(a.data))));
    }
    const f = JSON.parse(
      JSON.stringify(toModelFile(initNetwork({ id: 's', task: 'custom', kind: 'mlstm', vocab: ['<unk>', 'a'], embedDim: 3, hidden: 2, headKind: 'sigmoid', labels: ['n', 'p'], seed: 1, layers: 2 }))),
    );
    f.cell.layers[1].inputSize = 3;
    expect(() => parseModelFile(f)).toThrow(/^cell\.layers\[1\]\.inputSize: is 3, but layer 1 outputs 2/);
    f.cell.layers[1].inputSize = 2;
    delete f.cell.layers[1].weights.q.W;
    expect(() => parseModelFile(f)).toThrow(/^cell\.layers\[1\]\.weights\.q\.W: missing/);
  });

  it('a model without a head (an encoder) is written without one, and read back only when asked for a headless half', () => {
    const m = { ...net('gru'), head: null };
    const f = JSON.parse(JSON.stringify(toModelFile(m)));
    expect('head' in f).toBe(false);
    expect(() => readModelFile(f)).toThrow(/^head: missing/);
    expect(readModelFile(f, { headless: true }).model.head).toBeNull();
    expect(() => readModelFile(file('gru'), { headless: true })).toThrow(/^head: this half has no head/);
  });

  it('keeps the caption, presets and Chinese labels', () => {
    const f = { ...file(), caption: { en: 'look', zh: '看' }, presets: ['the movie was good'], labelsZh: ['负面', '正面'] };
    const { meta } = readModelFile(f);
    expect(meta.caption).toEqual({ en: 'look', zh: '看' });
    expect(meta.presets).toEqual(['the movie was good']);
    expect(meta.labelsZh).toEqual(['负面', '正面']);
  });

  const broken: Array<[string, (f: Record<string, any>) => unknown, RegExp]> = [
    ['not an object', () => [1], /^the file: expected an object, found an array/],
    ['wrong format', (f) => ((f.format = 'onnx'), f), /^format: expected "gatescope-model", found "onnx"/],
    ['wrong version', (f) => ((f.version = 2), f), /^version: expected 1, found 2/],
    ['missing id', (f) => (delete f.id, f), /^id: missing/],
    ['unknown task', (f) => ((f.task = 'poetry'), f), /^task: unknown task "poetry"/],
    ['unknown tokenizer', (f) => ((f.tokenizer = 'bpe'), f), /^tokenizer: unknown tokenizer "bpe"/],
    ['missing cell', (f) => (delete f.cell, f), /^cell: missing/],
    ['unknown cell kind', (f) => ((f.cell.kind = 'transformer'), f), /^cell\.kind: unknown cell kind "transformer"; expected one of rnn, lstm, gru, peephole, coupled/],
    ['bad hidden size', (f) => ((f.cell.hiddenSize = 0), f), /^cell\.hiddenSize: expected a positive integer, found 0/],
    ['unknown layout', (f) => ((f.cell.layout = 'caffe'), f), /^cell\.layout: unknown layout "caffe"/],
    ['missing gate', (f) => (delete f.cell.weights.f, f), /^cell\.weights\.f: missing/],
    ['missing bias', (f) => (delete f.cell.weights.o.bU, f), /^cell\.weights\.o\.bU: missing/],
    ['wrong rows', (f) => (f.cell.weights.i.W.pop(), f), /^cell\.weights\.i\.W: expected 2×3 \(rows×cols\), found 1 rows/],
    ['wrong cols', (f) => (f.cell.weights.i.U[1].push(0), f), /^cell\.weights\.i\.U\[1\]: expected 2 values, found 3/],
    ['non-finite weight', (f) => ((f.cell.weights.g.bW[0] = null), f), /^cell\.weights\.g\.bW\[0\]: expected a finite number, found null/],
    ['string weight', (f) => ((f.cell.weights.g.W[0][1] = '1e400'), f), /^cell\.weights\.g\.W\[0\]\[1\]: expected a finite number/],
    ['bad gate activation', (f) => ((f.cell.gateActivation = 'relu'), f), /^cell\.gateActivation: unknown gate activation "relu"/],
    ['embedding dim mismatch', (f) => ((f.embedding.dim = 4), f), /^embedding\.dim: is 4 but cell\.inputSize is 3/],
    ['table rows vs vocab', (f) => (f.embedding.vocab.push('ugly'), f), /^embedding\.table: has 3 rows but vocab has 4 words/],
    ['table row width', (f) => (f.embedding.table[2].pop(), f), /^embedding\.table\[2\]: expected 3 values, found 2/],
    ['unk out of range', (f) => ((f.embedding.unk = 7), f), /^embedding\.unk: expected an index into vocab \(0…2\), found 7/],
    ['unk not <unk>', (f) => ((f.embedding.unk = 1), f), /^embedding\.unk: vocab\[1\] is "good", expected "<unk>"/],
    ['duplicate word', (f) => ((f.embedding.vocab[2] = 'good'), f), /^embedding\.vocab: "good" appears more than once/],
    ['lowercase not boolean', (f) => ((f.embedding.lowercase = 'yes'), f), /^embedding\.lowercase: expected true or false/],
    ['head kind', (f) => ((f.head.kind = 'relu'), f), /^head\.kind: unknown head kind "relu"/],
    ['sigmoid head labels', (f) => (f.head.labels.push('meh'), f), /^head\.labels: a sigmoid head has 2 labels/],
    ['head shape', (f) => (f.head.W[0].push(1), f), /^head\.W\[0\]: expected 2 values, found 3/],
    ['head bias', (f) => ((f.head.b = [0, 0]), f), /^head\.b: expected 1 values, found 2/],
    // More outputs than the labels say: said as labels, with what to do, not as a bias of the wrong length.
    [
      'outputs vs labels',
      (f) => (
        (f.head.kind = 'softmax'),
        (f.head.W = [
          [0, 0],
          [0, 0],
          [0, 0],
        ]),
        (f.head.b = [0, 0, 0]),
        f
      ),
      /^head\.labels: 2 labels for a softmax head, but head\.W has 3 outputs; a head with 3 outputs needs "kind": "softmax" and one label per output: give 3 labels/,
    ],
    [
      'sigmoid with 3 outputs',
      (f) => (
        (f.head.W = [
          [0, 0],
          [0, 0],
          [0, 0],
        ]),
        f
      ),
      /^head\.labels: 2 labels for a sigmoid head, but head\.W has 3 outputs/,
    ],
    ['labelsZh count', (f) => ((f.labelsZh = ['负面']), f), /^labelsZh: expected 2 labels/],
  ];
  for (const [name, breakIt, message] of broken) {
    it(`rejects: ${name}`, () => {
      expect(() => parseModelFile(breakIt(file()))).toThrow(message);
    });
  }

  it('rejects a missing peephole vector and a bad GRU reset', () => {
    const p = file('peephole');
    delete p.cell.weights.p_f;
    expect(() => parseModelFile(p)).toThrow(/^cell\.weights\.p_f: missing/);
    const g = file('gru');
    g.cell.reset = 'sideways';
    expect(() => parseModelFile(g)).toThrow(/^cell\.reset: unknown GRU reset "sideways"/);
  });
});

describe('time-series model files', () => {
  it('a scalar embedding, a numbers tokenizer and a linear head read and write back; mismatches are named', async () => {
    const { waveModel } = await import('../train/labTasks');
    const { LAB_TASK_DEFAULTS } = await import('../train/labSettings');
    const { toModelFile } = await import('./write-format');
    const { embedToken, predict } = await import('../engine');
    const m = waveModel({ ...LAB_TASK_DEFAULTS.wave, hidden: 3 }, 'lstm');
    const file = toModelFile(m, {}, 'exact') as Record<string, unknown>;
    const back = readModelFile(JSON.parse(JSON.stringify(file))).model;
    expect(back.embedding).toEqual({ kind: 'scalar', dim: 1 });
    expect(embedToken(back.embedding, '-0.25')).toEqual({ token: '-0.25', seen: '-0.25', unknown: false, x: Float64Array.of(-0.25) });
    expect(predict(back.head!, Float64Array.of(1, 0, 0))).toEqual([back.head!.W.data[0]! + back.head!.b[0]!]);
    expect(() => readModelFile({ ...file, tokenizer: 'words' })).toThrow(/tokenizer.*a scalar embedding reads numbers/);
    expect(() => readModelFile({ ...file, embedding: { kind: 'scalar', dim: 2 } })).toThrow(/embedding\.dim.*dim 1/);
    expect(() => readModelFile({ ...file, head: { ...(file.head as object), labels: ['a', 'b'] } })).toThrow(/head\.labels.*linear head has 1 output/);
  });
});

describe('weights a trained model cannot have, and hostile nesting', () => {
  it('refuses a weight beyond ±10,000, naming the tensor and index (canonical and framework layouts)', () => {
    const f = file();
    f.cell.weights.f.U[1][0] = 1e308;
    expect(() => readModelFile(f)).toThrow(/^cell\.weights\.f\.U\[1\]\[0\]: 1e\+308 is outside ±10,000/);
    const g = file();
    g.embedding.table[2][1] = -2e4;
    expect(() => readModelFile(g)).toThrow(/^embedding\.table\[2\]\[1\]: -20000 is outside ±10,000/);
    const ok = file();
    ok.cell.weights.f.U[1][0] = 1e4;
    expect(() => readModelFile(ok)).not.toThrow();
  });

  it('arrays nested thousands deep name the field, not the call stack', async () => {
    let deep: unknown = 1;
    for (let k = 0; k < 20000; k++) deep = [deep];
    const f = file();
    f.cell.weights.f.U = deep;
    expect(() => readModelFile(f)).toThrow(/^cell\.weights\.f\.U: expected 2×2 \(rows×cols\), found 1 rows/);
    expect(() => readModelFile({ ...file(), format: deep })).toThrow(/^format: expected "gatescope-model", found an array/);
    const { fromPytorch } = await import('../engine/importers');
    expect(() => fromPytorch('lstm', { weight_ih_l0: deep, weight_hh_l0: deep })).toThrow(/weight_(ih|hh)_l0(\[0\]){4}: arrays nested more than 4 deep/);
    expect(() => fromPytorch('lstm', { weight_ih_l0: [[1e5]], weight_hh_l0: [[1e5]] })).toThrow(/weight_(ih|hh)_l0\[0\]\[0\]: 100000 is outside ±10,000/);
  });
});
