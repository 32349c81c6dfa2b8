/**
 * The whole trace of a sentence as JSON or CSV, for notebooks and spreadsheets. One CSV row per
 * (step, vector, unit), long format, so any tool can pivot it; numbers at full precision.
 */
import type { EmbeddedToken, StepTrace } from '../engine';
import { traceVectors } from './vectors';

interface TraceExport {
  readonly model: string;
  readonly cell: string;
  readonly tokens: readonly EmbeddedToken[];
  /** layers[l][t]: layer l's trace at step t (one entry for a one-layer model). */
  readonly layers: readonly (readonly StepTrace[])[];
}

const vectorsOf = (tr: StepTrace) => Object.fromEntries(traceVectors(tr).map((v) => [v.id, Array.from(v.values)]));

export function traceToJson(e: TraceExport): string {
  return JSON.stringify(
    {
      model: e.model,
      cell: e.cell,
      tokens: e.tokens.map((t) => ({ token: t.token, seen: t.seen, unknown: t.unknown })),
      // One layer: each step's vectors directly; a stack: each step's layers, bottom first.
      ...(e.layers.length > 1 ? { layers: e.layers.length } : {}),
      steps: e.layers[0]!.map((tr, t) => ({
        t,
        token: e.tokens[t]?.token,
        ...(e.layers.length > 1 ? { layers: e.layers.map((l) => vectorsOf(l[t]!)) } : vectorsOf(tr)),
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
  // A stack gets a layer column (1 = the bottom); a one-layer model's file has none, so the
  // files readers already parse keep their columns.
  const stacked = e.layers.length > 1;
  const lines = [stacked ? 't,token,layer,vector,unit,value' : 't,token,vector,unit,value'];
  e.layers[0]!.forEach((_, t) => {
    const tok = csvField(e.tokens[t]?.token ?? '');
    e.layers.forEach((layer, l) => {
      const at = stacked ? `${t},${tok},${l + 1}` : `${t},${tok}`;
      for (const v of traceVectors(layer[t]!)) v.values.forEach((x, k) => lines.push(`${at},${v.id},${k + 1},${x}`));
    });
  });
  return `${lines.join('\n')}\n`;
}
