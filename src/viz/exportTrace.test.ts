import { describe, expect, it } from 'vitest';
import { embedToken, run } from '../engine';
import { demoModel } from '../models/demo';
import { traceToCsv, traceToJson } from './exportTrace';

describe('trace export', () => {
  const m = demoModel('gru');
  const tokens = ['hello', 'a,"b"', '世界'].map((t) => embedToken(m.embedding, t));
  const { traces } = run(
    m.cell,
    tokens.map((t) => t.x),
  );
  const e = { model: m.id, cell: 'gru', tokens, layers: [traces] };

  it('CSV has one row per step, vector and unit, tokens quoted when needed, values exact', () => {
    const lines = traceToCsv(e).trim().split('\n');
    const perStep = (8 + 6 * 8) as number; // x has 8 units; hPrev, pre.r, r, pre.z, z, pre.n, n, h have 6
    expect(lines).toHaveLength(1 + 3 * perStep);
    expect(lines[0]).toBe('t,token,vector,unit,value');
    const row = lines.find((l) => l.startsWith('1,"a,""b""",h,3,'))!;
    expect(Number(row.split(',').at(-1))).toBe(traces[1]!.h[2]);
  });

  it('JSON round-trips every vector', () => {
    const j = JSON.parse(traceToJson(e));
    expect(j.steps).toHaveLength(3);
    expect(j.steps[2].token).toBe('世界');
    expect(j.steps[2].z).toEqual(Array.from((traces[2] as { z: Float64Array }).z));
  });
});
