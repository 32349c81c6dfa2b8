/**
 * Geometry of the encoder–decoder chain (the translate view): the encoder's cells left to right
 * over the source words, a gap where the context vector is handed over, then the decoder's cells
 * over what it writes. One step index runs across both sides: 0 … S−1 the encoder, S … S+U−1 the
 * decoder, so one slider (and one link) can name any step.
 */
export const TRANSLATE_CHAIN = { cell: 56, gap: 18, handover: 96, pad: 16, top: 54, height: 214 } as const;

type Side = 'encoder' | 'decoder';

export function sideOf(step: number, sourceLength: number): { side: Side; index: number } {
  return step < sourceLength ? { side: 'encoder', index: step } : { side: 'decoder', index: step - sourceLength };
}

interface ChainCell {
  readonly step: number;
  readonly side: Side;
  readonly index: number;
  readonly x: number;
}

export function translateChain(sourceLength: number, decoderLength: number): { cells: ChainCell[]; handoverX: [number, number]; width: number } {
  const { cell, gap, handover, pad } = TRANSLATE_CHAIN;
  const cells: ChainCell[] = [];
  for (let k = 0; k < sourceLength; k++) cells.push({ step: k, side: 'encoder', index: k, x: pad + k * (cell + gap) });
  const encEnd = pad + sourceLength * (cell + gap) - (sourceLength ? gap : 0);
  const decStart = encEnd + handover;
  for (let u = 0; u < decoderLength; u++) cells.push({ step: sourceLength + u, side: 'decoder', index: u, x: decStart + u * (cell + gap) });
  const width = decStart + decoderLength * (cell + gap) - (decoderLength ? gap : 0) + pad;
  return { cells, handoverX: [encEnd, decStart], width };
}
