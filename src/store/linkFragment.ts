/**
 * Long state travels in the link's fragment (#gs=…), compressed: browsers do not send the
 * fragment to the server, so no host's request-line limit applies, and a 5,000-character
 * sentence still reopens as typed. Short links stay plain, readable queries (urlParams.ts).
 */
import { lzCompress, lzDecompress } from './lz';

/** The fragment's one key (the lesson's own anchors, #q-…, never start with it). */
const KEY = 'gs=';
/** What a fragment may unpack to: well above any state the app writes (5,000 characters of 4 bytes each). */
const MAX_UNPACKED = 64 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The fragment, with its #, that carries these parameters. */
export function packFragment(params: URLSearchParams): string {
  return `#${KEY}${toBase64Url(lzCompress(new TextEncoder().encode(params.toString())))}`;
}

/** A link's parameters: its query's, with those its fragment carries; `damaged` names a fragment of ours that could not be read. */
export function linkParams(search: string, hash: string): { params: URLSearchParams; damaged: string | null } {
  const params = new URLSearchParams(search);
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h.startsWith(KEY)) return { params, damaged: null };
  try {
    const bytes = lzDecompress(fromBase64Url(h.slice(KEY.length)), MAX_UNPACKED);
    for (const [k, v] of new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes))) params.set(k, v);
    return { params, damaged: null };
  } catch {
    return { params, damaged: h.length > 40 ? `${h.slice(0, 40)}…` : h };
  }
}
