/**
 * The language and theme a page opens in when its link names neither: the reader's own. A
 * student whose browser prefers Chinese gets 中文, one whose system is dark gets the dark theme;
 * a link's `lang=` or `theme=` still wins, so a teacher's link opens exactly what it names.
 *
 * Pure: main.tsx reads the browser (navigator.languages, prefers-color-scheme) and passes what
 * it read, so the store never touches the DOM and tests can give any reader.
 */
import type { StoreOptions } from './options';
import type { Lang, Theme } from './types';

export interface Reader {
  /** The browser's languages, most preferred first (navigator.languages), as BCP 47 tags. */
  readonly languages: readonly string[];
  /** The system asks for a dark colour scheme (prefers-color-scheme: dark). */
  readonly dark: boolean;
}

/**
 * The first of the reader's languages that the page speaks; English when none is. Any Chinese
 * (zh, zh-CN, zh-TW, zh-Hant-HK…) gets the Simplified Chinese text: it is the only Chinese there
 * is, and closer to a Traditional reader than English.
 */
export function readerLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

export function readerTheme(reader: Reader): Theme {
  return reader.dark ? 'dark' : 'light';
}

/** The link's options, with the reader's language and theme where the link names none. */
export function withReader(options: StoreOptions, reader: Reader): StoreOptions {
  return { ...options, lang: options.lang ?? readerLang(reader.languages), theme: options.theme ?? readerTheme(reader) };
}
