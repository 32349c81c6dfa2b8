/**
 * A lesson link (?lesson=N) needs the lesson's code before its first frame (main.tsx waits for
 * it), and the app would only ask for that code once its own main chunk has been downloaded and
 * run: one more round trip on a phone's slow network. The build lists the lesson's files in the
 * page (scripts/vite-prerender.ts writes them as JSON into #gs-lesson-files), and the boot script
 * starts them downloading at once, beside the main chunk. Any other link downloads nothing more.
 */
export const LESSON_FILES_ID = 'gs-lesson-files';

export function opensOnLesson(search: string): boolean {
  return new URLSearchParams(search).has('lesson');
}

/** One <link> per file: module preloads for scripts, style preloads for stylesheets. */
export function preloadLessonFiles(doc: Document): number {
  const listed = doc.getElementById(LESSON_FILES_ID)?.textContent;
  if (!listed) return 0;
  let files: unknown;
  try {
    files = JSON.parse(listed);
  } catch {
    return 0;
  }
  if (!Array.isArray(files)) return 0;
  let n = 0;
  for (const href of files) {
    if (typeof href !== 'string') continue;
    const link = doc.createElement('link');
    if (href.endsWith('.css')) {
      link.rel = 'preload';
      link.as = 'style';
    } else {
      link.rel = 'modulepreload';
      link.crossOrigin = '';
    }
    link.href = href;
    doc.head.appendChild(link);
    n++;
  }
  return n;
}
