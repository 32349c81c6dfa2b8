import { CellDiagram } from '../diagram/CellDiagram';

/** The cell tab: colah's figure for the chosen cell kind, with the current step's numbers. */
export function CellView() {
  return <CellDiagram />;
}
