/**
 * Whether this reader's page is the one the build drew in advance (firstScreenOptions.ts). Kept
 * apart from the URL table so the boot script, which runs before the page is drawn, stays tiny.
 */
import { withReader, type Reader } from '../store/readerPrefs';

export function opensOnFirstScreen(search: string, hash: string, reader: Reader): boolean {
  if (search.replace(/^\?/, '') !== '' || hash.replace(/^#/, '') !== '') return false;
  const o = withReader({}, reader);
  return o.lang === 'en' && o.theme === 'light';
}
