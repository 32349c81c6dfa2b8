/** Placeholder until the Heatmap view lands: it renders nothing. */
export function HeatmapView() {
  return null;
}
