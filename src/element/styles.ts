/**
 * The styles of a `<gate-scope>` element, inside its shadow root: the page's style sheets
 * (`?inline`: as text, nothing added to the host page's head), adapted to a shadow root, and the
 * element's own few rules. One set of constructed sheets, shared by every element on the page.
 */
import appCss from '../styles.css?inline';
import diagramCss from '../components/diagram/diagram.css?inline';
import scanCss from '../components/scan/scan.css?inline';
import katexCss from 'katex/dist/katex.min.css?inline';
import { installFontFaces, splitFontFaces } from './fonts';

/**
 * The page's sheets set their palette on `:root` and the page's type on `html, body`; in a
 * shadow root the element's host and its frame take those places. The `[data-theme='dark']`
 * rules match the frame, which carries the element's theme. `@font-face` rules are taken out:
 * a shadow root ignores them (KaTeX's are installed on the document instead, fonts.ts).
 */
function forShadowRoot(css: string): string {
  return css
    .replace(/:root\b/g, ':host')
    .replace(/(^|[}\s])html,\s*body\s*\{/g, '$1.gs-frame {')
    .replace(/@font-face\s*\{[^}]*\}/g, '');
}

/**
 * The element is a block the page sizes (16:9 unless told otherwise); none of the host page's
 * inherited type (a slide's 42 px centred text) reaches inside. The slide layout (`.app.embed`)
 * fills the element instead of the window.
 */
const ELEMENT_CSS = `
:host { all: initial; display: block; position: relative; aspect-ratio: 16 / 9; min-height: 280px; contain: content; }
:host([hidden]) { display: none; }
.gs-root { height: 100%; text-align: left; overflow: hidden; }
.gs-frame { height: 100%; display: flex; flex-direction: column; }
.gs-body { flex: 1 1 0; min-height: 0; }
.gs-root .app.embed { height: 100%; min-height: 0; }
.gs-root .app.embed .views { min-height: 160px; }
.gs-problems { margin: 0; padding: 6px 10px; background: var(--error-bg); color: var(--error-ink); font-size: var(--fs-s); border-bottom: 1px solid var(--line); }
.gs-problems ul { margin: 0; padding-left: 1.2em; }
.gs-handout { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; padding: 6px 10px; border-top: 1px solid var(--line); background: var(--panel); }
.gs-handout .handout-message { flex-basis: 100%; margin: 0; font-size: var(--fs-s); }
`;

let sheets: CSSStyleSheet[] | null = null;

export function shadowSheets(): CSSStyleSheet[] {
  const katex = splitFontFaces(katexCss, import.meta.url);
  installFontFaces(katex.faces);
  sheets ??= [appCss, diagramCss, scanCss, katex.rest, ELEMENT_CSS].map((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(forShadowRoot(css));
    return sheet;
  });
  return sheets;
}
