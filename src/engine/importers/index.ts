/** Native weight layouts (PyTorch, Keras/tfjs, ONNX, the vector files' canonical block) ⇄ CellParams. */
export * from './errors';
export { fromPytorch, type PytorchKind, type PytorchTensors, type PytorchOptions } from './pytorch';
export { fromKeras, type KerasKind, type KerasTensors, type KerasOptions } from './keras';
export { fromOnnx, type OnnxKind, type OnnxTensors, type OnnxOptions } from './onnx';
export { fromCanonical, InconsistentBiasError, type CanonicalOptions } from './canonical';
export { toCanonical, toPytorch, toKeras, toOnnx } from './export';
export { kindsIn } from './assemble';
