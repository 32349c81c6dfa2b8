/** Every kind of malformed input gives an error naming the field, the expected and found shape. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { randomParams } from '../init';
import { fromCanonical, fromKeras, fromOnnx, fromPytorch, MissingFieldError, UnknownKindError, UnsupportedOptionError, WeightShapeError, WeightValueError } from '.';
import { toCanonical, toKeras, toOnnx, toPytorch } from './export';
import { paramArrays } from '../grad/views';

// LSTM, input 3, hidden 4: the sizes of the brief's example message.
const lstm = randomParams('lstm', 3, 4, createRng(1));
const keras = toKeras(lstm).tensors;
const torch = toPytorch(lstm);
const onnx = toOnnx(lstm).tensors;
const gru = toKeras(randomParams('gru', 3, 4, createRng(2), { reset: 'after' })).tensors;

const cut = (m: number[][], n: number) => m.map((r) => r.slice(0, n));

describe('shape errors', () => {
  it('keras kernel with too few columns', () => {
    expect(() => fromKeras('lstm', { ...keras, kernel: cut(keras.kernel, 12) })).toThrow(new WeightShapeError('keras.kernel', '[3][16]', '[3][12]', 'G=4 gates, H=4 from recurrent_kernel'));
    expect(() => fromKeras('lstm', { ...keras, kernel: cut(keras.kernel, 12) })).toThrow(/^keras\.kernel: expected shape \[3\]\[16\], found \[3\]\[12\]/);
  });
  it('keras recurrent kernel that is not [H][4H]', () => {
    expect(() => fromKeras('lstm', { ...keras, recurrent_kernel: cut(keras.recurrent_kernel, 15) })).toThrow(/keras\.recurrent_kernel: expected shape \[4\]\[16\], found \[4\]\[15\]/);
  });
  it('keras bias of the wrong length, and a one-row bias for reset_after=True', () => {
    expect(() => fromKeras('lstm', { ...keras, bias: [1, 2, 3] })).toThrow(/keras\.bias: expected shape \[16\], found \[3\]/);
    expect(() => fromKeras('gru', { ...gru, bias: gru.bias[0] }, { reset_after: true })).toThrow(/keras\.bias: expected shape \[2\]\[12\], found \[12\]/);
  });
  it('pytorch rows not a multiple of the gate count', () => {
    expect(() => fromPytorch('lstm', { ...torch, weight_ih_l0: torch.weight_ih_l0.slice(0, 10) })).toThrow(/pytorch\.weight_ih_l0: expected shape \[16\]\[3\], found \[10\]\[3\]/);
  });
  it('pytorch weight of the wrong rank', () => {
    expect(() => fromPytorch('rnn', { ...toPytorch(randomParams('rnn', 3, 4, createRng(3))), weight_hh_l0: [1, 2, 3, 4] })).toThrow(/pytorch\.weight_hh_l0: expected shape \[1·H\]\[H\], found \[4\]/);
  });
  it('onnx without the leading directions dimension, or bidirectional', () => {
    expect(() => fromOnnx('lstm', { ...onnx, W: onnx.W[0]! })).toThrow(/onnx\.W: expected shape \[1\]\[4·H\]\[I\], found \[16\]\[3\]/);
    expect(() => fromOnnx('lstm', { ...onnx, R: [onnx.R[0]!, onnx.R[0]!] })).toThrow(/onnx\.R: expected shape \[1\]\[16\]\[4\], found \[2\]\[16\]\[4\]/);
  });
  it('onnx B and P of the wrong size', () => {
    expect(() => fromOnnx('lstm', { ...onnx, B: [onnx.B[0]!.slice(0, 16)] })).toThrow(/onnx\.B: expected shape \[1\]\[32\], found \[1\]\[16\]/);
    expect(() => fromOnnx('lstm', { ...onnx, P: [[1, 2, 3, 4]] })).toThrow(/onnx\.P: expected shape \[1\]\[12\], found \[1\]\[4\]/);
  });
  it('ragged arrays name the row', () => {
    const ragged = keras.recurrent_kernel.map((r, k) => (k === 2 ? r.slice(1) : r));
    expect(() => fromKeras('lstm', { ...keras, recurrent_kernel: ragged })).toThrow(/keras\.recurrent_kernel\[2\]: expected shape \[16\], found \[15\] \(ragged array\)/);
  });
  it('empty weights', () => {
    expect(() => fromKeras('lstm', { ...keras, recurrent_kernel: [[]] })).toThrow(WeightShapeError);
    expect(() => fromKeras('lstm', { ...keras, recurrent_kernel: [] })).toThrow(/keras\.recurrent_kernel: expected shape \[H\]\[4·H\], found \[0\]/);
  });
  it('canonical gate matrix of the wrong size', () => {
    const c = toCanonical(lstm);
    expect(() => fromCanonical('lstm', { ...c, W_o: [[1, 2]] })).toThrow(/canonical\.W_o: expected shape \[4\]\[3\], found \[1\]\[2\]/);
  });
});

describe('value errors', () => {
  it('non-numeric values name the index', () => {
    const k = keras.kernel.map((r) => [...r]) as unknown[][];
    k[1]![5] = '0.5';
    expect(() => fromKeras('lstm', { ...keras, kernel: k })).toThrow(new WeightValueError('keras.kernel[1][5]', 'string "0.5"'));
    expect(() => fromPytorch('lstm', { ...torch, bias_hh_l0: [...torch.bias_hh_l0.slice(0, 15), null] })).toThrow(/pytorch\.bias_hh_l0\[15\]: expected a finite number, found null/);
  });
  it('NaN and Infinity are rejected', () => {
    expect(() => fromOnnx('lstm', { ...onnx, B: [[...onnx.B[0]!.slice(0, 31), NaN]] })).toThrow(/onnx\.B\[0\]\[31\]: expected a finite number, found NaN/);
    expect(() => fromKeras('lstm', { ...keras, bias: [Infinity, ...keras.bias.slice(1)] as number[] })).toThrow(/keras\.bias\[0\]: expected a finite number, found Infinity/);
  });
  it('canonical b that is not bW + bU', () => {
    const c = toCanonical(lstm);
    expect(() => fromCanonical('lstm', { ...c, b_g: [0, 0, 0, 0] })).toThrow(/canonical\.b_g\[0\]: expected bW \+ bU = /);
  });
});

describe('missing fields, unknown kinds, unsupported options', () => {
  it('missing fields', () => {
    const { kernel: _k, ...noKernel } = keras;
    expect(() => fromKeras('lstm', noKernel as never)).toThrow(new MissingFieldError('keras.kernel'));
    expect(() => fromPytorch('lstm', { ...torch, bias_hh_l0: undefined })).toThrow(/pytorch\.bias_hh_l0: missing/);
    const c = toCanonical(randomParams('peephole', 3, 4, createRng(4)));
    delete c.p_o;
    expect(() => fromCanonical('peephole', c)).toThrow(/canonical\.p_o: missing/);
    expect(() => fromKeras('lstm', null as never)).toThrow(/keras: missing \(expected an object with field/);
    expect(() => fromCanonical('gru', toCanonical(randomParams('gru', 3, 4, createRng(5))))).toThrow(/canonical\.reset: missing/);
  });
  it('unknown kinds', () => {
    expect(() => fromKeras('peephole' as never, keras)).toThrow(UnknownKindError);
    expect(() => fromPytorch('LSTM' as never, torch)).toThrow(/pytorch\.kind: unknown cell kind string "LSTM"; expected one of rnn, lstm, gru/);
    expect(() => fromCanonical('transformer' as never, {})).toThrow(/canonical\.kind: unknown cell kind/);
  });
  it('today’s kinds, which no framework has a layer for: refused as such, both ways', () => {
    for (const kind of ['mingru', 'minlstm', 'slstm', 'mlstm'] as const) {
      expect(() => fromPytorch(kind, torch)).toThrow(new RegExp(`^pytorch\\.kind: unsupported value string "${kind}"; supported: rnn, lstm, gru: PyTorch has no ${kind} layer`));
      expect(() => fromKeras(kind, keras)).toThrow(/Keras has no \w+ layer \(its weights are read and written in Gatescope's own model file, layout "canonical"\)/);
      expect(() => fromOnnx(kind, onnx)).toThrow(/ONNX has no \w+ layer/);
      const p = randomParams(kind, 3, 4, createRng(6));
      for (const to of [toPytorch, toKeras, toOnnx]) expect(() => to(p)).toThrow(/\.kind: unsupported value/);
      // The vector files' canonical block reads them back to the same weights.
      const back = fromCanonical(kind, JSON.parse(JSON.stringify(toCanonical(p))), kind === 'slstm' ? { forget: 'exp' } : {});
      expect(paramArrays(back).map((a) => Array.from(a.data))).toEqual(paramArrays(p).map((a) => Array.from(a.data)));
    }
    expect(() => fromCanonical('slstm', {})).toThrow(/canonical\.forget: missing/);
    expect(() => fromCanonical('mingru', toCanonical(randomParams('mingru', 3, 4, createRng(5))), { gateActivation: 'hardSigmoid' })).toThrow(/canonical\.gateActivation/);
  });
  it('unsupported options', () => {
    expect(() => fromOnnx('lstm', onnx, { direction: 'bidirectional' })).toThrow(UnsupportedOptionError);
    expect(() => fromOnnx('lstm', onnx, { activations: ['Relu', 'Tanh', 'Tanh'] })).toThrow(/onnx\.activations\[0\]/);
    expect(() => fromOnnx('lstm', onnx, { activations: ['HardSigmoid', 'Tanh', 'Tanh'], activation_alpha: [0.3] })).toThrow(/onnx\.activation_alpha/);
    expect(() => fromOnnx('lstm', { ...onnx, P: [new Array(12).fill(0)] }, { input_forget: 1 })).toThrow(/onnx\.input_forget/);
    expect(() => fromOnnx('lstm', onnx, { hidden_size: 5 })).toThrow(/onnx\.hidden_size: unsupported value 5; supported: 4/);
    expect(fromPytorch('rnn', toPytorch(randomParams('rnn', 3, 4, createRng(6))), { nonlinearity: 'relu' })).toMatchObject({ activation: 'relu' });
    expect(() => fromPytorch('rnn', toPytorch(randomParams('rnn', 3, 4, createRng(6))), { nonlinearity: 'gelu' as never })).toThrow(
      /pytorch\.nonlinearity: unsupported value string "gelu"; supported: 'tanh' or 'relu'/,
    );
    expect(() => fromPytorch('lstm', toPytorch(randomParams('lstm', 3, 4, createRng(6))), { nonlinearity: 'relu' })).toThrow(
      /pytorch\.nonlinearity: unsupported value string "relu"; supported: 'tanh'/,
    );
    expect(fromOnnx('rnn', toOnnx(randomParams('rnn', 3, 4, createRng(6))).tensors, { activations: ['Relu'] })).toMatchObject({ activation: 'relu' });
    expect(() => fromOnnx('rnn', toOnnx(randomParams('rnn', 3, 4, createRng(6))).tensors, { activations: ['Sigmoid'] })).toThrow(
      /onnx\.activations\[0\]: unsupported value string "Sigmoid"; supported: 'Tanh' or 'Relu'/,
    );
    expect(() => fromKeras('lstm', keras, { activation: 'relu' })).toThrow(/keras\.activation/);
    expect(() => fromKeras('lstm', keras, { gateActivation: 'relu' as never })).toThrow(/keras\.gateActivation/);
  });
});
