import { CellDiagram } from '../diagram/CellDiagram';
import { ScanPanel } from '../scan/ScanPanel';

/**
 * The cell tab: colah's figure for the chosen cell kind, with the current step's numbers, and
 * for kinds whose gates read x_t alone (minGRU, minLSTM) the scan that computes every step at once.
 */
export function CellView() {
  return (
    <>
      <CellDiagram />
      <ScanPanel />
    </>
  );
}
