/** Native weight layouts (PyTorch, Keras/tfjs, ONNX, the vector files' canonical block) ⇄ CellParams. */
export * from './errors';
export { fromPytorch } from './pytorch';
export { fromKeras, type KerasOptions } from './keras';
export { fromOnnx, type OnnxOptions } from './onnx';
export { fromCanonical, type CanonicalOptions } from './canonical';
export { toPytorch, toKeras, toOnnx } from './export';
export { kindsIn } from './assemble';
