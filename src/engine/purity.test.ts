import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The engine must run anywhere (Node scripts, workers, tests): no UI libraries, no DOM, and no
// unseeded randomness. This reads every engine source file and checks its imports and globals.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.ts$/.test(f) && !/\.test\.ts$/.test(f) ? [p] : [];
  });
}

describe('engine purity', () => {
  const files = sources(fileURLToPath(new URL('.', import.meta.url)));
  it('has source files to check', () => expect(files.length).toBeGreaterThan(5));
  for (const f of files) {
    it(f.slice(f.indexOf('src/')), () => {
      // Comments may name what is forbidden ("never Math.random"); only code counts.
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const imports = [...code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const m of imports) expect(m, 'engine imports only relative modules').toMatch(/^\.\.?\//);
      expect(code).not.toMatch(/Math\.random|\bdocument\.|\bwindow\.|\blocalStorage\b/);
    });
  }
});

describe('step input checks', () => {
  it('rejects a state of the wrong size instead of returning NaN', async () => {
    const { createRng, randomParams, step, initialState } = await import('./index');
    const p = randomParams('lstm', 3, 4, createRng(1));
    expect(() => step(p, initialState(p, new Float64Array(3)), new Float64Array(3))).toThrow(/state h has 3 values.*hidden size is 4/);
    expect(() => step(p, { h: new Float64Array(4), c: new Float64Array(5) }, new Float64Array(3))).toThrow(/state c has 5/);
    expect(() => step(p, initialState(p), new Float64Array(2))).toThrow(/input has 2 values/);
  });
});
