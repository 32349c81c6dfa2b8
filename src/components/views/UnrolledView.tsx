/** Placeholder until the Unrolled view lands: it renders nothing. */
export function UnrolledView() {
  return null;
}
