/**
 * "Bring your own model": a file the user picks, or a same-origin file named in the link
 * (`weights=models/examples/tiny-pytorch-lstm.json`). Sizes are checked before anything is
 * read or parsed, so a 2 GB checkpoint picked by mistake cannot freeze the tab.
 */

/**
 * Larger files are refused unread: a model the engine can step interactively is far smaller.
 * 20 MB in the decimal sense (10⁶ bytes), as the README and the message say it and as file
 * managers and Python's os.path.getsize / 1e6 show it.
 */
export const MAX_MODEL_BYTES = 20_000_000;
/** A byte count in MB (10⁶ bytes), to one decimal, as messages show it. */
export const megabytes = (bytes: number): number => Math.round(bytes / 1e5) / 10;

/** What the store needs of a File or a fetched Blob. */
export interface ModelSource {
  readonly size: number;
  text(): Promise<string>;
  /** A binary file's bytes (.safetensors); a File has it. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

/** Where the current model came from, shown in ModelInfo ('lab': trained on this page). */
export interface OwnModelOrigin {
  readonly from: 'file' | 'url' | 'lab';
  readonly name: string;
}

export type FileFetcher = (path: string) => Promise<ModelSource>;

/**
 * A relative path to a .json file on this site, or null. Absolute URLs, other origins
 * (`//evil.example/x.json`), schemes (`data:`, `javascript:`), `..` segments, backslashes and
 * encoded characters are refused: the link must not make the page fetch anything but its own files.
 */
export function safeModelPath(raw: string): string | null {
  if (raw.length > 200 || !/^[A-Za-z0-9_\-./]+\.json$/.test(raw)) return null;
  if (raw.startsWith('/') || raw.includes('//')) return null;
  const segments = raw.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '')) return null;
  return raw;
}

/** True when a response is an HTML page (what an SPA fallback sends for a missing file). */
export const answeredWithPage = (res: Response): boolean => /^text\/html\b/i.test(res.headers.get('content-type') ?? '');

export const fetchSameOrigin: FileFetcher = async (path) => {
  const safe = safeModelPath(path);
  if (safe === null) throw new Error(`“${path}” is not a relative path to a .json file on this site`);
  const url = new URL(safe, document.baseURI);
  if (url.origin !== window.location.origin) throw new Error(`“${path}” is not on this site`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${safe}: HTTP ${res.status}${res.status === 404 ? ' (not found)' : ''}`);
  // A static host that falls back to the app's page for unknown paths answers 200 with HTML.
  if (answeredWithPage(res)) throw new Error(`${safe}: not found (the server answered with a web page, not the file)`);
  return res.blob();
};
