import { describe, expect, it } from 'vitest';
import { chose, parseChoice, readerLang, withReader } from './readerPrefs';
import { createGatescopeStore } from './store';
import { parseUrlParams, withWelcome, writeUrlParams } from './urlParams';

describe("the reader's language and theme", () => {
  it('takes the first language the page speaks, any Chinese as 中文, English otherwise', () => {
    expect(readerLang(['zh-CN', 'zh', 'en'])).toBe('zh');
    expect(readerLang(['zh-TW'])).toBe('zh');
    expect(readerLang(['zh_Hant_HK'])).toBe('zh');
    expect(readerLang(['en-US', 'zh-CN'])).toBe('en');
    expect(readerLang(['fr-FR', 'de', 'zh-CN', 'en'])).toBe('zh');
    expect(readerLang(['ja-JP'])).toBe('en');
    expect(readerLang([])).toBe('en');
    // Not a prefix match: "zha" (Zhuang) is not Chinese.
    expect(readerLang(['zha', 'en'])).toBe('en');
  });

  it('fills only what the link leaves out: lang= and theme= in a link win', () => {
    const zhDark = { languages: ['zh-CN'], dark: true };
    expect(withReader(parseUrlParams('').options, zhDark)).toMatchObject({ lang: 'zh', theme: 'dark' });
    expect(withReader(parseUrlParams('?lang=en&theme=light').options, zhDark)).toMatchObject({ lang: 'en', theme: 'light' });
    expect(withReader(parseUrlParams('?theme=light').options, zhDark)).toMatchObject({ lang: 'zh', theme: 'light' });
    expect(withReader(parseUrlParams('').options, { languages: ['en-GB'], dark: false })).toMatchObject({ lang: 'en', theme: 'light' });
  });

  it('a bare address opens the welcome in the reader’s language (a Chinese reader’s is the Chinese model’s), and its link says what was shown', () => {
    const o = withWelcome(withReader(parseUrlParams('').options, { languages: ['zh-CN'], dark: true }), '');
    const s = createGatescopeStore({ ...o, fetchModel: () => new Promise(() => {}) });
    expect(s.getState()).toMatchObject({ lang: 'zh', theme: 'dark' });
    expect(o.model).toBe('sentiment-zh-lstm');
    expect(s.getState().tokens).toEqual(['这', '部', '电', '影', '不', '好', '看']);
    const en = withWelcome(withReader(parseUrlParams('').options, { languages: ['en-GB', 'zh-CN'], dark: false }), '');
    expect(en).toMatchObject({ lang: 'en', model: 'sentiment-lstm', text: 'the movie was not good' });
    // A link naming the language wins over the reader's, and so does its welcome.
    const linked = withWelcome(withReader(parseUrlParams('?lang=en').options, { languages: ['zh-CN'], dark: false }), '?lang=en');
    expect(linked).toMatchObject({ lang: 'en', model: 'sentiment-lstm' });
    // A shared link opens what its sender saw, whatever the receiver's browser prefers.
    const q = new URLSearchParams(writeUrlParams(s.getState()));
    expect([q.get('lang'), q.get('theme')]).toEqual(['zh', 'dark']);
  });
});

describe("the reader's own choice, kept between visits", () => {
  it('beats the browser, and a link still beats it', () => {
    const reader = { languages: ['en-US'], dark: false, chosen: parseChoice('{"lang":"zh","theme":"dark"}') };
    expect(withReader(parseUrlParams('').options, reader)).toMatchObject({ lang: 'zh', theme: 'dark' });
    expect(withReader(parseUrlParams('?lang=en').options, reader)).toMatchObject({ lang: 'en', theme: 'dark' });
  });

  it('reads anything unreadable or unknown as no choice', () => {
    for (const raw of [null, '', 'not json', '42', 'null', '[]', '{"lang":"fr","theme":"sepia"}']) expect(parseChoice(raw)).toEqual({});
    expect(parseChoice('{"lang":"zh","theme":1}')).toEqual({ lang: 'zh' });
  });

  it('saves only what changed', () => {
    expect(chose({}, { lang: 'zh', theme: 'light' }, { lang: 'zh', theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(chose({ lang: 'en' }, { lang: 'en', theme: 'dark' }, { lang: 'zh', theme: 'dark' })).toEqual({ lang: 'zh' });
    expect(chose({ lang: 'en', theme: 'dark' }, { lang: 'en', theme: 'dark' }, { lang: 'zh', theme: 'dark' })).toEqual({ lang: 'zh', theme: 'dark' });
  });
});
