/** Placeholder until the Cell view lands: it renders nothing. */
export function CellView() {
  return null;
}
