import { describe, expect, it } from 'vitest';
import { splitFontFaces } from './fonts';

describe('KaTeX font faces for a shadow root', () => {
  const css =
    '.katex{font:1.21em KaTeX_Main}@font-face{font-family:KaTeX_Main;src:url(./assets/KaTeX_Main-Regular-abc.woff2) format("woff2")}.x{color:red}@font-face {font-family:KaTeX_Math;src:url("data:font/woff2;base64,AAAA") format("woff2")}';

  it('takes every @font-face rule out and leaves the rest', () => {
    const { faces, rest } = splitFontFaces(css, 'https://cdn.example/gs/lib/gate-scope.js');
    expect(faces).toHaveLength(2);
    expect(faces[0]).toContain('KaTeX_Main');
    expect(rest).toBe('.katex{font:1.21em KaTeX_Main}.x{color:red}');
  });

  it('resolves a relative font URL against the module, not the host page, and leaves data: URLs', () => {
    const [main, math] = splitFontFaces(css, 'https://cdn.example/gs/lib/gate-scope.js').faces;
    expect(main).toContain('url("https://cdn.example/gs/lib/assets/KaTeX_Main-Regular-abc.woff2")');
    expect(math).toContain('url("data:font/woff2;base64,AAAA")');
  });
});
