import { useGatescope, useT } from './StoreContext';

export function SentenceInput() {
  const t = useT();
  const text = useGatescope((s) => s.text);
  const editText = useGatescope((s) => s.editText);
  const tokenizer = useGatescope((s) => s.model.tokenizer);
  return (
    <div className="sentence">
      <label htmlFor="sentence-input">{t('sentence')}</label>
      <input id="sentence-input" type="text" value={text} spellCheck={false} autoComplete="off" aria-describedby="sentence-hint" onChange={(e) => editText(e.target.value)} />
      <p id="sentence-hint" className="hint">
        {t(tokenizer === 'chars' ? 'sentenceHintChars' : tokenizer === 'numbers' ? 'sentenceHintNumbers' : tokenizer === 'whitespace' ? 'sentenceHintWhitespace' : 'sentenceHint')}
      </p>
    </div>
  );
}
