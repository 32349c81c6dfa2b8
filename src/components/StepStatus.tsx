import { useGatescope, useT } from './StoreContext';

/** A polite live region: screen readers hear each step's number and token. */
export function StepStatus() {
  const t = useT();
  const step = useGatescope((s) => s.t);
  const tok = useGatescope((s) => s.embedded[s.t]);
  const last = useGatescope((s) => s.tokens.length - 1);
  const msg = !tok
    ? t('noSteps')
    : t(tok.unknown ? 'stepStatusUnknown' : 'stepStatus', { t: step, last, token: tok.token });
  return (
    <p role="status" aria-live="polite" className="step-status">
      {msg}
    </p>
  );
}
