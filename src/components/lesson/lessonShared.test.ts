import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../lesson/chapters';
import { createGatescopeStore } from '../../store/store';
import { applyReveal, applyState } from './lessonShared';

const fromDisk = async (id: string) => JSON.parse(readFileSync(`public/models/${id}.json`, 'utf8')) as unknown;
const belt = CHAPTERS.find((c) => c.id === 'belt')!.state!;
const MINE = 'my own words about a film';

describe('a chapter put on screen keeps the sentence the reader typed', () => {
  it('typed after a chapter link opened the page, before the lesson’s code put its first chapter there', async () => {
    const store = createGatescopeStore({ text: 'a b', lesson: 2, fetchModel: fromDisk });
    expect(store.getState().lessonOpenedAt).toBe(0);
    store.getState().editText(MINE);
    await applyState(store, belt, store.getState().lessonOpenedAt);
    const s = store.getState();
    expect(s.text).toBe(MINE);
    expect(s.model.id).toBe(belt.model);
    expect(s.view).toBe(belt.view);
    expect(s.t).toBe(0);
    // The next chapter the reader picks brings its own sentence.
    await applyState(store, CHAPTERS.find((c) => c.id === 'forget')!.state!);
    expect(store.getState().text).toBe(belt.text);
    expect(store.getState().t).toBe(belt.t);
  });

  it('but not a sentence typed before the lesson was opened, nor one set by the page itself', async () => {
    const store = createGatescopeStore({ text: 'a b', fetchModel: fromDisk });
    store.getState().editText(MINE);
    store.getState().setLesson(2);
    expect(store.getState().lessonOpenedAt).toBe(1);
    // A preset or the page's own setText is not the reader's typing.
    store.getState().setText('the movie was good');
    await applyState(store, belt, store.getState().lessonOpenedAt);
    expect(store.getState().text).toBe(belt.text);
    expect(store.getState().t).toBe(belt.t);
  });

  it('typed while the chapter’s model loads (the load held until the reader has typed)', async () => {
    let land: () => void = () => undefined;
    const store = createGatescopeStore({ text: 'a b', fetchModel: (id) => new Promise((resolve) => (land = () => resolve(fromDisk(id)))) });
    const applying = applyState(store, belt);
    // The chapter's sentence is there at once, on the model still on screen…
    expect(store.getState().text).toBe(belt.text);
    store.getState().editText(MINE);
    land();
    await applying;
    // …and the reader's, typed before the model landed, stays after it.
    expect(store.getState().model.id).toBe(belt.model);
    expect(store.getState().text).toBe(MINE);
  });

  it('a chapter link’s opening load, held until its text is drawn, is waited for and fetched once', async () => {
    let drawn: () => void = () => undefined;
    const asked: string[] = [];
    const store = createGatescopeStore({
      model: belt.model,
      text: belt.text,
      firstLoadAfter: new Promise<void>((resolve) => (drawn = resolve)),
      fetchModel: (id) => {
        asked.push(id);
        return fromDisk(id);
      },
    });
    const applying = applyState(store, belt);
    await Promise.resolve();
    // Nothing is asked for before the page says its text is on screen…
    expect(asked).toEqual([]);
    expect(store.getState().opening).toBe(belt.model);
    drawn();
    await applying;
    // …then the chapter's model, once, and the chapter's state on it.
    expect(asked).toEqual([belt.model]);
    expect(store.getState().model.id).toBe(belt.model);
    expect([store.getState().view, store.getState().t]).toEqual([belt.view, belt.t]);
  });

  it('the translator’s chapter opens the translate view on the plain encoder–decoder, at the decoder’s first step', async () => {
    const st = CHAPTERS.find((c) => c.id === 'translator')!.state!;
    const store = createGatescopeStore({ text: 'a b', translateAttention: true, translateStep: 3, fetchModel: fromDisk });
    await applyState(store, st);
    const s = store.getState();
    expect([s.view, s.translateAttention, s.translateStep, s.text]).toEqual(['translate', false, st.text.split(' ').length, st.text]);
    // It opens on a sentence other than the one its questions ask about, so the figure does not show the answer first.
    expect(st.asks).toBeDefined();
    expect(st.asks).not.toBe(st.text);
  });

  it('a new sentence opens the translate view on its last step in the store, so a reveal’s step set after it stays', () => {
    const store = createGatescopeStore({ text: 'a b', translateStep: 3 });
    store.getState().setText('a b');
    expect(store.getState().translateStep).toBe(3);
    store.getState().setText('i grew up in france');
    expect(store.getState().translateStep).toBeNull();
    applyReveal(store, { text: 'i grew up in france and she lives in japan', attention: false, translateStep: 17 });
    expect([store.getState().text, store.getState().translateStep]).toEqual(['i grew up in france and she lives in japan', 17]);
  });
});
