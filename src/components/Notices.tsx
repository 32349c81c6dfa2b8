import { useState } from 'react';
import type { UrlNotice } from '../store/urlParams';
import { useGatescope, useT } from './StoreContext';

/** Problems with the typed text: always visible while they hold. */
export function TextError() {
  const t = useT();
  const err = useGatescope((s) => s.tokenError);
  if (!err) return null;
  return (
    <p className="message error" role="alert">
      {err.kind === 'empty'
        ? t('err.empty')
        : err.kind === 'tooManyChars'
          ? t('err.tooManyChars', { chars: err.chars, max: err.max })
          : err.kind === 'notANumber'
            ? t('err.notANumber', { entry: err.entry, n: err.index + 1 })
            : err.kind === 'numberTooLarge'
              ? t('err.numberTooLarge', { entry: err.entry, n: err.index + 1, max: err.max.toLocaleString('en') })
              : t('err.tooLong', { count: err.count, max: err.max })}
    </p>
  );
}

/** Link settings that were ignored: shown once, dismissible. */
export function LinkNotices({ notices }: { notices: readonly UrlNotice[] }) {
  const t = useT();
  const [open, setOpen] = useState(notices.length > 0);
  if (!open || notices.length === 0) return null;
  return (
    <div className="message notice" role="alert">
      <strong>{t('notice.title')}</strong>
      <ul>
        {notices.map((n, k) => (
          <li key={k}>{t(`notice.${n.reason}`, { param: n.param, value: n.value, allowed: n.allowed ?? '' })}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setOpen(false)}>
        {t('dismiss')}
      </button>
    </div>
  );
}
