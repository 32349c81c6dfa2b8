import type { Lang, Theme } from '../store/types';
import { useGatescope, useT } from './StoreContext';

export function Preferences() {
  const t = useT();
  const lang = useGatescope((s) => s.lang);
  const theme = useGatescope((s) => s.theme);
  const setLang = useGatescope((s) => s.setLang);
  const setTheme = useGatescope((s) => s.setTheme);
  return (
    <div className="prefs">
      <label>
        <span>{t('language')}</span>
        <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
          <option value="en" lang="en">
            English
          </option>
          <option value="zh" lang="zh-CN">
            中文
          </option>
        </select>
      </label>
      <label>
        <span>{t('theme')}</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
          <option value="light">{t('theme.light')}</option>
          <option value="dark">{t('theme.dark')}</option>
        </select>
      </label>
    </div>
  );
}
