/**
 * The language and theme a page opens in when its link names neither: the reader's own. What
 * the reader last chose in the page's pickers, else what the browser says: a student whose
 * browser prefers Chinese gets 中文, one whose system is dark gets the dark theme. A link's
 * `lang=` or `theme=` still wins, so a teacher's link opens exactly what it names.
 *
 * Pure: main.tsx reads the browser (navigator.languages, prefers-color-scheme, localStorage)
 * and passes what it read, so the store never touches the DOM and tests can give any reader.
 */
import type { StoreOptions } from './options';
import type { Lang, Theme } from './types';
import { LANGS, THEMES } from '../shared/prefs';

export interface Reader {
  /** The browser's languages, most preferred first (navigator.languages), as BCP 47 tags. */
  readonly languages: readonly string[];
  /** The system asks for a dark colour scheme (prefers-color-scheme: dark). */
  readonly dark: boolean;
  /** What the reader last chose in the page's own pickers (parseChoice), which beats the browser's. */
  readonly chosen?: Choice;
}

/** A reader's own choice of language and theme, as saved between visits. */
interface Choice {
  readonly lang?: Lang;
  readonly theme?: Theme;
}

/** The localStorage key the choice is saved under. */
export const CHOICE_KEY = 'gatescope.reader';

/** The saved choice, read back: anything unreadable or unknown is no choice, never an error. */
export function parseChoice(raw: string | null): Choice {
  if (!raw) return {};
  try {
    const o: unknown = JSON.parse(raw);
    if (typeof o !== 'object' || o === null) return {};
    const { lang, theme } = o as Record<string, unknown>;
    return {
      ...(LANGS.includes(lang as Lang) ? { lang: lang as Lang } : {}),
      ...(THEMES.includes(theme as Theme) ? { theme: theme as Theme } : {}),
    };
  } catch {
    return {};
  }
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

function readerTheme(reader: Reader): Theme {
  return reader.dark ? 'dark' : 'light';
}

/**
 * The saved choice after a change of the page's state: only what changed is the reader's
 * choice (a theme changed on a page a link opened in 中文 does not make 中文 a choice).
 */
export function chose(saved: Choice, prev: Choice, now: Choice): Choice {
  return {
    ...saved,
    ...(now.lang !== prev.lang ? { lang: now.lang } : {}),
    ...(now.theme !== prev.theme ? { theme: now.theme } : {}),
  };
}

/** The link's options, with the reader's language and theme where the link names none. */
export function withReader(options: StoreOptions, reader: Reader): StoreOptions {
  return {
    ...options,
    lang: options.lang ?? reader.chosen?.lang ?? readerLang(reader.languages),
    theme: options.theme ?? reader.chosen?.theme ?? readerTheme(reader),
  };
}
