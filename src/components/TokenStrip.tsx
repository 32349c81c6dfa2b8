import { useEffect, useRef } from 'react';
import { visibleToken } from '../text/visible';
import { useGatescope, useT } from './StoreContext';

/** The sentence as steps: the current token is marked, and any token is a button to go there. */
export function TokenStrip() {
  const t = useT();
  const tokens = useGatescope((s) => s.embedded);
  const current = useGatescope((s) => s.t);
  const goTo = useGatescope((s) => s.goTo);
  const ref = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // Keep the current token in view on long sentences, without moving the page.
    const el = ref.current?.querySelector<HTMLElement>('[aria-current="step"]');
    if (el && ref.current) {
      const box = ref.current;
      const left = el.offsetLeft - box.clientWidth / 2 + el.clientWidth / 2;
      box.scrollTo({ left, behavior: 'auto' });
    }
  }, [current]);

  return (
    <ol className="token-strip" aria-label={t('tokens')} ref={ref}>
      {tokens.map((tok, k) => (
        <li key={k}>
          <button
            type="button"
            className={['token', k === current ? 'current' : '', k < current ? 'past' : '', tok.unknown ? 'unknown' : ''].join(' ')}
            aria-current={k === current ? 'step' : undefined}
            onClick={() => goTo(k)}
            title={tok.unknown ? `${tok.token} → <unk>` : undefined}
          >
            <span className="tok-t">{k}</span>
            <span className="tok-text">{visibleToken(tok.token)}</span>
            {/* What the model reads: a word outside its vocabulary is the <unk> token. */}
            {tok.unknown && <span className="tok-unk">{'<unk>'}</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}
