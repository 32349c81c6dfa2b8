import { describe, expect, it } from 'vitest';
import { CELL_KINDS, paramArrays } from '../engine';
import { trainLabRun } from '../train/lab';
import { LAB_DEFAULTS, LAB_TASK_DEFAULTS } from '../train/labSettings';
import { LabHost } from '../train/labHost';
import type { LabCommand, LabEvent } from '../train/labProtocol';
import type { LabPort } from './types';
import { createGatescopeStore, kindOf } from './store';
import { parseUrlParams, writeUrlParams } from './urlParams';

/**
 * A fake worker: the real LabHost behind a port whose messages are delivered when the test
 * pumps them (as a worker's would arrive later), both ways.
 */
function fakeWorkerPort() {
  const toWorker: LabCommand[] = [];
  const toPage: LabEvent[] = [];
  const deferred: Array<() => void> = [];
  let now = 0;
  let made = 0;
  const host = new LabHost((e) => toPage.push(structuredClone(e)), { now: () => (now += 1), defer: (fn) => deferred.push(fn) });
  const port: LabPort = { postMessage: (c) => toWorker.push(structuredClone(c)), onmessage: null, terminate: () => {} };
  /** Delivers everything in flight; `slices` turns of the worker's loop. */
  const pump = (slices = 0) => {
    for (let k = 0; k <= slices; k++) {
      while (toWorker.length) host.handle(toWorker.shift()!);
      if (k > 0 && deferred.length) deferred.shift()!();
      while (toPage.length) port.onmessage?.({ data: toPage.shift()! });
    }
  };
  return { factory: () => (made++, port), pump, made: () => made, toWorker };
}

const small = { gap: 5, hidden: 4, batch: 4 };

describe('the lab slice', () => {
  it('makes no worker until the Train view opens, then resets, steps, starts and pauses', () => {
    const w = fakeWorkerPort();
    const s = createGatescopeStore({ labPort: w.factory, lab: small });
    expect(w.made()).toBe(0);
    expect(s.getState().lab.status).toBe('off');
    s.getState().labOpen();
    s.getState().labOpen();
    expect(w.made()).toBe(1);
    w.pump();
    const lab = s.getState().lab;
    expect(lab.status).toBe('ready');
    expect(lab.runs!.map((r) => [r.kind, r.seen, r.points.length])).toEqual([
      ['rnn', 0, 1],
      ['lstm', 0, 1],
    ]);
    expect(lab.metric).toBe('accuracy');
    expect(lab.baseline).toBeGreaterThan(0);
    expect(lab.labels).toHaveLength(6);
    s.getState().labStep();
    w.pump();
    expect(s.getState().lab.runs!.map((r) => r.seen)).toEqual([4, 4]);
    expect(s.getState().lab.status).toBe('paused');
    s.getState().labToggle();
    w.pump(3);
    expect(s.getState().lab.status).toBe('running');
    const seen = s.getState().lab.runs![0].seen;
    expect(seen).toBeGreaterThan(4);
    s.getState().labToggle();
    w.pump(3);
    expect(s.getState().lab.status).toBe('paused');
    expect(s.getState().lab.runs![0].seen).toBeGreaterThanOrEqual(seen);
    // Points accumulate on the page side, each once, in order.
    const pts = s.getState().lab.runs![1].points.map((p) => p.seen);
    expect(pts).toEqual([...pts].sort((a, b) => a - b));
    expect(new Set(pts).size).toBe(pts.length);
  });

  it('a settings change starts both runs afresh; progress from the old runs is ignored', () => {
    const w = fakeWorkerPort();
    const s = createGatescopeStore({ labPort: w.factory, lab: small });
    s.getState().labOpen();
    w.pump();
    s.getState().labStart();
    w.pump(2);
    s.getState().setLabSettings({ kinds: ['gru', 'lstm'] });
    expect(s.getState().lab.status).toBe('off');
    w.pump();
    expect(s.getState().lab.runs!.map((r) => [r.kind, r.seen])).toEqual([
      ['gru', 0],
      ['lstm', 0],
    ]);
  });

  it('bad settings stop the runs and are not sent; a task change takes that task’s defaults', () => {
    const w = fakeWorkerPort();
    const s = createGatescopeStore({ labPort: w.factory, lab: small });
    s.getState().labOpen();
    w.pump();
    s.getState().setLabSettings({ lr: 0 });
    expect(w.toWorker.at(-1)).toEqual({ type: 'pause' });
    w.pump();
    expect(s.getState().lab.runs).toBeNull();
    s.getState().labStart();
    expect(w.toWorker.length).toBe(0);
    s.getState().setLabSettings({ task: 'sentiment' });
    expect(s.getState().lab.settings).toEqual({ ...LAB_TASK_DEFAULTS.sentiment, kinds: ['rnn', 'lstm'] });
    w.pump();
    expect(s.getState().lab.status).toBe('ready');
  });

  it('“Use this model”: the run’s exact weights become the app’s model, on the probe sentence, in the cell view', async () => {
    const w = fakeWorkerPort();
    const s = createGatescopeStore({ labPort: w.factory, lab: small, view: 'train' });
    s.getState().labOpen();
    w.pump();
    for (let k = 0; k < 5; k++) s.getState().labStep();
    w.pump();
    const done = s.getState().labUse(1);
    w.pump();
    await done;
    const st = s.getState();
    expect(st.view).toBe('cell');
    expect(st.origin).toEqual({ from: 'lab', name: 'lab-memory-lstm' });
    expect(kindOf(st)).toBe('lstm');
    expect(st.tokens.join(' ')).toBe(st.lab.runs![1].probe!.tokens.join(' '));
    expect(st.t).toBe(st.tokens.length - 1);
    const direct = trainLabRun({ ...LAB_DEFAULTS, ...small }, 'lstm', 20);
    expect(paramArrays(st.model.cell).map((p) => Array.from(p.data))).toEqual(paramArrays(direct.model.cell).map((p) => Array.from(p.data)));
    expect(st.modelMeta?.caption?.en).toMatch(/^Trained here: memory, gap 5, lstm, 20 examples seen/);
    // The unrolled view compares it with the run it trained beside, at the same moment.
    expect(st.labPartner?.id).toBe('lab-memory-rnn');
    expect(st.compareKind).toBe('rnn');
    const rnn = trainLabRun({ ...LAB_DEFAULTS, ...small }, 'rnn', 20);
    expect(Array.from(st.labPartner!.head!.W.data)).toEqual(Array.from(rnn.model.head.W.data));
    // The link does not claim a model it cannot reload.
    expect(writeUrlParams(st)).not.toMatch(/model=/);
  });
});

describe('lab settings in the link', () => {
  it('reads each setting, writes only what differs from the task’s defaults, and round-trips', () => {
    const { options, notices } = parseUrlParams('?view=train&lab=memory&kinds=rnn,gru&gap=40&hidden=16&lr=0.01&batch=16&seed=7&keep=1&autostart=1');
    expect(notices).toEqual([]);
    expect(options.lab).toEqual({ task: 'memory', kinds: ['rnn', 'gru'], gap: 40, hidden: 16, lr: 0.01, batch: 16, seed: 7, keepBias: 1 });
    expect(options.labAutostart).toBe(true);
    const s = createGatescopeStore({ ...options, labPort: () => fakeWorkerPort().factory() });
    const q = writeUrlParams(s.getState());
    const again = createGatescopeStore(parseUrlParams(q).options).getState().lab;
    expect(again.settings).toEqual(s.getState().lab.settings);
    expect(again.autostart).toBe(true);
    expect(q).not.toMatch(/lab=memory/); // the default task is not written
    expect(writeUrlParams(createGatescopeStore({ view: 'train' }).getState())).toBe('?view=train');
  });

  it('reads and writes each run’s start, and leaves out the kinds’ first starts', () => {
    const { options, notices } = parseUrlParams('?view=train&kinds=rnn,lstm&starts=orthogonal,default');
    expect(notices).toEqual([]);
    expect(options.lab).toMatchObject({ kinds: ['rnn', 'lstm'], starts: ['orthogonal', 'default'] });
    const s = createGatescopeStore(options);
    expect(writeUrlParams(s.getState())).toMatch(/starts=orthogonal%2Cdefault|starts=orthogonal,default/);
    s.getState().setLabSettings({ starts: ['default', 'keep'] });
    expect(writeUrlParams(s.getState())).not.toMatch(/starts/);
    expect(parseUrlParams('?starts=orthogonal').notices.map((n) => n.param)).toEqual(['starts']);
    expect(parseUrlParams('?starts=orthogonal,sideways').notices.map((n) => n.param)).toEqual(['starts']);
  });

  it('names each bad value and what it allows', () => {
    const { options, notices } = parseUrlParams('?gap=500&lr=0&hidden=abc&kinds=lstm,lstm&keep=0.3&lab=poems');
    expect(options.lab).toBeUndefined();
    expect(notices.map((n) => [n.param, n.reason, n.allowed])).toEqual([
      ['lab', 'unknown', 'memory, sentiment, wave'],
      ['kinds', 'notAllowed', `two different of ${CELL_KINDS.join(', ')}`],
      ['gap', 'notAllowed', '0…80'],
      ['hidden', 'badNumber', undefined],
      ['lr', 'notAllowed', '0.0001…1'],
      ['keep', 'notAllowed', '-4…8, in steps of 0.5'],
    ]);
  });
});
