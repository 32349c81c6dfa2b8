/**
 * The whole trace of a sentence as JSON or CSV, for notebooks and spreadsheets. One CSV row per
 * (step, vector, unit), long format, so any tool can pivot it; numbers at full precision.
 */
import type { EmbeddedToken, StepTrace } from '../engine';
import { traceVectors } from './vectors';

export interface TraceExport {
  readonly model: string;
  readonly cell: string;
  readonly tokens: readonly EmbeddedToken[];
  readonly traces: readonly StepTrace[];
}

export function traceToJson(e: TraceExport): string {
  return JSON.stringify(
    {
      model: e.model,
      cell: e.cell,
      tokens: e.tokens.map((t) => ({ token: t.token, seen: t.seen, unknown: t.unknown })),
      steps: e.traces.map((tr, t) => ({
        t,
        token: e.tokens[t]?.token,
        ...Object.fromEntries(traceVectors(tr).map((v) => [v.id, Array.from(v.values)])),
      })),
    },
    null,
    1,
  );
}

/** RFC 4180 quoting: a token may contain commas, quotes or newlines. */
function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function traceToCsv(e: TraceExport): string {
  const lines = ['t,token,vector,unit,value'];
  e.traces.forEach((tr, t) => {
    const tok = csvField(e.tokens[t]?.token ?? '');
    for (const v of traceVectors(tr)) v.values.forEach((x, k) => lines.push(`${t},${tok},${v.id},${k + 1},${x}`));
  });
  return `${lines.join('\n')}\n`;
}
