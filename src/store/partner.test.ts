import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createModelCache, LoadTicket } from './modelLoader';
import { createGatescopeStore } from './store';

const fromDisk = async (id: string) => JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')) as unknown;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the load ticket', () => {
  it('lets only the latest load of its line land, and cancel outdates every one in flight', () => {
    const line = new LoadTicket();
    const first = line.take();
    const second = line.take();
    expect([first(), second()]).toEqual([false, true]);
    line.cancel();
    expect(second()).toBe(false);
  });
});

describe('the shipped-model cache', () => {
  it('fetches and reads each id once, and forgets a failure so that a later try fetches again', async () => {
    const asked: string[] = [];
    let fail = true;
    const load = createModelCache(async (id) => {
      asked.push(id);
      if (id === 'memory-rnn' && fail) throw new Error('HTTP 503');
      return fromDisk(id);
    });
    const a = await load('sentiment-lstm');
    expect(await load('sentiment-lstm')).toBe(a);
    expect(a.model.id).toBe('sentiment-lstm');
    await expect(load('memory-rnn')).rejects.toThrow('HTTP 503');
    fail = false;
    expect((await load('memory-rnn')).model.id).toBe('memory-rnn');
    expect(asked).toEqual(['sentiment-lstm', 'memory-rnn', 'memory-rnn']);
  });
});

describe('the comparison model (partner)', () => {
  it('is fetched by the same loader as the model on screen: one fetch serves both', async () => {
    const asked: string[] = [];
    const s = createGatescopeStore({ text: 'the movie was not good', fetchModel: (id) => (asked.push(id), fromDisk(id)) });
    s.getState().requestPartner('sentiment-rnn');
    expect(s.getState().partner).toEqual({ id: 'sentiment-rnn' }); // loading
    await flush();
    expect(s.getState().partner?.model?.id).toBe('sentiment-rnn');
    await s.getState().loadModel('sentiment-rnn');
    expect(s.getState().model).toBe(s.getState().partner?.model);
    expect(asked).toEqual(['sentiment-rnn']);
  });

  it('a slow earlier request does not replace a later one, and null clears it', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const s = createGatescopeStore({
      fetchModel: async (id) => {
        if (id === 'sentiment-rnn') await gate;
        return fromDisk(id);
      },
    });
    s.getState().requestPartner('sentiment-rnn');
    s.getState().requestPartner('sentiment-gru');
    await flush();
    release();
    await flush();
    expect(s.getState().partner?.model?.id).toBe('sentiment-gru');
    s.getState().requestPartner(null);
    expect(s.getState().partner).toBeNull();
  });

  it('a failure is kept with its message; asking again retries', async () => {
    let fail = true;
    const s = createGatescopeStore({
      fetchModel: async (id) => {
        if (fail) throw new Error(`models/${id}.json: HTTP 404`);
        return fromDisk(id);
      },
    });
    s.getState().requestPartner('memory-gru');
    await flush();
    expect(s.getState().partner).toEqual({ id: 'memory-gru', error: 'models/memory-gru.json: HTTP 404' });
    fail = false;
    s.getState().requestPartner('memory-gru');
    await flush();
    expect(s.getState().partner?.model?.id).toBe('memory-gru');
  });
});

describe('the model the page opens on (opening)', () => {
  it('is the linked model until it is shown, so the views wait for it instead of drawing the demo', async () => {
    const s = createGatescopeStore({ model: 'sentiment-lstm', text: 'the movie was not good', fetchModel: fromDisk });
    expect(s.getState().opening).toBe('sentiment-lstm');
    expect(s.getState().model.trained).toBeFalsy(); // the stand-in the views do not draw
    await flush();
    await flush();
    expect(s.getState().model.id).toBe('sentiment-lstm');
    expect(s.getState().opening).toBeNull();
  });

  it('ends when the load fails (the demo and the error show) or when the reader picks the demo meanwhile', async () => {
    const failing = createGatescopeStore({ model: 'memory-gru', fetchModel: async () => Promise.reject(new Error('HTTP 404')) });
    expect(failing.getState().opening).toBe('memory-gru');
    await flush();
    expect(failing.getState().opening).toBeNull();
    expect(failing.getState().loadError?.message).toBe('HTTP 404');
    const picked = createGatescopeStore({ model: 'memory-gru', fetchModel: () => new Promise(() => {}) });
    picked.getState().setTask('demo');
    expect(picked.getState().opening).toBeNull();
  });

  it('is null for a page that opens on the demo', () => {
    expect(createGatescopeStore({ text: 'a b c' }).getState().opening).toBeNull();
  });
});
