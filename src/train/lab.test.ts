import { describe, expect, it } from 'vitest';
import { bptt, predict, run } from '../engine';
import { readModelFile } from '../models/format';
import { roleOf } from './data/split';
import { LabRun, labData, setKeepBias, trainLabRun } from './lab';
import { LAB_DEFAULTS, LAB_LIMITS, labProblems, labStartOf, labStarts, type LabSettings } from './labSettings';
import { LAB_TASK_DEFS } from './labTasks';
import type { TrainableModel } from './network';
import { embedIds } from './loss';
import { initNetwork, tokenIds } from './network';

const quick: LabSettings = { ...LAB_DEFAULTS, gap: 5, hidden: 4, batch: 4 };

describe('lab settings', () => {
  it('names every setting it cannot train with', () => {
    const fields = (s: Partial<LabSettings>) => labProblems({ ...LAB_DEFAULTS, ...s }).map((p) => `${p.field}:${p.reason}`);
    expect(fields({})).toEqual([]);
    expect(fields({ lr: 0 })).toEqual(['lr:outOfRange']);
    expect(fields({ hidden: 0 })).toEqual(['hidden:outOfRange']);
    expect(fields({ gap: LAB_LIMITS.gap.max + 1 })).toEqual(['gap:outOfRange']);
    expect(fields({ batch: 2.5 })).toEqual(['batch:notOnStep']);
    expect(fields({ lr: Number.NaN, seed: Infinity })).toEqual(['lr:notANumber', 'seed:notANumber']);
    expect(fields({ kinds: ['gru', 'gru'] })).toEqual(['kinds:sameKinds']);
    expect(fields({ kinds: ['rnn', 'lstm'], starts: ['keep', 'keep'] })).toEqual(['starts:noSuchStart']);
    expect(fields({ kinds: ['rnn', 'lstm'], starts: ['identity', 'forget1'] })).toEqual([]);
    expect(() => labData({ ...LAB_DEFAULTS, hidden: 0 })).toThrow(/hidden/);
  });
});

describe('the data stream', () => {
  it('is the same for both runs, drawn from the training split; held-out sequences are the test split', () => {
    for (const task of ['memory', 'sentiment'] as const) {
      const s = { ...quick, task };
      const def = LAB_TASK_DEFS[task];
      const a = def.batch(s, 3);
      expect(def.batch(s, 3)).toEqual(a);
      expect(def.batch(s, 4)).not.toEqual(a);
      if (task === 'memory') for (const e of a) expect(roleOf(e.tokens)).toBe('train');
      const held = def.heldout(s);
      if (task === 'memory') for (const e of held) expect(roleOf(e.tokens)).toBe('test');
      const trained = new Set(
        Array.from({ length: 50 }, (_, i) => def.batch(s, i))
          .flat()
          .map((e) => e.tokens.join(' ')),
      );
      for (const e of held) expect(trained.has(e.tokens.join(' '))).toBe(false);
      const k = labData(s).kernel;
      expect(k.probeText).toBe(held[0]!.tokens.join(' '));
      expect(k.heldoutCount).toBe(held.length);
    }
  });

  it('puts the gap it is given between the country and the question', () => {
    const e = LAB_TASK_DEFS.memory.batch({ ...quick, gap: 12 }, 0)[0]!;
    expect(e.tokens.length).toBe(4 + 1 + 1 + 12 + 1 + 3);
  });
});

describe('keep bias', () => {
  it('opens the gate that keeps the past, for each kind that has one', () => {
    const cell = (kind: LabSettings['kinds'][0]) => initNetwork({ id: 'x', task: 'memory', kind, vocab: ['<unk>'], embedDim: 2, hidden: 3, headKind: 'softmax', labels: ['a', 'b'], seed: 1 }).cell;
    const lstm = cell('lstm');
    setKeepBias(lstm, 3);
    if (lstm.kind !== 'lstm') throw new Error('kind');
    expect([...lstm.gates.f.bW]).toEqual([3, 3, 3]);
    expect([...lstm.gates.i.bW]).toEqual([-3, -3, -3]);
    const gru = cell('gru');
    setKeepBias(gru, 2);
    if (gru.kind !== 'gru') throw new Error('kind');
    expect([...gru.gates.z.bW]).toEqual([2, 2, 2]);
    const coupled = cell('coupled');
    setKeepBias(coupled, 2);
    if (coupled.kind !== 'coupled') throw new Error('kind');
    expect([...coupled.gates.f.bW]).toEqual([2, 2, 2]);
  });
});

describe('starts', () => {
  it('offers each kind the keep-gate bias where it has a keep gate, then its own starts; the default is the first', () => {
    expect(labStarts('rnn')).toEqual(['default', 'orthogonal', 'identity']);
    expect(labStarts('lstm')).toEqual(['keep', 'chrono', 'default', 'forget1']);
    expect(labStarts('gru')).toEqual(['keep', 'chrono', 'default']);
    expect(labStartOf(LAB_DEFAULTS, 0)).toBe(labStarts(LAB_DEFAULTS.kinds[0])[0]);
    expect(labStartOf({ ...LAB_DEFAULTS, starts: ['orthogonal', 'default'] }, 1)).toBe('default');
  });

  it('starts each run as chosen: the keep bias b only from the lab’s own start; a kind’s start as the engine defines it', () => {
    const settings = (starts: LabSettings['starts']): LabSettings => ({ ...quick, kinds: ['rnn', 'lstm'], keepBias: 3, ...(starts ? { starts } : {}) });
    const lstmOf = (s: LabSettings) => {
      const c = new LabRun(labData(s), 'lstm').model.cell;
      if (c.kind !== 'lstm') throw new Error('kind');
      return c;
    };
    expect([...lstmOf(settings(undefined)).gates.f.bW]).toEqual([3, 3, 3, 3]);
    expect([...lstmOf(settings(['default', 'forget1'])).gates.f.bW]).toEqual([1, 1, 1, 1]);
    const plain = lstmOf(settings(['default', 'default'])).gates.f.bW;
    expect(plain.every((b) => Math.abs(b) < 1 / Math.sqrt(4))).toBe(true);
    // The RNN: its default start is the one it always had; orthogonal changes only U, to an orthogonal U.
    const rnnOf = (s: LabSettings) => {
      const c = new LabRun(labData(s), 'rnn').model.cell;
      if (c.kind !== 'rnn') throw new Error('kind');
      return c;
    };
    const before = rnnOf(settings(undefined));
    const orth = rnnOf(settings(['orthogonal', 'keep']));
    expect(Array.from(orth.a.W.data)).toEqual(Array.from(before.a.W.data));
    expect(Array.from(orth.a.U.data)).not.toEqual(Array.from(before.a.U.data));
    const U = orth.a.U.data;
    const dot = (r: number, c: number) => [0, 1, 2, 3].reduce((a, k) => a + U[k * 4 + r]! * U[k * 4 + c]!, 0);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) expect(dot(r, c)).toBeCloseTo(r === c ? 1 : 0, 12);
    expect(rnnOf(settings(['identity', 'keep'])).activation).toBe('relu');
    // The time series too.
    const wave = new LabRun(labData({ ...settings(['identity', 'keep']), task: 'wave' }), 'rnn').model.cell;
    expect(wave.kind === 'rnn' && wave.activation).toBe('relu');
  });
});

describe('a lab run', () => {
  it('trains on the stream batch by batch: the loss falls and held-out accuracy rises', () => {
    const r = new LabRun(labData({ ...LAB_DEFAULTS, task: 'sentiment', lr: 0.01, keepBias: 1 }), 'lstm');
    const first = r.point();
    for (let k = 0; k < 250; k++) r.step();
    const a = r.point();
    for (let k = 0; k < 250; k++) r.step();
    const b = r.point();
    expect(r.seen).toBe(4000);
    expect(b.trainLoss).toBeLessThan(a.trainLoss);
    expect(b.heldout).toBeGreaterThan(0.8);
    expect(first.heldout).toBeLessThan(0.7);
  });

  it('gives the same weights from the same settings, whoever runs it', () => {
    const a = trainLabRun(quick, 'gru', 40);
    const b = trainLabRun(quick, 'gru', 40);
    expect(a.seen).toBe(40);
    expect(Array.from(b.model.cell.kind === 'gru' ? b.model.cell.gates.z.W.data : [])).toEqual(Array.from(a.model.cell.kind === 'gru' ? a.model.cell.gates.z.W.data : []));
    const c = trainLabRun({ ...quick, seed: 1 }, 'gru', 40);
    expect(c.model.head.W.data).not.toEqual(a.model.head.W.data);
  });

  it('probes with the engine: ‖∂L/∂h_t‖ and ‖∂L/∂C_t‖ are the norms of bptt’s gradients, the gates the trace’s', () => {
    const r = trainLabRun(quick, 'lstm', 20);
    const pr = r.probe();
    const m = r.model as TrainableModel;
    const label = LAB_TASK_DEFS.memory.heldout(quick)[0]!.label;
    expect(pr.answer).toBe(LAB_TASK_DEFS.memory.labels[label]);
    const ids = tokenIds(m.embedding, pr.tokens);
    const { traces, final } = run(m.cell, embedIds(m, ids));
    const p = predict(m.head, final.h);
    const H = m.cell.hiddenSize;
    const dhT = new Float64Array(H);
    p.forEach((pk, k) => {
      const dz = pk - (k === label ? 1 : 0);
      for (let j = 0; j < H; j++) dhT[j] = dhT[j]! + m.head.W.data[k * H + j]! * dz;
    });
    const back = bptt(
      m.cell,
      traces,
      traces.map(() => new Float64Array(H)),
      dhT,
    );
    const n = (v: Float64Array) => Math.hypot(...v);
    expect(pr.gradH.length).toBe(pr.tokens.length);
    pr.gradH.forEach((g, t) => expect(g).toBeCloseTo(n(back.dh[t]!), 12));
    pr.gradC!.forEach((g, t) => expect(g).toBeCloseTo(n(back.dc![t]!), 12));
    expect(pr.gates.map((g) => g.name)).toEqual(['f', 'i', 'o']);
    const tr = traces[2]!;
    if (tr.kind !== 'lstm') throw new Error('kind');
    expect(pr.gates[0]!.values[2]).toEqual(Array.from(tr.f));
    expect(pr.loss).toBe(-Math.log(p[label]!));
    expect(pr.series).toBeNull();
    expect(r.probe().gates).toEqual(pr.gates);
    expect(new LabRun(labData(quick), 'rnn').probe().gradC).toBeNull();
  });

  it('stops with the example count when the loss stops being a number', () => {
    const r = new LabRun(labData(quick), 'rnn');
    r.step();
    r.model.head.W.data[0] = Infinity;
    expect(Number.isNaN(r.step())).toBe(true);
    expect(r.divergedAt).toBe(8);
    expect(Number.isNaN(r.step())).toBe(true);
    expect(r.seen).toBe(8);
  });

  it('writes a model file that reads back to the very same weights', async () => {
    const { toModelFile } = await import('../models/write-format');
    const r = trainLabRun(quick, 'peephole', 12);
    const { model } = readModelFile(JSON.parse(JSON.stringify(toModelFile(r.model, {}, 'exact'))));
    if (model.cell.kind !== 'peephole' || r.model.cell.kind !== 'peephole') throw new Error('kind');
    expect(Array.from(model.cell.gates.f.U.data)).toEqual(Array.from(r.model.cell.gates.f.U.data));
    expect(Array.from(model.cell.peep.o)).toEqual(Array.from(r.model.cell.peep.o));
  });
});
