/**
 * Build step (vite.config.ts): index.html gets the first screen drawn in advance, and the boot
 * script that decides who sees it (src/prerender/, src/boot/boot.ts). The app's own chunks are not
 * touched: the first screen is rendered by a separate server-side build of the same components,
 * run here in Node against the shipped model files, and written into the page as static HTML.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build as viteBuild, type Plugin } from 'vite';
import { LESSON_FILES_ID } from '../src/boot/lessonPreload.ts';

/** CSS is the page's (its stylesheet link is already in the head): the server build drops it. */
const noCss: Plugin = {
  name: 'gatescope-prerender-no-css',
  enforce: 'pre',
  resolveId: (source, importer) => (importer && /\.css(\?.*)?$/.test(source) ? `\0gatescope-prerender-css:${source.replace(/\W/g, '_')}` : null),
  load: (id) => (id.startsWith('\0gatescope-prerender-css:') ? 'export default "";' : null),
};

const define = { 'process.env.NODE_ENV': JSON.stringify('production'), __GATESCOPE_DEBUG_BUILD__: 'false' };

/** The boot script as one classic script (it must run before the page is drawn, so not a module). */
async function bootScript(root: string): Promise<string> {
  const out = await viteBuild({
    configFile: false,
    root,
    logLevel: 'warn',
    define,
    build: { write: false, target: 'es2019', minify: true, rolldownOptions: { input: resolve(root, 'src/boot/boot.ts'), output: { format: 'iife' } } },
  });
  const first = Array.isArray(out) ? out[0] : out;
  const chunk = first && 'output' in first ? first.output.find((o) => o.type === 'chunk') : undefined;
  if (chunk?.type !== 'chunk') throw new Error('prerender: the boot script was not built');
  return chunk.code;
}

/** The first screen's HTML, rendered by the same components as the live page. */
async function firstScreenHtml(root: string): Promise<string> {
  // Inside node_modules, so the server build's bare imports (react, react-dom/server) resolve.
  const outDir = mkdtempSync(join(root, 'node_modules', '.gatescope-prerender-'));
  try {
    await viteBuild({
      configFile: false,
      root,
      logLevel: 'warn',
      plugins: [react(), noCss],
      define,
      build: { ssr: resolve(root, 'src/prerender/firstScreen.tsx'), outDir, emptyOutDir: true, target: 'node20', minify: false, copyPublicDir: false },
    });
    const mod = (await import(pathToFileURL(join(outDir, 'firstScreen.js')).href)) as {
      renderFirstScreen: (fetchModel: (id: string) => Promise<unknown>) => Promise<string>;
    };
    return await mod.renderFirstScreen(async (id) => JSON.parse(readFileSync(join(root, 'public', 'models', `${id}.json`), 'utf8')));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

type Bundle = Parameters<NonNullable<Extract<Plugin['generateBundle'], { handler: unknown }>['handler']>>[1];

/**
 * The files the lesson's code needs beyond the page's own (its chunk, the chunks it imports and
 * their stylesheets): the boot script preloads them for a lesson link (src/boot/lessonPreload.ts).
 */
function lessonFiles(bundle: Bundle, html: string): string[] {
  const entry = Object.values(bundle).find((o) => o.type === 'chunk' && o.facadeModuleId?.endsWith('/src/components/lesson/Lesson.tsx'));
  if (entry?.type !== 'chunk') throw new Error('prerender: no chunk for src/components/lesson/Lesson.tsx');
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const c = bundle[fileName];
    if (c?.type !== 'chunk' || files.has(fileName)) return;
    files.add(fileName);
    for (const css of c.viteMetadata?.importedCss ?? []) files.add(css);
    for (const i of c.imports) visit(i);
  };
  visit(entry.fileName);
  // Whatever the page loads already (its modulepreload list) needs no second link.
  return [...files].filter((f) => !html.includes(`./${f}"`)).map((f) => `./${f}`);
}

export function prerenderFirstScreen(): Plugin {
  let root = process.cwd();
  return {
    name: 'gatescope-prerender',
    apply: 'build',
    configResolved(c) {
      root = c.root;
    },
    // Before the files are written (the offline worker hashes index.html as written).
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') return;
        const boot = await bootScript(root);
        const bootName = `assets/boot-${createHash('sha256').update(boot).digest('hex').slice(0, 8)}.js`;
        this.emitFile({ type: 'asset', fileName: bootName, source: boot });
        const screen = await firstScreenHtml(root);
        const source = String(page.source);
        // Before the boot script, which reads it; JSON, so it is data and never run.
        const listed = `<script type="application/json" id="${LESSON_FILES_ID}">${JSON.stringify(lessonFiles(bundle, source))}</script>`;
        const html = source
          .replace('</title>', `</title>\n    ${listed}\n    <script src="./${bootName}"></script>`)
          // Inert and hidden from assistive technology: a picture of the page, not yet the page.
          .replace('<div id="root">', `<div id="root"><div class="prerender" inert aria-hidden="true">${screen}</div>`);
        if (!html.includes('class="prerender"') || !html.includes(bootName)) throw new Error('prerender: index.html has no place for the first screen');
        page.source = html;
      },
    },
  };
}
