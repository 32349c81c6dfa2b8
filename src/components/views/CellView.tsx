import { CellDiagram } from '../diagram/CellDiagram';
import { MemoryPanel } from '../scan/MemoryPanel';
import { ScanPanel } from '../scan/ScanPanel';
import { StabiliserPanel } from '../scan/StabiliserPanel';

/**
 * The cell tab: colah's figure for the chosen cell kind, with the current step's numbers, and
 * for kinds whose gates read x_t alone (minGRU, minLSTM) the scan that computes every step at once; for an sLSTM, its stabiliser; for an mLSTM, its matrix memory.
 */
export function CellView() {
  return (
    <>
      <CellDiagram />
      <ScanPanel />
      <StabiliserPanel />
      <MemoryPanel />
    </>
  );
}
