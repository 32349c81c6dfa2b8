/**
 * minGRU's diagram, in the GRU's visual language with what the minimal cell removes taken out:
 * no reset gate, and no line from h_{t−1} down into any layer. Only x_t feeds the layers (the
 * line along the bottom), which is what lets every step's gates be computed at once (the scan).
 * h runs along the top as its belt; 1 − z keeps it, z writes the linear candidate h̃.
 */
import type { CellLayout } from '../layoutTypes';
import { LAYER, OP, ONE_MINUS, END_SLOTS, bands, Builder, columns } from '../cellLayoutBuilder';
import type { LayoutOptions } from '../cellLayoutBuilder';
import { hBelt, LINEAR, writeAndFinish, xOnlyInputs } from './min-layout';

/** Columns in grid steps: x_t's entry, the 1 − z that keeps, σ z, the candidate under +, h_t's exit up. */
const COL = columns({ ...END_SLOTS, xin: 18, one: 36, z: 56, n: 82, up: 103 });

export function mingru(o: LayoutOptions): CellLayout {
  const b = bands(o);
  const B = new Builder(o, b);
  const C = COL;
  const { top, mid, layer } = b;

  hBelt(B, { left: C.left, right: C.right, keep: C.one, add: C.n, up: C.up });
  B.node('layerZ', 'layer', 'σ', C.z, layer, 'z');
  B.node('layerN', 'layer', 'Wx+b', C.n, layer, 'hTilde', LINEAR);
  xOnlyInputs(B, C.xin, [
    ['layerZ', C.z],
    ['layerN', C.n],
  ]);

  B.node('forkZ', 'junction', '', C.z, mid, 'z');
  B.node('oneMinus', 'pointwise', '1−', C.one, mid, 'oneMinusZ', ONE_MINUS);
  B.node('mulN', 'pointwise', '×', C.n, mid, 'written');
  B.edge('layerZ', 'forkZ', 'z', [
    [C.z, layer - LAYER.h / 2],
    [C.z, mid],
  ]);
  B.edge('forkZ', 'oneMinus', 'z', [
    [C.z, mid],
    [C.one + ONE_MINUS.w / 2, mid],
  ]);
  B.edge('oneMinus', 'mulKeep', 'oneMinusZ', [
    [C.one, mid - ONE_MINUS.h / 2],
    [C.one, top + OP / 2],
  ]);
  B.edge('forkZ', 'mulN', 'z', [
    [C.z, mid],
    [C.n - OP / 2, mid],
  ]);
  B.column('oneMinusZ', '1−z_t', C.one, b.bandA, 'right');
  B.column('z', 'z_t', C.z, b.bandB, 'right');
  return writeAndFinish(B, 'mingru', C.n, C.xin, { keep: '(1−z_t)', kept: '(1−z)⊙h_{t−1}', written: 'z⊙h̃' });
}
