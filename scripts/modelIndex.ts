/** public/models/index.json: every model file on disk with its report, so the app and the README can show them. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeModelIndex(dir: string): void {
  const index = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
    .map((f) => {
      const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; task: string; cell: { kind: string }; report?: unknown };
      return { id: j.id, task: j.task, kind: j.cell.kind, file: f, report: j.report ?? null };
    });
  writeFileSync(join(dir, 'index.json'), `${JSON.stringify({ models: index }, null, 1)}\n`);
}
