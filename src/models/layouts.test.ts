/**
 * Framework layouts in the model file: every shipped model, exported by the engine's exporters
 * into each layout that can express it, parses back to a model whose outputs are the original's;
 * and every kind of mistake names the field (and the expected and found shapes).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng, embedToken, kindOf, predict, randomParams, run, runStack, stackOf, type CellParams, type Model } from '../engine';
import { tokenize } from '../text/tokenize';
import { parseModelFile } from './format';
import type { FrameworkLayout } from './layouts';
import { toFrameworkModelFile } from './write-layouts';

const shipped = readdirSync('public/models')
  .filter((f) => /^(sentiment|memory)-\w+\.json$/.test(f))
  .map((f) => parseModelFile(JSON.parse(readFileSync(`public/models/${f}`, 'utf8'))));

/** What each framework's layer can express (the exporters refuse the rest). */
function expressible(p: CellParams, layout: FrameworkLayout): boolean {
  // Today's kinds have no framework layer to be stored as (their specs' layouts are empty).
  if (Object.keys(kindOf(p.kind).layouts).length === 0) return false;
  if (layout === 'onnx') return p.kind !== 'coupled' || p.coupling === 'f=1-i';
  if (p.kind === 'peephole' || p.kind === 'coupled') return false;
  return layout === 'keras' || p.kind === 'rnn' || ('gateActivation' in p && p.gateActivation === 'sigmoid' && (p.kind !== 'gru' || p.reset === 'after'));
}

/** Hidden states and predictions for a sentence with known and unknown words. */
function outputs(m: Model) {
  const text = 'the movie was not good but i grew up in france zzzq';
  const { traces } = run(
    m.cell,
    tokenize(text, m.tokenizer).tokens.map((t) => embedToken(m.embedding, t).x),
  );
  return traces.map((tr) => [...tr.h, ...predict(m.head!, tr.h)]);
}

const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

const gruM = () => shipped.find((m) => m.id === 'memory-gru')!;

describe('framework layouts round-trip', () => {
  const layouts: FrameworkLayout[] = ['pytorch', 'keras', 'onnx'];
  for (const layout of layouts) {
    for (const m of shipped) {
      if (!expressible(m.cell, layout)) continue;
      it(`${m.id} → ${layout} → engine: the same outputs`, () => {
        const back = parseModelFile(viaJson(toFrameworkModelFile(m, layout)));
        expect(back.cell.kind).toBe(m.cell.kind);
        expect(back.embedding).toEqual(m.embedding);
        expect(back.head).toEqual(m.head);
        const a = outputs(m);
        const b = outputs(back);
        // PyTorch and ONNX keep both biases: bit-identical. Keras stores bW + bU as one bias, so
        // the sum may be rounded differently in the last bit.
        if (layout === 'keras') a.flat().forEach((v, k) => expect(Math.abs(v - b.flat()[k]!)).toBeLessThan(1e-13));
        else expect(b).toEqual(a);
      });
    }
  }

  it('covers every kind in some layout', () => {
    const kinds = new Set(shipped.flatMap((m) => layouts.filter((l) => expressible(m.cell, l)).map(() => m.cell.kind)));
    expect([...kinds].sort()).toEqual(['gru', 'lstm', 'peephole', 'rnn']);
  });

  // Stacks: PyTorch's _l{k} tensors, Keras' and ONNX's cell.layers, 2 and 3 layers, every kind a
  // layout can express; the engine's run of the stack read back equals the original's.
  for (const layout of layouts) {
    for (const kind of ['rnn', 'lstm', 'gru', 'peephole'] as const) {
      for (const L of [2, 3]) {
        const base = shipped.find((m) => m.id === `memory-${kind}`)!;
        if (!expressible(base.cell, layout)) continue;
        it(`a ${L}-layer ${kind} stack → ${layout} → engine: the same outputs in every layer`, () => {
          const rng = createRng(40 + L);
          const H = base.cell.hiddenSize;
          const above = Array.from({ length: L - 1 }, () => randomParams(kind, H, H, rng, { scale: 0.8 }));
          const m: Model = { ...base, above, head: { ...base.head!, W: base.head!.W } };
          const back = parseModelFile(viaJson(toFrameworkModelFile(m, layout)));
          expect(stackOf(back)).toHaveLength(L);
          const text = 'i grew up in france and i speak fluent french zzzq';
          const xs = tokenize(text, m.tokenizer).tokens.map((t) => embedToken(m.embedding, t).x);
          const a = runStack(stackOf(m), xs).layers;
          const b = runStack(stackOf(back), xs).layers;
          a.forEach((layer, l) => layer.forEach((tr, t) => tr.h.forEach((v, k) => expect(Math.abs(v - b[l]![t]!.h[k]!)).toBeLessThanOrEqual(layout === 'keras' ? 1e-13 : 0))));
        });
      }
    }
  }

  it('a stack in cell.layers: each message points into its entry', () => {
    const m: Model = { ...gruM(), above: [randomParams('gru', gruM().cell.hiddenSize, gruM().cell.hiddenSize, createRng(3))] };
    const f = viaJson(toFrameworkModelFile(m, 'onnx')) as { cell: { layers: { weights: { R: number[][][] }; config: Record<string, unknown> }[]; weights?: unknown } };
    const broken = viaJson(f) as typeof f;
    broken.cell.layers[1]!.weights.R[0]!.pop();
    expect(() => parseModelFile(broken)).toThrow(/^cell\.layers\[1\]\.weights\.R: expected shape/);
    const noLbr = viaJson(f) as typeof f;
    delete noLbr.cell.layers[1]!.config.linear_before_reset;
    expect(() => parseModelFile(noLbr)).toThrow(/^cell\.layers\[1\]\.config\.linear_before_reset: missing/);
    const both = viaJson(f) as typeof f;
    both.cell.weights = both.cell.layers[0]!.weights;
    expect(() => parseModelFile(both)).toThrow(/^cell\.layers: give either cell\.weights \(one layer\) or cell\.layers \(a stack\), not both/);
    const five = viaJson(f) as typeof f;
    five.cell.layers = [0, 1, 2, 3, 4].map(() => f.cell.layers[1]!);
    expect(() => parseModelFile(five)).toThrow(/^cell\.layers: a stack of 5 layers; Gatescope reads 1 to 4/);
  });

  it('refuses what the framework cannot express, at export time', () => {
    const coupled = shipped.find((m) => m.cell.kind === 'coupled')!;
    expect(() => toFrameworkModelFile(coupled, 'pytorch')).toThrow(/pytorch\.kind/);
    // Today's kinds have no layer in any framework: each export says so, naming the kind.
    for (const m of shipped.filter((x) => Object.keys(kindOf(x.cell.kind).layouts).length === 0)) {
      for (const layout of ['pytorch', 'keras', 'onnx'] as const) expect(() => toFrameworkModelFile(m, layout)).toThrow(new RegExp(`${layout}\\.kind.*${m.cell.kind}`));
    }
  });
});

/** A fresh PyTorch/Keras/ONNX file from the shipped sentiment LSTM to break; messages quote its sizes. */
const lstm = shipped.find((m) => m.id === 'sentiment-lstm')!;
const E = lstm.cell.inputSize;
const H = lstm.cell.hiddenSize;
const V = lstm.embedding.kind === 'table' ? lstm.embedding.vocab.length : 0;
const re = (s: string) => new RegExp(s);
const gru = shipped.find((m) => m.id === 'sentiment-gru')!;
const file = (layout: FrameworkLayout, m: Model = lstm) => viaJson(toFrameworkModelFile(m, layout)) as Record<string, any>;

describe('framework layout errors', () => {
  const cases: Array<[string, FrameworkLayout, (f: Record<string, any>) => void, RegExp]> = [
    ['missing tensor', 'pytorch', (f) => delete f.cell.weights.weight_hh_l0, /^cell\.weights\.weight_hh_l0: missing/],
    ['one bias without the other', 'pytorch', (f) => delete f.cell.weights.bias_hh_l0, re(`^cell\\.weights\\.bias_hh_l0: missing \\(expected \\[${4 * H}\\] \\(bias_ih_l0 is present\\)\\)`)],
    ['missing weights', 'keras', (f) => delete f.cell.weights, /^cell\.weights: missing/],
    [
      'wrong shape (keras kernel)',
      'keras',
      (f) => (f.cell.weights.kernel = f.cell.weights.kernel.map((r: number[]) => r.slice(0, 40))),
      re(`^cell\\.weights\\.kernel: expected shape \\[${E}\\]\\[${4 * H}\\], found \\[${E}\\]\\[40\\]`),
    ],
    ['wrong shape (pytorch)', 'pytorch', (f) => f.cell.weights.weight_ih_l0.pop(), re(`^cell\\.weights\\.weight_ih_l0: expected shape \\[${4 * H}\\]\\[${E}\\], found \\[${4 * H - 1}\\]\\[${E}\\]`)],
    ['wrong shape (onnx B)', 'onnx', (f) => f.cell.weights.B[0].pop(), re(`^cell\\.weights\\.B: expected shape \\[1\\]\\[${8 * H}\\], found \\[1\\]\\[${8 * H - 1}\\]`)],
    ['ragged', 'pytorch', (f) => f.cell.weights.weight_hh_l0[3].push(1), re(`^cell\\.weights\\.weight_hh_l0\\[3\\]: expected shape \\[${H}\\], found \\[${H + 1}\\] \\(ragged array\\)`)],
    ['non-finite (1e400 parses as Infinity)', 'keras', (f) => (f.cell.weights.bias[5] = JSON.parse('1e400')), /^cell\.weights\.bias\[5\]: expected a finite number, found Infinity/],
    ['non-number', 'onnx', (f) => (f.cell.weights.W[0][2][1] = 'NaN'), /^cell\.weights\.W\[0\]\[2\]\[1\]: expected a finite number, found string "NaN"/],
    ['unknown cell kind', 'pytorch', (f) => (f.cell.kind = 'transformer'), /^cell\.kind: unknown cell kind "transformer"/],
    ['kind the framework lacks', 'keras', (f) => (f.cell.kind = 'peephole'), /^cell\.kind: Keras has no "peephole" layer; with layout "keras" expected one of rnn, lstm, gru/],
    ['onnx kind vs P', 'onnx', (f) => (f.cell.kind = 'peephole'), /^cell\.kind: is "peephole" but the weights have no P and input_forget is 0, which makes a "lstm" cell/],
    ['declared size disagrees', 'pytorch', (f) => (f.cell.hiddenSize = 10), re(`^cell\\.hiddenSize: is 10 but the weights give ${H} \\(weight_hh_l0 is \\[G·H\\]\\[H\\]\\)`)],
    ['keras units disagree', 'keras', (f) => (f.cell.config.units = 128), re(`^cell\\.config\\.units: is 128 but the weights give ${H}`)],
    [
      'keras 3 hard_sigmoid',
      'keras',
      (f) => (f.cell.config.recurrent_activation = 'hard_sigmoid'),
      /^cell\.config\.recurrent_activation: unsupported activation "hard_sigmoid": Keras 3 computes it as relu6\(x \+ 3\)\/6/,
    ],
    ['keras relu gates', 'keras', (f) => (f.cell.config.recurrent_activation = 'relu'), /^cell\.config\.recurrent_activation: unsupported activation "relu"/],
    ['keras relu activation', 'keras', (f) => (f.cell.config.activation = 'relu'), /^cell\.config\.activation: unsupported activation "relu"; supported: "tanh"/],
    ['pytorch relu', 'pytorch', (f) => (f.cell.config.nonlinearity = 'relu'), /^cell\.config\.nonlinearity: unsupported activation "relu"/],
    ['pytorch num_layers vs the tensors', 'pytorch', (f) => (f.cell.config.num_layers = 2), /^cell\.config\.num_layers: is 2 but the weights have 1 layer \(weight_hh_l0 … weight_hh_l0\)/],
    [
      'pytorch a layer missing in the stack',
      'pytorch',
      (f) => {
        delete f.cell.config.num_layers;
        f.cell.weights.weight_ih_l2 = f.cell.weights.weight_hh_l0;
      },
      /^cell\.weights\.weight_hh_l1: missing: the weights have layers up to 2/,
    ],
    [
      'pytorch five layers',
      'pytorch',
      (f) => {
        delete f.cell.config.num_layers;
        for (let k = 1; k < 5; k++) {
          f.cell.weights[`weight_ih_l${k}`] = f.cell.weights.weight_hh_l0;
          f.cell.weights[`weight_hh_l${k}`] = f.cell.weights.weight_hh_l0;
        }
      },
      /^cell\.weights\.weight_hh_l4: a stack of 5 layers; Gatescope reads 1 to 4/,
    ],
    [
      'pytorch layer 1 of the wrong width',
      'pytorch',
      (f) => {
        f.cell.config.num_layers = 2;
        f.cell.weights.weight_ih_l1 = f.cell.weights.weight_ih_l0;
        f.cell.weights.weight_hh_l1 = f.cell.weights.weight_hh_l0;
      },
      /^cell\.weights: layer 2 reads \d+ inputs, but layer 1 outputs \d+ \(its hidden size\)/,
    ],
    [
      'pytorch layer 1 tensor of the wrong shape',
      'pytorch',
      (f) => {
        f.cell.config.num_layers = 2;
        f.cell.weights.weight_ih_l1 = f.cell.weights.weight_hh_l0;
        f.cell.weights.weight_hh_l1 = f.cell.weights.weight_hh_l0.slice(1);
      },
      /^cell\.weights\.weight_hh_l1: expected shape/,
    ],
    ['pytorch bidirectional', 'pytorch', (f) => (f.cell.config.bidirectional = true), /^cell\.config\.bidirectional: unsupported value true/],
    ['pytorch reverse direction', 'pytorch', (f) => (f.cell.weights.weight_ih_l0_reverse = f.cell.weights.weight_ih_l0), /^cell\.weights\.weight_ih_l0_reverse: a reverse-direction tensor/],
    ['keras unknown tensor', 'keras', (f) => (f.cell.weights.kernel_2 = f.cell.weights.kernel), /^cell\.weights\.kernel_2: not a Keras tensor name; expected kernel, recurrent_kernel, bias/],
    ['onnx relu', 'onnx', (f) => (f.cell.config.activations = ['Relu', 'Tanh', 'Tanh']), /^cell\.config\.activations\[0\]: unsupported value string "Relu"/],
    ['onnx reverse', 'onnx', (f) => (f.cell.config.direction = 'reverse'), /^cell\.config\.direction: unsupported value string "reverse"/],
    ['pytorch embedding rows vs vocab', 'pytorch', (f) => f.embedding.weight.pop(), re(`^embedding\\.weight: has ${V - 1} rows but vocab has ${V} words; one row per word`)],
    [
      'pytorch embedding width',
      'pytorch',
      (f) => (f.embedding.weight = f.embedding.weight.map((r: number[]) => r.slice(0, E - 1))),
      re(`^embedding\\.weight: expected shape \\[${V}\\]\\[${E}\\] \\(words × cell\\.inputSize\\), found \\[${V}\\]\\[${E - 1}\\]`),
    ],
    [
      'keras vocab index past the table',
      'keras',
      (f) => (f.embedding.vocab.movie = V + 100),
      re(`^embedding\\.vocab\\.movie: expected an index into the embedding's ${V} rows \\(0…${V - 1}\\), found ${V + 100}`),
    ],
    ['keras vocab index taken twice', 'keras', (f) => (f.embedding.vocab.movie = 0), /^embedding\.vocab\.movie: index 0 is already/],
    ['no <unk>', 'keras', (f) => ((f.embedding.vocab['[UNK]'] = f.embedding.vocab['<unk>']), delete f.embedding.vocab['<unk>']), /^embedding\.vocab: has no "<unk>"/],
    ['two table forms', 'pytorch', (f) => (f.embedding.table = f.embedding.weight), /^embedding: has both "table" and "weight"/],
    ['no table', 'pytorch', (f) => delete f.embedding.weight, /^embedding\.table: missing \(or "weight" \/ "embeddings"\)/],
    ['keras head kernel shape', 'keras', (f) => (f.head.kernel = [f.head.kernel.map((r: number[]) => r[0])]), re(`^head\\.kernel: expected ${H}×1 \\(rows×cols\\), found 1 rows`)],
    ['pytorch head bias missing', 'pytorch', (f) => delete f.head.bias, /^head\.bias: missing/],
  ];
  for (const [name, layout, breakIt, message] of cases) {
    it(`${layout}: ${name}`, () => {
      const f = file(layout);
      breakIt(f);
      expect(() => parseModelFile(f)).toThrow(message);
    });
  }

  it('keras: hard_sigmoid is accepted when the file says it is the 0.2x + 0.5 one (tf.keras 2)', () => {
    const f = file('keras');
    f.cell.config.recurrent_activation = 'hard_sigmoid';
    f.cell.gateActivation = 'hardSigmoid';
    const p = parseModelFile(f).cell;
    expect(p.kind === 'lstm' && p.gateActivation).toBe('hardSigmoid');
  });

  it('keras GRU: reset_after from the config, and a declared reset must agree', () => {
    const f = file('keras', gru);
    expect(parseModelFile(f).cell).toMatchObject({ kind: 'gru', reset: 'after' });
    f.cell.reset = 'before';
    expect(() => parseModelFile(f)).toThrow(/^cell\.reset: is "before" but the weights give "after"/);
  });

  it('pytorch: hardSigmoid gates are refused (PyTorch has none)', () => {
    const f = file('pytorch');
    f.cell.gateActivation = 'hardSigmoid';
    expect(() => parseModelFile(f)).toThrow(/^cell\.gateActivation: PyTorch recurrent layers always use sigmoid gates/);
  });
});

describe('the example file', () => {
  it('is exactly what scripts/make-example.ts writes (generated, not edited by hand), and parses', async () => {
    const { EXAMPLE_PATH, exampleModelText } = await import('../train/example');
    const text = readFileSync(`public/${EXAMPLE_PATH}`, 'utf8');
    expect(text).toBe(exampleModelText());
    const m = parseModelFile(JSON.parse(text));
    expect([m.cell.kind, m.cell.inputSize, m.cell.hiddenSize]).toEqual(['lstm', 4, 6]);
  });
});

describe('no silent misreads: what the tensors cannot say must be in the file', () => {
  const rnn = shipped.find((m) => m.id === 'sentiment-rnn')!;

  it('a PyTorch nn.RNN without config.nonlinearity is refused (relu has the same tensors); tanh and relu read as such; others are refused', () => {
    const f = file('pytorch', rnn);
    expect(f.cell.config.nonlinearity).toBe('tanh'); // what our writer (and the README's export) says
    expect(parseModelFile(viaJson(f)).cell).toMatchObject({ kind: 'rnn', activation: 'tanh' });
    delete f.cell.config.nonlinearity;
    expect(() => parseModelFile(f)).toThrow(/^cell\.config\.nonlinearity: missing: an nn\.RNN file must say its nonlinearity/);
    f.cell.config.nonlinearity = 'relu';
    expect(parseModelFile(viaJson(f)).cell).toMatchObject({ kind: 'rnn', activation: 'relu' });
    // A declared cell.activation must agree with what the config says.
    expect(() => parseModelFile({ ...f, cell: { ...f.cell, activation: 'tanh' } })).toThrow(/^cell\.activation: is "tanh" but the weights give "relu" \(config\.nonlinearity\)/);
    f.cell.config.nonlinearity = 'gelu';
    expect(() => parseModelFile(f)).toThrow(/^cell\.config\.nonlinearity: unsupported activation "gelu" \(nn\.RNN\(nonlinearity="gelu"\)\); supported: "tanh", "relu"/);
  });

  it('an ONNX GRU without linear_before_reset is refused: the reset placement is not in its tensors', () => {
    const f = file('onnx', gru);
    expect(f.cell.config.linear_before_reset).toBe(1);
    delete f.cell.config.linear_before_reset;
    expect(() => parseModelFile(f)).toThrow(/^cell\.config\.linear_before_reset: missing: an ONNX GRU file must give/);
    f.cell.config.linear_before_reset = 0;
    expect(parseModelFile(f).cell).toMatchObject({ kind: 'gru', reset: 'before' });
  });

  it('a capitalised vocabulary word with lowercase: true is refused, naming it; special tokens are not', () => {
    const f = file('pytorch');
    const k = f.embedding.vocab.indexOf('movie');
    f.embedding.vocab[k] = 'Movie';
    expect(() => parseModelFile(viaJson(f))).toThrow(new RegExp(`^embedding\\.vocab\\[${k}\\]: “Movie” has capitals, but embedding\\.lowercase is true`));
    f.embedding.lowercase = false;
    expect(parseModelFile(viaJson(f)).embedding).toMatchObject({ lowercase: false });
    f.embedding.lowercase = true;
    f.embedding.vocab[k] = '<START>';
    expect(() => parseModelFile(viaJson(f))).not.toThrow();
  });
});
