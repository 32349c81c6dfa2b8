/**
 * KaTeX's fonts for the equations inside `<gate-scope>` elements. A shadow root ignores the
 * @font-face rules of its own style sheets, so they are installed once on the host document
 * instead (font faces are the document's, and reach into every shadow root by name), with their
 * files' URLs resolved against where this module came from, not against the host page.
 */

/** The @font-face rules of a style sheet's text, their URLs made absolute against `base`, and the rest of it. */
export function splitFontFaces(css: string, base: string): { faces: string[]; rest: string } {
  const faces: string[] = [];
  const rest = css.replace(/@font-face\s*\{[^}]*\}/g, (rule) => {
    faces.push(resolveUrls(rule, base));
    return '';
  });
  return { faces, rest };
}

/** Each url(…) of a rule made absolute against `base` (data: and absolute URLs stay as they are). */
function resolveUrls(rule: string, base: string): string {
  return rule.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (_m, _q, url: string) => `url("${new URL(url, base).href}")`);
}

let installed = false;

/** Installs the font faces on the document once, however many elements the page has. */
export function installFontFaces(faces: readonly string[]): void {
  if (installed || faces.length === 0 || typeof document === 'undefined') return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(faces.join('\n'));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
