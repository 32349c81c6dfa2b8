/** How the views write a number: the figures' modules use these too, so they depend on nothing. */

/**
 * The number a student reads: three decimals, a true minus sign, and no "−0.000" (a value that
 * rounds to zero is shown as 0.000 whatever its sign).
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = x.toFixed(3);
  if (Number(s) === 0) return '0.000';
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/**
 * A value that may be huge or overflow (the sLSTM's gates without m, exp(ĩ_t)) in at most six
 * characters, so it fits a swatch: three decimals below 10, one up to 1000, then exponent form
 * (also below 0.001) with two significant digits, or one where the exponent has three (1e+300),
 * and ∞ past a double's range (the screen reader's name says it overflows, in words).
 */
export function formatCompact(x: number): string {
  if (Number.isNaN(x)) return '?';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  const exp = () => (a >= 1e-99 && a < 1e100 ? x.toExponential(1) : x.toExponential(0));
  const s = x === 0 || (a >= 1e-3 && a < 10) ? formatValue(x) : a >= 10 && a < 1000 ? x.toFixed(1) : exp();
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}
