import { describe, expect, it } from 'vitest';
import { createGatescopeStore } from './store';
import { WELCOME, WELCOME_ZH, parseUrlParams, withWelcome } from './urlParams';

describe('links that are too long', () => {
  it('leave the sentence and its step out above MAX_LINK_QUERY, so every link can be served and read back', async () => {
    const { MAX_LINK_QUERY, linkQuery } = await import('./urlParams');
    const long = '我'.repeat(3000); // 9 bytes encoded each: 27,000 characters
    const s = createGatescopeStore({ text: long, t: 5, kind: 'gru' });
    const { query, textLeftOut } = linkQuery(s.getState());
    expect(textLeftOut).toBeGreaterThan(27000);
    expect(query.length).toBeLessThanOrEqual(MAX_LINK_QUERY);
    expect(query).toBe('?cell=gru');
    expect(parseUrlParams(query).notices).toEqual([]);
    const short = createGatescopeStore({ text: '我'.repeat(100), t: 5 });
    expect(linkQuery(short.getState()).textLeftOut).toBeNull();
    expect(parseUrlParams(linkQuery(short.getState()).query).options.text).toBe('我'.repeat(100));
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
