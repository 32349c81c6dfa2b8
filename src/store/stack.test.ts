/**
 * A stacked model in the store: every layer steps together, the views show the layer picked,
 * the head reads the top layer, and `layer=` in a link picks one (for the model it loads).
 * The model is the 2-layer LSTM that scripts/pytorch-fixtures.py exported from real PyTorch.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predict, runStack, stackMismatch, stackOf } from '../engine';
import { demoModel } from '../models/demo';
import { readModelFile } from '../models/format';
import { traceToCsv, traceToJson } from '../viz/exportTrace';
import { createGatescopeStore } from './store';
import { parseUrlParams, writeUrlParams } from './urlParams';

const FIXTURE = resolve(__dirname, '../../scripts/fixtures/pytorch/lstm-2.json');
const text = readFileSync(FIXTURE, 'utf8');
const stacked = () => readModelFile(JSON.parse(text)).model;
const SENTENCE = 'the movie was not good';

describe('a stacked model in the store', () => {
  it('steps every layer; history is the shown layer; layer 2 reads layer 1’s h', () => {
    const s = createGatescopeStore({ text: SENTENCE });
    s.getState().setModel(stacked());
    s.getState().goTo(4);
    const st = s.getState();
    expect(st.stack).toHaveLength(2);
    expect(st.layer).toBe(0);
    expect(st.history).toBe(st.stack[0]);
    st.setLayer(1);
    const up = s.getState();
    expect(up.history).toBe(up.stack[1]);
    up.stack[1]!.forEach((tr, t) => expect(tr.x).toBe(up.stack[0]![t]!.h));
    // The same numbers as the engine's run of the whole stack.
    const ref = runStack(
      stackOf(up.model),
      up.embedded.map((e) => e.x),
    ).layers;
    ref.forEach((layer, l) => layer.forEach((tr, t) => expect(Array.from(up.stack[l]![t]!.h)).toEqual(Array.from(tr.h))));
    // Out of range is clamped, a non-integer ignored.
    up.setLayer(7);
    expect(s.getState().layer).toBe(1);
    s.getState().setLayer(0.5);
    expect(s.getState().layer).toBe(1);
  });

  it('the head reads the top layer, not the bottom one', () => {
    const m = stacked();
    const s = createGatescopeStore({ text: SENTENCE });
    s.getState().setModel(m);
    s.getState().goTo(4);
    const { stack } = s.getState();
    const top = predict(m.head!, stack[1]![4]!.h)[1]!;
    const bottom = predict(m.head!, stack[0]![4]!.h)[1]!;
    const want = (JSON.parse(readFileSync(FIXTURE.replace('.json', '.expected.json'), 'utf8')) as { steps: { p: number }[] }).steps[4]!.p;
    expect(Math.abs(top - want)).toBeLessThan(1e-5);
    expect(Math.abs(bottom - want)).toBeGreaterThan(1e-3); // the test could tell the two apart
  });

  it('a one-layer model after a stack shows its only layer', () => {
    const s = createGatescopeStore({ text: SENTENCE });
    s.getState().setModel(stacked());
    s.getState().setLayer(1);
    s.getState().setModel(demoModel('gru'));
    expect(s.getState().layer).toBe(0);
    expect(s.getState().stack).toHaveLength(1);
    expect(s.getState().history).toBe(s.getState().stack[0]);
  });

  it('layer= in a link: 1-based, 1 … 4, kept for the model the link loads, and written back', async () => {
    expect(parseUrlParams('?layer=2').options.layer).toBe(1);
    expect(parseUrlParams('?layer=9').notices).toEqual([{ param: 'layer', value: '9', reason: 'notAllowed', allowed: '1…4' }]);
    expect(parseUrlParams('?layer=x').notices[0]).toMatchObject({ param: 'layer', reason: 'badNumber' });
    const s = createGatescopeStore({
      text: SENTENCE,
      weights: 'models/lstm-2.json',
      layer: 1,
      fetchFile: async () => ({ size: text.length, text: async () => text }),
    });
    await new Promise((r) => setTimeout(r, 0));
    await s.getState().loadModelUrl('models/lstm-2.json');
    expect(s.getState().stack).toHaveLength(2);
    expect(s.getState().layer).toBe(1);
    expect(writeUrlParams(s.getState())).toContain('layer=2');
    s.getState().setLayer(0);
    expect(writeUrlParams(s.getState())).not.toContain('layer=');
  });

  it('the trace export carries every layer', () => {
    const s = createGatescopeStore({ text: SENTENCE });
    s.getState().setModel(stacked());
    s.getState().goTo(4);
    const { stack, embedded } = s.getState();
    const e = { model: 'm', cell: 'lstm', tokens: embedded, layers: stack };
    const csv = traceToCsv(e).split('\n');
    expect(csv[0]).toBe('t,token,layer,vector,unit,value');
    const row = csv.find((l) => l.startsWith('3,not,2,h,1,'))!;
    expect(Number(row.split(',').at(-1))).toBe(stack[1]![3]!.h[0]);
    const j = JSON.parse(traceToJson(e)) as { layers: number; steps: { layers: { h: number[] }[] }[] };
    expect(j.layers).toBe(2);
    expect(j.steps[3]!.layers[1]!.h).toEqual(Array.from(stack[1]![3]!.h));
  });
});

describe('stackMismatch', () => {
  it('names the layer whose input is not the h below, and a change of kind', () => {
    const a = demoModel('lstm').cell;
    const g = demoModel('gru').cell;
    expect(stackMismatch([a])).toBeNull();
    expect(stackMismatch([a, a])).toMatch(/^layer 2 reads \d+ inputs, but layer 1 outputs \d+ \(its hidden size\)$/);
    expect(stackMismatch([a, g])).toBe('layer 2 is "gru" but layer 1 is "lstm": a stack has one cell kind');
  });
});
