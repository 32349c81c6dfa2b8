import { describe, expect, it } from 'vitest';
import { withReader } from '../store/readerPrefs';
import { withWelcome } from '../store/urlParams';
import { firstScreenOptions } from './firstScreenOptions';
import { opensOnFirstScreen } from './opensOnFirstScreen';

const english = { languages: ['en-GB'], dark: false };

describe('which readers open on the first screen drawn at build time', () => {
  it('an English, light reader on a bare link does, and gets the options the build drew', () => {
    expect(opensOnFirstScreen('', '', english)).toBe(true);
    expect(opensOnFirstScreen('?', '#', english)).toBe(true);
    // What main.tsx computes for that reader is what the build rendered.
    expect(withWelcome(withReader({}, english), '', '')).toEqual(firstScreenOptions());
  });

  it('a link naming anything, in its query or its fragment, does not', () => {
    expect(opensOnFirstScreen('?t=2', '', english)).toBe(false);
    expect(opensOnFirstScreen('?lesson=3', '', english)).toBe(false);
    expect(opensOnFirstScreen('', '#gs=abc', english)).toBe(false);
  });

  it('a Chinese or dark reader does not, nor one who chose either in the pickers', () => {
    expect(opensOnFirstScreen('', '', { languages: ['zh-TW', 'en'], dark: false })).toBe(false);
    expect(opensOnFirstScreen('', '', { languages: ['en'], dark: true })).toBe(false);
    expect(opensOnFirstScreen('', '', { ...english, chosen: { lang: 'zh' } })).toBe(false);
    expect(opensOnFirstScreen('', '', { ...english, chosen: { theme: 'dark' } })).toBe(false);
    // A choice of what the first screen is anyway changes nothing.
    expect(opensOnFirstScreen('', '', { languages: ['zh'], dark: true, chosen: { lang: 'en', theme: 'light' } })).toBe(true);
  });
});
