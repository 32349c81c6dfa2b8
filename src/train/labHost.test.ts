import { describe, expect, it } from 'vitest';
import { readModelFile } from '../models/format';
import { paramArrays } from '../engine';
import { trainLabRun } from './lab';
import { LAB_DEFAULTS, type LabSettings } from './labSettings';
import { EVAL_EVERY, LabHost, SLICE_MS } from './labHost';
import type { LabEvent } from './labProtocol';

const settings: LabSettings = { ...LAB_DEFAULTS, gap: 5, hidden: 4, batch: 4 };

/** A LabHost as the worker runs it, with a clock that moves 1 ms per look and a queue for deferrals. */
function fakeWorker() {
  const events: LabEvent[] = [];
  const queue: Array<() => void> = [];
  let now = 0;
  const host = new LabHost((e) => events.push(JSON.parse(JSON.stringify(e)) as LabEvent), {
    now: () => (now += 1),
    defer: (fn) => queue.push(fn),
  });
  const pump = (n = 1) => {
    for (let k = 0; k < n && queue.length; k++) queue.shift()!();
  };
  const progress = () => events.filter((e) => e.type === 'progress');
  const lastProgress = () => progress().at(-1)!;
  return { host, events, queue, pump, progress, lastProgress };
}

describe('the lab worker protocol', () => {
  it('reset → ready and a first point for both runs, at zero examples', () => {
    const w = fakeWorker();
    w.host.handle({ type: 'reset', settings });
    expect(w.events[0]).toMatchObject({ type: 'ready', labels: ['french', 'german', 'spanish', 'italian', 'chinese', 'japanese'], heldout: expect.any(Number) });
    const p = w.lastProgress();
    if (p.type !== 'progress') throw new Error();
    expect(p.running).toBe(false);
    expect(p.runs.map((r) => [r.kind, r.seen, r.points.length, r.points[0]!.seen])).toEqual([
      ['rnn', 0, 1, 0],
      ['lstm', 0, 1, 0],
    ]);
    expect(p.runs[0].probe!.gradH.length).toBe(p.runs[0].probe!.tokens.length);
  });

  it('step trains one batch on each run and reports a point', () => {
    const w = fakeWorker();
    w.host.handle({ type: 'reset', settings });
    w.host.handle({ type: 'step' });
    const p = w.lastProgress();
    if (p.type !== 'progress') throw new Error();
    expect(p.runs.map((r) => r.seen)).toEqual([4, 4]);
    expect(p.runs.map((r) => r.points.map((q) => q.seen))).toEqual([[4], [4]]);
    expect(w.queue.length).toBe(0);
  });

  it('start trains in slices, one progress message per slice, until pause', () => {
    const w = fakeWorker();
    w.host.handle({ type: 'reset', settings });
    const before = w.progress().length;
    w.host.handle({ type: 'start' });
    expect(w.progress().length).toBe(before); // nothing trains until the worker's loop turns
    w.pump(3);
    expect(w.progress().length).toBe(before + 3);
    const p = w.lastProgress();
    if (p.type !== 'progress') throw new Error();
    expect(p.running).toBe(true);
    // The fake clock moves 1 ms per look, 5 looks per turn of both runs: SLICE_MS / 5 turns a slice.
    expect(p.runs[0].seen).toBeGreaterThanOrEqual(3 * Math.floor(SLICE_MS / 5) * settings.batch);
    expect(p.runs[0].busyMs).toBe(p.runs[0].seen / settings.batch);
    expect(p.runs[0].seen).toBe(p.runs[1].seen);
    expect(p.rate).toBeGreaterThan(0);
    w.host.handle({ type: 'pause' });
    const q = w.lastProgress();
    if (q.type !== 'progress') throw new Error();
    expect(q.running).toBe(false);
    w.pump(5);
    expect(w.lastProgress()).toBe(q); // a pending slice does nothing after pause
    // Points every EVAL_EVERY examples, each sent once.
    const seenAt = w.progress().flatMap((e) => (e.type === 'progress' ? e.runs[1].points.map((x) => x.seen) : []));
    expect(seenAt[0]).toBe(0);
    for (let k = 1; k < seenAt.length; k++) expect(seenAt[k]! - seenAt[k - 1]!).toBeGreaterThanOrEqual(EVAL_EVERY);
  });

  it('snapshot: the weights after N examples are exactly those of npm run train’s run for N examples', () => {
    const w = fakeWorker();
    w.host.handle({ type: 'reset', settings });
    w.host.handle({ type: 'start' });
    w.pump(2);
    w.host.handle({ type: 'pause' });
    w.host.handle({ type: 'snapshot', run: 1, request: 7 });
    const snap = w.events.at(-1)!;
    if (snap.type !== 'snapshot') throw new Error(snap.type);
    expect(snap.request).toBe(7);
    expect(snap.seen).toBeGreaterThan(0);
    const { model, meta } = readModelFile(snap.file);
    const direct = trainLabRun(settings, 'lstm', snap.seen);
    expect(direct.seen).toBe(snap.seen);
    const a = paramArrays(model.cell).flatMap((p) => Array.from(p.data));
    const b = paramArrays(direct.model.cell).flatMap((p) => Array.from(p.data));
    expect(a.length).toBe(b.length);
    a.forEach((x, k) => expect(Math.abs(x - b[k]!)).toBeLessThanOrEqual(1e-12));
    expect(Array.from(model.head?.W.data ?? [])).toEqual(Array.from(direct.model.head.W.data));
    expect(meta.caption?.en).toMatch(new RegExp(`Trained here: memory, gap 5, lstm, ${snap.seen.toLocaleString('en')} examples seen, held-out accuracy \\d`));
  });

  it('bad settings and commands before reset answer with an error naming the problem', () => {
    const w = fakeWorker();
    w.host.handle({ type: 'start' });
    expect(w.events.at(-1)).toEqual({ type: 'error', message: 'the lab has no runs yet (reset first)' });
    w.host.handle({ type: 'reset', settings: { ...settings, lr: 0 } });
    expect(w.events.at(-1)).toEqual({ type: 'error', message: 'bad settings: lr' });
  });
});
