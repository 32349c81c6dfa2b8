/**
 * The reader's preferences every layer may name: the colour theme and the language. A leaf
 * module (it imports nothing), so that the pure geometry in viz/ and the messages in i18n/ can
 * name them without depending on the store.
 */
export type Theme = 'light' | 'dark';
export type Lang = 'en' | 'zh';
