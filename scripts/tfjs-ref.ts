/**
 * TensorFlow.js layers as an independent reference: builds tf.layers.simpleRNN / lstm / gru with
 * the engine's weights loaded through the Keras layout (kernel, recurrent_kernel, bias), so an
 * agreement also checks our Keras exporter's gate order and transposes.
 * Only what tfjs can express: rnn, lstm, reset-before gru (tfjs has no resetAfter).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import type { CellParams, Vec } from '../src/engine';
import { toKeras } from '../src/engine/importers';

export { tf };

export async function useCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

// The weights are overwritten right away; zero initializers also skip tfjs' orthogonal
// recurrent initializer (a QR decomposition per layer, slow and fragile under Vitest).
const ZERO_INIT = { kernelInitializer: 'zeros', recurrentInitializer: 'zeros' } as const;

/** A built tfjs layer with the params' weights, returning the whole h sequence. */
export function tfjsLayer(p: CellParams): tfl.layers.Layer {
  const H = p.hiddenSize;
  const act = 'gateActivation' in p ? p.gateActivation : 'tanh';
  let layer: tfl.layers.Layer;
  if (p.kind === 'rnn') layer = tfl.layers.simpleRNN({ units: H, returnSequences: true, ...ZERO_INIT });
  else if (p.kind === 'lstm') layer = tfl.layers.lstm({ units: H, recurrentActivation: act, returnSequences: true, ...ZERO_INIT });
  else if (p.kind === 'gru' && p.reset === 'before') {
    layer = tfl.layers.gru({ units: H, recurrentActivation: act, returnSequences: true, ...ZERO_INIT });
  } else throw new Error(`tfjs has no layer for ${p.kind}${p.kind === 'gru' ? ' reset-after' : ''}`);
  // Layer.build() does not mark the layer built (apply() would build it again, with duplicate
  // weight names); one apply() on a dummy step builds it the supported way.
  tf.tidy(() => void layer.apply(tf.zeros([1, 1, p.inputSize])));
  const k = toKeras(p).tensors;
  layer.setWeights([tf.tensor2d(k.kernel), tf.tensor2d(k.recurrent_kernel), tf.tensor1d(k.bias as number[])]);
  return layer;
}

/** Runs the layer over one sequence (batch 1) and returns h at every step. */
export function tfjsRun(layer: tfl.layers.Layer, xs: readonly Vec[], inputSize: number): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor3d([xs.map((v) => Array.from(v))], [1, xs.length, inputSize]);
    const y = layer.apply(x) as tf.Tensor;
    return (y.arraySync() as number[][][])[0]!;
  });
}
