/**
 * bench-scan.ts's measurement inside a Web Worker: the page that starts it (served by vite from
 * the repo, never part of the app's build) posts { T, H } and gets the figures back.
 */
import { measureScan } from './bench-scan-lib';

self.onmessage = (e: MessageEvent<{ T: number; H: number }>) => {
  self.postMessage(measureScan(e.data.T, e.data.H));
};
