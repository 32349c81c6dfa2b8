/** The engine, for the lab's browser tests: every weight of a model as one flat list. */
import { paramArrays, type Model } from '../src/engine';
export { embedToken, predict, run } from '../src/engine';

export function modelParamsFlat(m: Model): number[] {
  const e = m.embedding.kind === 'table' ? Array.from(m.embedding.table.data) : [];
  return [...paramArrays(m.cell).flatMap((p) => Array.from(p.data)), ...e, ...Array.from(m.head?.W.data ?? []), ...Array.from(m.head?.b ?? [])];
}
