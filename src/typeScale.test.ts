import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The page's text keeps to one type scale (styles.css, --fs-*) and two weights. Every distinct
 * size × weight × family is a font Chromium resolves and sets up on first use (an IPC to
 * fontconfig on Linux, ≈ 2 ms each); 38 of them cost the first screen ≈ 150 ms of layout.
 */
function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return cssFiles(p);
    return name.endsWith('.css') ? [p] : [];
  });
}

const files = cssFiles('src');

describe('type scale', () => {
  it('finds the style sheets', () => {
    expect(files).toContain(join('src', 'styles.css'));
    expect(files).toContain(join('src', 'components', 'diagram', 'diagram.css'));
  });

  it('sizes HTML text in rem only through the scale variables', () => {
    const offenders = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/font(?:-size)?:\s*([0-9.]+rem)/g)].map((m) => `${f}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it('uses two weights, 400 and 700', () => {
    const offenders = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/font-weight:\s*([^;}\s]+)/g)].filter((m) => !['400', '700', 'normal', 'bold', 'inherit'].includes(m[1]!)).map((m) => `${f}: ${m[0]}`),
    );
    expect(offenders).toEqual([]);
  });

  it('defines the five sizes once', () => {
    const css = readFileSync(join('src', 'styles.css'), 'utf8');
    for (const v of ['--fs-xs', '--fs-s', '--fs-m', '--fs-l', '--fs-xl']) expect(css.match(new RegExp(`${v}:`, 'g'))).toHaveLength(1);
  });
});
