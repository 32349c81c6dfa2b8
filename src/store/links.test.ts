import { describe, expect, it } from 'vitest';
import { createGatescopeStore } from './store';
import { WELCOME, WELCOME_ZH, parseUrlParams, withWelcome } from './urlParams';

describe('links with a long sentence', () => {
  it('carry the sentence and its step in the fragment, compressed, and reopen them exactly', async () => {
    const { linkQuery } = await import('./urlParams');
    const long = '我'.repeat(3000); // 9 characters each once %-encoded: 27,000
    const s = createGatescopeStore({ text: long, t: 5, kind: 'gru' });
    const { query, hash } = linkQuery(s.getState());
    expect(query).toBe('?cell=gru');
    expect(hash).toMatch(/^#gs=[A-Za-z0-9_-]+$/);
    // A twentieth of the 27,000 characters the query would have needed.
    expect(hash.length).toBeLessThan(27000 / 20);
    const back = parseUrlParams(query, hash);
    expect(back.notices).toEqual([]);
    expect(back.options).toMatchObject({ text: long, t: 5, kind: 'gru' });
    // A link naming its sentence in the fragment is not a bare address: no welcome sentence.
    expect(withWelcome(back.options, query, hash).text).toBe(long);
    // A short sentence stays a readable query, with no fragment.
    const short = createGatescopeStore({ text: '我'.repeat(100), t: 5 });
    expect(linkQuery(short.getState()).hash).toBe('');
    expect(parseUrlParams(linkQuery(short.getState()).query).options.text).toBe('我'.repeat(100));
  });

  it('reopen a 5,000-character token with no spaces, and text that does not repeat', async () => {
    const { linkQuery } = await import('./urlParams');
    const unbroken = Array.from({ length: 5000 }, (_, k) => String.fromCharCode(97 + ((k * 7919) % 26))).join('');
    for (const text of [unbroken, 'x'.repeat(5000)]) {
      const { query, hash } = linkQuery(createGatescopeStore({ text, t: 2 }).getState());
      expect(parseUrlParams(query, hash).options.text).toBe(text);
    }
  });

  it('name a damaged fragment in a notice and keep the rest of the link; an anchor is not a fragment of ours', () => {
    const bad = parseUrlParams('?cell=gru', '#gs=%%%not-base64');
    expect(bad.notices).toEqual([{ param: '#', value: 'gs=%%%not-base64', reason: 'damaged' }]);
    expect(bad.options).toEqual({ kind: 'gru' });
    const cut = parseUrlParams('?cell=gru', '#gs=AAAA');
    expect(cut.notices.map((n) => n.reason)).toEqual(['damaged']);
    const anchor = parseUrlParams('?lesson=3', '#q-forgetUnit');
    expect(anchor.notices).toEqual([]);
    expect(anchor.options).toEqual({ lesson: 2 });
  });
});

describe('the welcome of a bare address', () => {
  it('opens the trained sentiment LSTM at “not”, keeping language, theme and view', () => {
    const { options } = parseUrlParams('?lang=en&theme=dark&view=unrolled');
    const o = withWelcome(options, '?lang=en&theme=dark&view=unrolled');
    expect(o).toMatchObject({ model: WELCOME.model, text: WELCOME.text, t: WELCOME.t, lang: 'en', theme: 'dark', view: 'unrolled' });
    const s = createGatescopeStore({ ...o, fetchModel: () => new Promise(() => {}) });
    expect(s.getState().tokens[WELCOME.t]).toBe('not');
  });

  it('in Chinese, opens the Chinese sentiment LSTM at 不 in 这部电影不好看, read one character a step', () => {
    const { options } = parseUrlParams('?lang=zh&view=unrolled');
    const o = withWelcome(options, '?lang=zh&view=unrolled');
    expect(o).toMatchObject({ model: 'sentiment-zh-lstm', text: '这部电影不好看', t: WELCOME_ZH.t, lang: 'zh', view: 'unrolled' });
    const s = createGatescopeStore({ ...o, fetchModel: () => new Promise(() => {}) });
    // While the model loads, the stand-in reads the text as the Chinese model will: by character.
    expect(s.getState().tokens).toEqual(['这', '部', '电', '影', '不', '好', '看']);
    expect(s.getState().tokens[WELCOME_ZH.t]).toBe('不');
  });

  it('a link that names a sentence, model, cell, file or step (even a refused one) opens that instead', () => {
    for (const q of ['?text=a%20b', '?model=memory-gru', '?cell=gru', '?weights=http://x/y.json', '?t=2']) {
      expect(withWelcome(parseUrlParams(q).options, q).model, q).not.toBe(WELCOME.model);
      const zh = `${q}&lang=zh`;
      expect(withWelcome(parseUrlParams(zh).options, zh).model, zh).not.toBe(WELCOME_ZH.model);
    }
  });
});

describe('a lesson link presented to a class', () => {
  it('present=1 opens the lesson presented and is written back only while the lesson is open', async () => {
    const { linkQuery } = await import('./urlParams');
    const { options, notices } = parseUrlParams('?lesson=4&present=1');
    expect(notices).toEqual([]);
    expect(options).toMatchObject({ lesson: 3, present: true });
    const s = createGatescopeStore({ ...options, text: 'a b', fetchModel: () => new Promise(() => {}) });
    expect(linkQuery(s.getState()).query).toMatch(/[?&]lesson=4&present=1(&|$)/);
    s.getState().setPresent(false);
    expect(linkQuery(s.getState()).query).not.toMatch(/present=/);
    s.getState().setPresent(true);
    s.getState().setLesson(null);
    expect(linkQuery(s.getState()).query).not.toMatch(/present=|lesson=/);
    expect(parseUrlParams('?lesson=2&present=yes').notices).toEqual([{ param: 'present', value: 'yes', reason: 'unknown' }]);
  });
});
