import { useEffect } from 'react';
import type { GatescopeStore } from '../store/store';
import type { UrlNotice } from '../store/urlParams';
import { CellTypePicker } from './CellTypePicker';
import { Controls } from './Controls';
import { ModelInfo } from './ModelInfo';
import { LinkNotices, TextError } from './Notices';
import { SentenceInput } from './SentenceInput';
import { StepStatus } from './StepStatus';
import { StoreContext, useGatescope, useT } from './StoreContext';
import { TokenStrip } from './TokenStrip';
import { ValuesTable } from './ValuesTable';
import { ViewTabs } from './ViewTabs';

function Document() {
  const lang = useGatescope((s) => s.lang);
  const theme = useGatescope((s) => s.theme);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.dataset.theme = theme;
  }, [lang, theme]);
  return null;
}

function Layout({ notices }: { notices: readonly UrlNotice[] }) {
  const t = useT();
  return (
    <div className="app">
      <Document />
      <header className="top">
        <h1>{t('appTitle')}</h1>
        <p className="tagline">{t('tagline')}</p>
      </header>
      <LinkNotices notices={notices} />
      <main>
        <section className="inputs">
          <SentenceInput />
          <CellTypePicker />
        </section>
        <TextError />
        <TokenStrip />
        <Controls />
        <StepStatus />
        <ModelInfo />
        <ViewTabs />
        <ValuesTable />
      </main>
    </div>
  );
}

export function App({ store, notices = [] }: { store: GatescopeStore; notices?: readonly UrlNotice[] }) {
  return (
    <StoreContext.Provider value={store}>
      <Layout notices={notices} />
    </StoreContext.Provider>
  );
}
