/**
 * The project's modules and the names they import and export, read with TypeScript's parser (no
 * type checking, so it is quick): what the architecture tests check for cycles and unused exports.
 * Only relative imports are followed; packages are outside the graph.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

/** One import or re-export of another module of the project. */
interface ModuleEdge {
  /** Absolute path of the module imported. */
  readonly to: string;
  /** The names taken from it; '*' for a namespace import or `export *`; 'default' for a default import. */
  readonly names: readonly string[];
  /** `import type` (and the names marked `type` inside braces do not make it type only). */
  readonly typeOnly: boolean;
  /** A re-export (`export … from`): the names pass through to this module's importers. */
  readonly reExport: boolean;
  /** `import('…')`: loaded lazily, so it cannot take part in a cycle at load time, but it is a use. */
  readonly dynamic: boolean;
}

interface ModuleInfo {
  readonly file: string;
  readonly edges: readonly ModuleEdge[];
  /** Names this module exports, its own and those it passes on by name (`export { a } from`); `export *` is an edge only. */
  readonly exports: readonly string[];
}

const isTest = (f: string) => /\.(test|spec)\.tsx?$/.test(f);

/** The .ts/.tsx files under `dir`, recursively (declaration files left out). */
export function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

export const isTestFile = isTest;

/** The file a relative specifier names, as the bundler resolves it, or null. */
function resolveImport(from: string, spec: string): string | null {
  // A Vite query (`./styles.css?inline`) names the same file, read another way.
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

const hasExport = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names of `const { a, b } = await import('…')`, or null when the whole module is taken. */
function destructured(call: ts.CallExpression): string[] | null {
  const awaited = ts.isAwaitExpression(call.parent) ? call.parent : null;
  const decl = awaited && ts.isVariableDeclaration(awaited.parent) ? awaited.parent : null;
  if (!decl || !ts.isObjectBindingPattern(decl.name)) return null;
  return decl.name.elements.map((e) => ((e.propertyName && ts.isIdentifier(e.propertyName) ? e.propertyName : e.name) as ts.Identifier).text);
}

/** Reads one module's imports and exports. Unresolvable relative imports throw (a typo, a moved file). */
function readModule(file: string): ModuleInfo {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: ModuleEdge[] = [];
  const exports: string[] = [];
  const target = (spec: string): string | null => {
    if (!spec.startsWith('.')) return null;
    const to = resolveImport(file, spec);
    if (!to) throw new Error(`${file}: cannot resolve '${spec}'`);
    return to;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const to = target(n.moduleSpecifier.text);
      const c = n.importClause;
      if (to) {
        const names: string[] = [];
        if (c?.name) names.push('default');
        const b = c?.namedBindings;
        if (b && ts.isNamespaceImport(b)) names.push('*');
        if (b && ts.isNamedImports(b)) for (const e of b.elements) names.push((e.propertyName ?? e.name).text);
        edges.push({ to, names, typeOnly: !!c?.isTypeOnly, reExport: false, dynamic: false });
      }
    } else if (ts.isExportDeclaration(n)) {
      const to = n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier) ? target(n.moduleSpecifier.text) : null;
      const c = n.exportClause;
      if (to) {
        const names = c && ts.isNamedExports(c) ? c.elements.map((e) => (e.propertyName ?? e.name).text) : ['*'];
        edges.push({ to, names, typeOnly: n.isTypeOnly, reExport: true, dynamic: false });
        // `export * as ns from` offers ns; `export { a as b } from` offers b: exports of this module too.
        if (c && ts.isNamespaceExport(c)) exports.push(c.name.text);
        if (c && ts.isNamedExports(c)) for (const e of c.elements) exports.push(e.name.text);
      } else if (c && ts.isNamedExports(c)) {
        for (const e of c.elements) exports.push(e.name.text);
      }
    } else if (ts.isExportAssignment(n)) {
      exports.push('default');
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) {
      const to = target(n.arguments[0].text);
      if (to) edges.push({ to, names: destructured(n) ?? ['*'], typeOnly: false, reExport: false, dynamic: true });
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      const to = target(n.argument.literal.text);
      if (to) edges.push({ to, names: [n.qualifier && ts.isIdentifier(n.qualifier) ? n.qualifier.text : '*'], typeOnly: true, reExport: false, dynamic: false });
    }
    if (n.parent === sf && hasExport(n)) {
      const isDefault = (ts.getModifiers(n as ts.HasModifiers) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) exports.push('default');
      else if (ts.isVariableStatement(n)) {
        for (const d of n.declarationList.declarations) if (ts.isIdentifier(d.name)) exports.push(d.name.text);
      } else if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isEnumDeclaration(n)) && n.name) {
        exports.push(n.name.text);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { file, edges, exports };
}

export function moduleGraph(files: readonly string[]): Map<string, ModuleInfo> {
  return new Map(files.map((f) => [f, readModule(f)]));
}

/**
 * The import cycles of a graph: its strongly connected components of more than one module
 * (Tarjan's algorithm), each listed in its files' order of discovery. Lazy imports (`import()`)
 * are left out: they run after every module has loaded.
 */
export function importCycles(graph: ReadonlyMap<string, ModuleInfo>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const strong = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const e of graph.get(v)?.edges ?? []) {
      if (e.dynamic || !graph.has(e.to)) continue;
      if (!index.has(e.to)) {
        strong(e.to);
        low.set(v, Math.min(low.get(v)!, low.get(e.to)!));
      } else if (onStack.has(e.to)) low.set(v, Math.min(low.get(v)!, index.get(e.to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.edges.some((e) => !e.dynamic && e.to === v)) out.push(component.reverse());
  };
  for (const v of graph.keys()) if (!index.has(v)) strong(v);
  return out;
}

/**
 * Every exported name some module of `users` takes, as `file#name`, following re-exports (an
 * `export *` of a barrel passes a name on to the module that declares it). Taking `*` (a
 * namespace or lazy import) uses all of a module's exports.
 */
export function usedExports(graph: ReadonlyMap<string, ModuleInfo>, users: (file: string) => boolean): Set<string> {
  const used = new Set<string>();
  const declares = (file: string, name: string, seen = new Set<string>()): boolean => {
    const m = graph.get(file);
    if (!m || seen.has(file)) return false;
    seen.add(file);
    if (m.exports.includes(name)) return true;
    return m.edges.some((e) => e.reExport && (e.names.includes(name) || (e.names.includes('*') && declares(e.to, name, seen))));
  };
  const use = (file: string, name: string, seen: Set<string>): void => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const m = graph.get(file);
    if (!m) return;
    if (name === '*') {
      for (const n of m.exports) used.add(`${file}#${n}`);
      for (const e of m.edges) if (e.reExport) for (const n of e.names) use(e.to, n, seen);
      return;
    }
    if (m.exports.includes(name)) used.add(key);
    for (const e of m.edges) {
      if (!e.reExport) continue;
      if (e.names.includes(name)) use(e.to, name, seen);
      else if (e.names.includes('*') && declares(e.to, name)) use(e.to, name, seen);
    }
  };
  for (const [file, m] of graph) {
    if (!users(file)) continue;
    for (const e of m.edges) if (!e.reExport) for (const n of e.names) use(e.to, n, new Set());
  }
  return used;
}
