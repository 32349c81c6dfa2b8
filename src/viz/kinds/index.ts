/** The registry of figures, one per registered cell kind (engine/kinds); views ask figureOf(kind). */
import type { StepTrace } from '../../engine';
import type { FigureSpec } from './figure';
import { gruFigure } from './gru';
import { mingruFigure } from './mingru';
import { minlstmFigure } from './minlstm';
import { mlstmFigure } from './mlstm';
import { slstmFigure } from './slstm';
import { coupledFigure, lstmFigure, peepholeFigure } from './lstm';
import { rnnFigure } from './rnn';

export type { Curve, MemoryView, NodeEquation, ShownVector, TraceVector, VectorRange } from './figure';
export { stateRange } from './figure';

type AnyFigure = FigureSpec<StepTrace>;

export const FIGURES: readonly AnyFigure[] = [rnnFigure, lstmFigure, gruFigure, peepholeFigure, coupledFigure, mingruFigure, minlstmFigure, slstmFigure, mlstmFigure];

const BY_ID = new Map<string, AnyFigure>(FIGURES.map((f) => [f.id, f]));

/** The figure of a kind; throws rather than draw another kind's figure. */
export function figureOf(kind: string): AnyFigure {
  const f = BY_ID.get(kind);
  if (!f) throw new Error(`no figure registered for cell kind '${kind}' (src/viz/kinds/index.ts)`);
  return f;
}
