import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, stackOf, stepCost, type CellKind } from '../engine';
import { demoModel } from '../models/demo';
import { randomTableModel } from '../models/random';
import { embedAll } from './history';
import { SLICE_COST, SYNC_COST, cheapToRun, fullTraces, stepsPerSlice, traceProgress, tracesWhenDone, watchTraces } from './sentenceTraces';
import { createGatescopeStore } from './store';
import { manualScheduler } from '../testing/manualScheduler';

const N = 200;
const WORDS = Array.from({ length: N }, (_, k) => `w${k % 60}`);
/** Hidden 320: a few steps at once, tens per slice (over 150 for the RNN), so 200 tokens take slices. */
function bigModel(kind: CellKind) {
  return randomTableModel(kind, 8, 320, WORDS, 3, `big-${kind}`);
}

afterEach(() => vi.useRealTimers());

describe('stepCost and the slice sizes', () => {
  it('counts one matrix-vector product over [h; x] per gate block', () => {
    const m = (k: CellKind) => randomTableModel(k, 3, 5, ['a'], 1).cell;
    expect(stepCost(m('rnn'))).toBe(1 * 5 * 8);
    expect(stepCost(m('lstm'))).toBe(4 * 5 * 8);
    expect(stepCost(m('peephole'))).toBe(4 * 5 * 8);
    expect(stepCost(m('gru'))).toBe(3 * 5 * 8);
    expect(stepCost(m('coupled'))).toBe(3 * 5 * 8);
  });

  it('a demo sentence runs at once; a hidden-320 LSTM over 200 tokens does not', () => {
    expect(cheapToRun(stackOf(demoModel('lstm')), 200)).toBe(true);
    const bigM = bigModel('lstm');
    const big = bigM.cell;
    expect(cheapToRun(stackOf(bigM), N)).toBe(false);
    expect(cheapToRun(stackOf(bigM), 1)).toBe(true); // one step always runs at once
    expect(stepsPerSlice(stackOf(bigM))).toBe(Math.floor(SLICE_COST / stepCost(big)));
    expect(stepsPerSlice(stackOf(bigM))).toBeLessThan(N / 2);
    expect(Math.floor(SYNC_COST / stepCost(big))).toBeLessThan(stepsPerSlice(stackOf(bigM)));
  });
});

describe('whole-sentence traces in slices', () => {
  it('a cheap cell is complete at once and equals run', () => {
    const m = demoModel('gru');
    const e = embedAll(m, ['the', 'cat', 'sat']);
    const p = traceProgress(stackOf(m), e);
    expect(p.complete).toBe(true);
    expect(p.layers[0]!).toEqual(
      run(
        m.cell,
        e.map((x) => x.x),
      ).traces,
    );
  });

  it('a large cell advances one slice per timer while watched, stops unwatched, and ends equal to run', () => {
    vi.useFakeTimers();
    const m = bigModel('lstm');
    const e = embedAll(m, WORDS);
    expect(traceProgress(stackOf(m), e)).toMatchObject({ complete: false, total: N });
    expect(traceProgress(stackOf(m), e).layers[0]!).toHaveLength(0);
    const seen: number[] = [];
    const stop = watchTraces(stackOf(m), e, () => seen.push(traceProgress(stackOf(m), e).layers[0]!.length));
    vi.advanceTimersToNextTimer();
    const per = stepsPerSlice(stackOf(m));
    expect(seen).toEqual([per]);
    stop();
    vi.runAllTimers();
    expect(traceProgress(stackOf(m), e).layers[0]!).toHaveLength(per); // nobody watches: it waits
    const again = watchTraces(stackOf(m), e, () => {});
    vi.runAllTimers();
    again();
    const p = traceProgress(stackOf(m), e);
    expect(p.complete).toBe(true);
    const ref = run(
      m.cell,
      e.map((x) => x.x),
    ).traces;
    expect(p.layers[0]!).toHaveLength(N);
    p.layers[0]!.forEach((tr, t) => expect(Array.from(tr.h)).toEqual(Array.from(ref[t]!.h)));
    const [a, b] = [p.layers[0]![N - 1]!, ref[N - 1]!];
    if (a.kind !== 'lstm' || b.kind !== 'lstm') throw new Error('an LSTM trace');
    expect(Array.from(a.c)).toEqual(Array.from(b.c));
  });

  it('tracesWhenDone resolves with every step; fullTraces finishes at once and tells watchers', async () => {
    vi.useFakeTimers();
    const m = bigModel('gru');
    const e = embedAll(m, WORDS);
    const done = tracesWhenDone(stackOf(m), e);
    await vi.runAllTimersAsync();
    expect((await done)[0]).toHaveLength(N);

    const e2 = embedAll(m, WORDS.slice(0, 150));
    let told = 0;
    const stop = watchTraces(stackOf(m), e2, () => told++);
    expect(fullTraces(stackOf(m), e2)[0]).toHaveLength(150);
    expect(told).toBe(1);
    expect(traceProgress(stackOf(m), e2).complete).toBe(true);
    stop();
  });
});

describe('the store seeks a far step of a large model in slices', () => {
  it('goTo(199) keeps t until the steps are computed, then the history equals run', () => {
    const clock = manualScheduler();
    const s = createGatescopeStore({ scheduler: clock, text: WORDS.join(' ') });
    const m = bigModel('lstm');
    s.getState().setModel(m);
    expect(s.getState().t).toBe(0);
    s.getState().goTo(N - 1);
    expect(s.getState().t).toBe(0);
    expect(s.getState().seeking).toEqual({ to: N - 1, reached: 0 });
    clock.fire();
    const per = stepsPerSlice(stackOf(m));
    expect(s.getState().seeking).toEqual({ to: N - 1, reached: per });
    expect(s.getState().history).toHaveLength(per + 1);
    while (clock.fire());
    expect(s.getState().seeking).toBeNull();
    expect(s.getState().t).toBe(N - 1);
    const ref = run(
      m.cell,
      s.getState().embedded.map((x) => x.x),
    ).traces;
    expect(s.getState().history.map((tr) => Array.from(tr.h))).toEqual(ref.map((tr) => Array.from(tr.h)));
  });

  it('a step back while seeking cancels the seek; a new sentence does too', () => {
    const clock = manualScheduler();
    const s = createGatescopeStore({ scheduler: clock, text: WORDS.join(' ') });
    s.getState().setModel(bigModel('rnn'));
    // The RNN is cheaper: make sure it is still sliced at this length.
    expect(cheapToRun(stackOf(s.getState().model), N)).toBe(false);
    s.getState().goTo(2);
    s.getState().goTo(N - 1);
    expect(s.getState().seeking?.to).toBe(N - 1);
    s.getState().goTo(1);
    expect(s.getState().seeking).toBeNull();
    expect(s.getState().t).toBe(1);
    expect(clock.pending()).toBe(0);
    s.getState().goTo(N - 1);
    s.getState().setText('w1 w2');
    expect(s.getState().seeking).toBeNull();
    expect(clock.pending()).toBe(0);
    expect(s.getState().t).toBe(0);
  });

  it('a model set with a far step (a link) opens at once and then seeks to it', () => {
    const clock = manualScheduler();
    const s = createGatescopeStore({ scheduler: clock, text: WORDS.join(' ') });
    s.getState().goTo(150); // the demo cell: at once
    expect(s.getState().t).toBe(150);
    const m = bigModel('peephole');
    s.getState().setModel(m); // same text: the step is kept
    expect(s.getState().seeking?.to).toBe(150);
    // At once: one slice's worth, so the first screen of the new model shows without waiting.
    expect(s.getState().t).toBe(stepsPerSlice(stackOf(m)) - 1);
    while (clock.fire());
    expect(s.getState().t).toBe(150);
    expect(s.getState().history).toHaveLength(151);
  });
});

describe('the store and the whole-sentence job share one run', () => {
  it('a far jump after the heatmaps ran the sentence is immediate and uses those very steps', () => {
    const clock = manualScheduler();
    const s = createGatescopeStore({ scheduler: clock, text: WORDS.join(' ') });
    s.getState().setModel(bigModel('lstm'));
    const { model, embedded } = s.getState();
    const all = fullTraces(stackOf(model), embedded)[0]!; // what the heatmap view computed
    s.getState().goTo(N - 1);
    expect(s.getState().seeking).toBeNull();
    expect(s.getState().t).toBe(N - 1);
    expect(s.getState().history[N - 1]).toBe(all[N - 1]);
    expect(clock.pending()).toBe(0);
    // The frontier is the state after step N−1, as the engine's run ends.
    const ref = run(
      model.cell,
      embedded.map((e) => e.x),
    ).final;
    expect(Array.from(s.getState().frontier[0]!.h)).toEqual(Array.from(ref.h));
    expect(Array.from(s.getState().frontier[0]!.c!)).toEqual(Array.from(ref.c!));
  });

  it('a seek starts from how far the job got', () => {
    vi.useFakeTimers();
    const clock = manualScheduler();
    const s = createGatescopeStore({ scheduler: clock, text: WORDS.join(' ') });
    s.getState().setModel(bigModel('gru'));
    const { model, embedded } = s.getState();
    const per = stepsPerSlice(stackOf(model));
    const stop = watchTraces(stackOf(model), embedded, () => {});
    vi.advanceTimersToNextTimer();
    vi.advanceTimersToNextTimer(); // the job has 2 slices
    stop();
    s.getState().goTo(N - 1);
    clock.fire(); // one slice of the store's own, from the job's 2·per steps
    expect(s.getState().history.length).toBe(Math.min(N, 3 * per));
    while (clock.fire());
    const ref = run(
      model.cell,
      embedded.map((e) => e.x),
    ).traces;
    expect(s.getState().history.map((tr) => Array.from(tr.h))).toEqual(ref.map((tr) => Array.from(tr.h)));
  });
});
