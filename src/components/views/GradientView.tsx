/** Placeholder until the Gradient view lands: it renders nothing. */
export function GradientView() {
  return null;
}
