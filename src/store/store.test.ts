import { CELL_KINDS } from '../engine';
import { describe, expect, it } from 'vitest';
import { run, embedToken } from '../engine';
import { demoModel } from '../models/demo';
import { tokenize } from '../text/tokenize';
import { MAX_TEXT_CHARS, createGatescopeStore } from './store';
import { parseUrlParams, stepNotice, writeUrlParams } from './urlParams';
import { manualScheduler } from '../testing/manualScheduler';

function freshRun(kind: Parameters<typeof demoModel>[0], text: string) {
  const m = demoModel(kind);
  const xs = tokenize(text).tokens.map((tok) => embedToken(m.embedding, tok).x);
  return run(m.cell, xs).traces;
}

describe('store', () => {
  it('starts at step 0 with one trace computed', () => {
    const s = createGatescopeStore({ text: 'the clouds are in the sky' });
    expect(s.getState().tokens).toEqual(['the', 'clouds', 'are', 'in', 'the', 'sky']);
    expect(s.getState().t).toBe(0);
    expect(s.getState().history).toHaveLength(1);
  });

  it('steps forward by pushing, back by moving the index, and clamps at both ends', () => {
    const s = createGatescopeStore({ text: 'a b c' });
    s.getState().stepForward();
    s.getState().stepForward();
    s.getState().stepForward();
    expect(s.getState().t).toBe(2);
    expect(s.getState().history).toHaveLength(3);
    const before = s.getState().history;
    s.getState().stepBack();
    expect(s.getState().t).toBe(1);
    expect(s.getState().history).toBe(before);
    s.getState().goTo(-5);
    expect(s.getState().t).toBe(0);
  });

  it('the trace at t equals a fresh run to t, for every kind', () => {
    for (const kind of CELL_KINDS) {
      const text = 'i grew up in france and i speak fluent french';
      const s = createGatescopeStore({ text, kind });
      s.getState().goTo(7);
      const expected = freshRun(kind, text);
      expect(Array.from(s.getState().history[7]!.h)).toEqual(Array.from(expected[7]!.h));
      s.getState().goTo(3);
      expect(Array.from(s.getState().history[3]!.h)).toEqual(Array.from(expected[3]!.h));
    }
  });

  it('switching the cell kind keeps the sentence and the step and re-runs it', () => {
    const s = createGatescopeStore({ text: 'the clouds are in the sky', t: 4 });
    s.getState().setCellKind('gru');
    expect(s.getState().t).toBe(4);
    expect(s.getState().history[4]!.kind).toBe('gru');
    expect(Array.from(s.getState().history[4]!.h)).toEqual(Array.from(freshRun('gru', 'the clouds are in the sky')[4]!.h));
  });

  it('a new sentence starts again at step 0; an empty one has no steps and an error', () => {
    const s = createGatescopeStore({ t: 3 });
    s.getState().setText('hello world');
    expect(s.getState().t).toBe(0);
    s.getState().setText('   ');
    expect(s.getState().tokens).toEqual([]);
    expect(s.getState().tokenError).toEqual({ kind: 'empty' });
    s.getState().stepForward();
    expect(s.getState().history).toEqual([]);
  });

  it('a sentence over 200 tokens is cut with an error that says how long it was', () => {
    const s = createGatescopeStore();
    s.getState().setText('word '.repeat(250));
    expect(s.getState().tokens).toHaveLength(200);
    expect(s.getState().tokenError).toEqual({ kind: 'tooLong', count: 250, max: 200 });
  });

  it('a text longer than the app reads says how many characters it had, not a token count', () => {
    const s = createGatescopeStore();
    s.getState().setText('a'.repeat(MAX_TEXT_CHARS + 10));
    expect(s.getState().tokens).toHaveLength(1);
    expect(s.getState().tokenError).toEqual({ kind: 'tooManyChars', chars: MAX_TEXT_CHARS + 10, max: MAX_TEXT_CHARS });
  });

  it('plays to the end and stops; pause stops the clock; play at the end starts over', () => {
    const clock = manualScheduler();
    const s = createGatescopeStore({ text: 'a b c', scheduler: clock });
    s.getState().play();
    expect(s.getState().playing).toBe(true);
    clock.fire();
    expect(s.getState().t).toBe(1);
    s.getState().pause();
    expect(clock.fire()).toBe(false);
    s.getState().play();
    clock.fire();
    expect(s.getState().t).toBe(2);
    expect(s.getState().playing).toBe(false);
    s.getState().play();
    expect(s.getState().t).toBe(0);
  });

  it('out-of-range t in the options is clamped to the last step', () => {
    const s = createGatescopeStore({ text: 'a b c', t: 99 });
    expect(s.getState().t).toBe(2);
  });
});

describe('URL parameters', () => {
  it('round-trips every parameter through one table', () => {
    const s = createGatescopeStore({ text: '我 爱 LSTM', kind: 'peephole', t: 2, view: 'heatmap', lang: 'zh', theme: 'dark', embed: true });
    const q = writeUrlParams(s.getState());
    const { options, notices } = parseUrlParams(q);
    expect(notices).toEqual([]);
    expect(options).toEqual({ text: '我 爱 LSTM', kind: 'peephole', t: 2, view: 'heatmap', lang: 'zh', theme: 'dark', embed: true });
  });

  it('writes nothing for defaults', () => {
    expect(writeUrlParams(createGatescopeStore().getState())).toBe('');
  });

  it('drops bad values one by one with a notice and keeps the rest', () => {
    const { options, notices } = parseUrlParams('?cell=transformer&t=-3&text=hello&lang=fr&embed=maybe');
    expect(options).toEqual({ text: 'hello' });
    expect(notices.map((n) => `${n.param}:${n.reason}`)).toEqual(['cell:unknown', 't:notANumber', 'lang:unknown', 'embed:unknown']);
    expect(parseUrlParams(`?text=${'x'.repeat(6000)}`).notices[0]!.reason).toBe('tooLong');
  });

  it('round-trips the view knobs: speed, the unrolled comparison kind, the gradient view settings', () => {
    const s = createGatescopeStore({ view: 'gradient', speed: 8, compareKind: 'gru', fillers: 40, forgetBias: -1.5, flowFrom: 'current' });
    expect(s.getState().flow).toEqual({ fillers: 40, forgetBias: -1.5, from: 'current' });
    const q = writeUrlParams(s.getState());
    expect(q).toBe('?view=gradient&speed=8&compare=gru&fillers=40&bias=-1.5&from=current');
    expect(parseUrlParams(q)).toEqual({ options: { view: 'gradient', speed: 8, compareKind: 'gru', fillers: 40, forgetBias: -1.5, flowFrom: 'current' }, notices: [] });
    // Changed through the actions, the address follows.
    s.getState().setFlow({ fillers: 0 });
    s.getState().setCompareKind('rnn');
    s.getState().setSpeed(2);
    expect(writeUrlParams(s.getState())).toBe('?view=gradient&bias=-1.5&from=current');
  });

  it('refuses knob values the controls cannot show', () => {
    const { options, notices } = parseUrlParams('?speed=3&fillers=201&bias=0.3&from=middle&compare=lstm2');
    expect(options).toEqual({});
    expect(notices.map((n) => `${n.param}:${n.reason}`)).toEqual(['speed:notAllowed', 'compare:unknown', 'fillers:notAllowed', 'bias:notAllowed', 'from:unknown']);
    expect(notices.map((n) => n.allowed ?? '')).toEqual(['0.5, 1, 2, 4, 8, 16', CELL_KINDS.join(', '), '0…200', '-4…8, in steps of 0.5', 'last, current']);
    for (const bad of ['?bias=0x10', '?fillers=1e2', '?speed=Infinity']) expect(parseUrlParams(bad).notices[0]!.reason, bad).toBe('badNumber');
  });

  it('a list keeps its good entries and reports the bad ones', () => {
    const { options, notices } = parseUrlParams('?hide=header,bogus,table&origins=https://a.example,javascript:alert(1)');
    expect(options).toEqual({ hidden: ['header', 'table'], origins: ['https://a.example'] });
    expect(notices).toEqual([
      { param: 'hide', value: 'bogus', reason: 'unknown', allowed: 'header, input, cells, tokens, controls, info, tabs, table' },
      { param: 'origins', value: 'javascript:alert(1)', reason: 'unknown' },
    ]);
    expect(parseUrlParams('?hide=nope').notices).toEqual([{ param: 'hide', value: 'nope', reason: 'unknown', allowed: 'header, input, cells, tokens, controls, info, tabs, table' }]);
  });

  it('reports a step past the end of the sentence', () => {
    expect(stepNotice(9, 3)).toEqual({ param: 't', value: '9', reason: 'outOfRange' });
    expect(stepNotice(2, 3)).toBeNull();
  });
});
