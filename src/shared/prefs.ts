/**
 * The reader's preferences every layer may name: the colour theme and the language. A leaf
 * module (it imports nothing), so that the pure geometry in viz/ and the messages in i18n/ can
 * name them without depending on the store.
 */
export type Theme = 'light' | 'dark';
export type Lang = 'en' | 'zh';

/** Every theme and language there is, in the pickers' order (a link's `theme=` and `lang=` are one of these). */
export const THEMES: readonly Theme[] = ['light', 'dark'];
export const LANGS: readonly Lang[] = ['en', 'zh'];
