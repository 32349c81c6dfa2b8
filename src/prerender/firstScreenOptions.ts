/**
 * Which page the build draws in advance (firstScreen.tsx), and which readers it is true for. A
 * reader opens on it when their link names nothing (no query, no fragment) and their language
 * and theme come out as English and light; every other page is drawn by the app alone.
 */
import type { StoreOptions } from '../store/options';
import { withReader, type Reader } from '../store/readerPrefs';
import { withWelcome } from '../store/urlParams';
import { opensOnFirstScreen } from './opensOnFirstScreen';

/** A reader the first screen is drawn for: English, light, no saved choice. */
const FIRST_SCREEN_READER: Reader = { languages: ['en'], dark: false };

/** The options main.tsx computes for such a reader on a bare link (the welcome sentence). */
export function firstScreenOptions(): StoreOptions {
  const o = withWelcome(withReader({}, FIRST_SCREEN_READER), '', '');
  if (!opensOnFirstScreen('', '', FIRST_SCREEN_READER)) throw new Error('prerender: the first screen’s own reader does not open on it');
  return o;
}
