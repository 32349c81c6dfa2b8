import { shortToken } from '../text/visible';
import { useGatescope, useT } from './StoreContext';

/** A token longer than this is cut with “…” (a pasted blob would otherwise be read out, and widen the page). */
const STATUS_TOKEN_CHARS = 40;

/** A polite live region: screen readers hear each step's number and token. */
/** `visible` false keeps it for screen readers only (embed mode without controls). */
export function StepStatus({ visible = true }: { visible?: boolean }) {
  const t = useT();
  const step = useGatescope((s) => s.t);
  const tok = useGatescope((s) => s.embedded[s.t]);
  const last = useGatescope((s) => s.tokens.length - 1);
  const seeking = useGatescope((s) => s.seeking);
  const msg = seeking
    ? t('seeking', { to: seeking.to, done: seeking.reached + 1, total: seeking.to + 1 })
    : !tok
      ? t('noSteps')
      : t(tok.unknown ? 'stepStatusUnknown' : 'stepStatus', { t: step, last, token: shortToken(tok.token, STATUS_TOKEN_CHARS) });
  return (
    <p role="status" aria-live="polite" className={visible ? 'step-status' : 'step-status sr-only'}>
      {msg}
    </p>
  );
}
