/**
 * canonical → native → canonical for every layout that can express the cell. Weights come back
 * bit-identical; biases too, except where the native layout stores only bW + bU (one Keras bias),
 * where the sum must match and the step outputs must be identical.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { randomParams, type InitOptions } from '../init';
import { run } from '../step';
import type { Affine } from '../types';
import type { CellKind, CellParams } from '../kinds';
import { fromCanonical, fromKeras, fromOnnx, fromPytorch } from '.';
import { toCanonical, toKeras, toOnnx, toPytorch } from './export';

/** The JSON path: what a user pasting exported weights actually goes through. */
const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function affines(p: CellParams): Record<string, Affine> {
  if (p.kind === 'rnn') return { a: p.a };
  if (!('gates' in p) || p.kind === 'slstm') throw new Error(`a ${p.kind} cell has no affine gates`);
  return { ...p.gates };
}

/** Everything but the affine maps: activation, GRU placement, coupling, peepholes. */
function options(p: CellParams): unknown[] {
  switch (p.kind) {
    case 'rnn':
      return [];
    case 'gru':
      return [p.gateActivation, p.reset];
    case 'coupled':
      return [p.gateActivation, p.coupling];
    case 'peephole':
      return [p.gateActivation, p.peep];
    case 'lstm':
      return [p.gateActivation];
    default:
      throw new Error(`a ${p.kind} cell has no framework layout`);
  }
}

function expectSame(a: CellParams, b: CellParams, biasSplitKept: boolean): void {
  expect(b.kind).toBe(a.kind);
  expect([b.inputSize, b.hiddenSize]).toEqual([a.inputSize, a.hiddenSize]);
  const A = affines(a);
  const B = affines(b);
  expect(Object.keys(B).sort()).toEqual(Object.keys(A).sort());
  for (const g of Object.keys(A)) {
    expect(B[g]!.W).toEqual(A[g]!.W);
    expect(B[g]!.U).toEqual(A[g]!.U);
    if (biasSplitKept) {
      expect(B[g]!.bW).toEqual(A[g]!.bW);
      expect(B[g]!.bU).toEqual(A[g]!.bU);
    } else {
      const sum = (x: Affine) => Array.from(x.bW, (v, k) => v + x.bU[k]!);
      expect(sum(B[g]!)).toEqual(sum(A[g]!));
    }
  }
  expect(options(b)).toEqual(options(a));
  // Behaviour: the same trace (sums of the split biases may differ in the last bit).
  const rng = createRng(99);
  const xs = Array.from({ length: 4 }, () => Float64Array.from({ length: a.inputSize }, () => rng.uniform(-1, 1)));
  const ha = run(a, xs).final.h;
  const hb = run(b, xs).final.h;
  ha.forEach((v, k) => expect(Math.abs(v - hb[k]!)).toBeLessThan(1e-14));
}

const cases: [string, CellKind, InitOptions][] = [
  ['rnn', 'rnn', {}],
  ['lstm sigmoid', 'lstm', {}],
  ['lstm hardSigmoid', 'lstm', { gateActivation: 'hardSigmoid' }],
  ['peephole', 'peephole', {}],
  ['coupled f=1-i', 'coupled', { coupling: 'f=1-i' }],
  ['coupled i=1-f', 'coupled', { coupling: 'i=1-f' }],
  ['gru reset-after', 'gru', { reset: 'after' }],
  ['gru reset-before', 'gru', { reset: 'before' }],
  ['gru hardSigmoid', 'gru', { reset: 'before', gateActivation: 'hardSigmoid' }],
];

describe.each(cases)('%s', (_name, kind, opts) => {
  const p = randomParams(kind, 3, 5, createRng(kind.length * 31 + 7), opts);
  const gate = 'gateActivation' in p ? { gateActivation: p.gateActivation } : {};
  const extra = { ...gate, ...(p.kind === 'gru' ? { reset: p.reset } : {}), ...(p.kind === 'coupled' ? { coupling: p.coupling } : {}) };

  it('canonical', () => expectSame(p, fromCanonical(kind, viaJson(toCanonical(p)), extra), true));

  const torchOk = (kind === 'rnn' || kind === 'lstm' || (p.kind === 'gru' && p.reset === 'after')) && !('gateActivation' in gate && gate.gateActivation !== 'sigmoid');
  if (torchOk)
    it('pytorch', () => {
      expectSame(p, fromPytorch(kind as 'rnn', viaJson(toPytorch(p))), true);
    });

  const kerasOk = kind === 'rnn' || kind === 'lstm' || kind === 'gru';
  if (kerasOk)
    it('keras', () => {
      const k = viaJson(toKeras(p));
      expectSame(p, fromKeras(kind as 'rnn', k.tensors, k.opts), p.kind === 'gru' && p.reset === 'after');
    });

  const onnxOk = !(p.kind === 'coupled' && p.coupling !== 'f=1-i');
  if (onnxOk)
    it('onnx', () => {
      const o = viaJson(toOnnx(p));
      expectSame(p, fromOnnx(o.op, o.tensors, o.opts), true);
    });

  if (!onnxOk || !kerasOk)
    it('layouts that cannot express the cell refuse to export it', () => {
      if (!onnxOk) expect(() => toOnnx(p)).toThrow(/onnx\.kind/);
      if (!kerasOk) expect(() => toKeras(p)).toThrow(/keras\.kind/);
    });
});
