import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { LESSON_KEY, parseProgress } from '../lesson/progress';
import { LESSON_CHAPTERS } from '../store/urlParams';
import { switching, type GatescopeStore } from '../store/store';
import type { UrlNotice } from '../store/urlParams';
import type { Panel } from '../store/types';
import { Preferences } from './Preferences';
import { ShareMenu } from './ShareMenu';
import { CellTypePicker } from './CellTypePicker';
import { Controls, ResetButton, SpeedPicker } from './Controls';
import { ControlsMenuButton, ControlsMenuRegion, useControlsMenu } from './ControlsMenu';
import { ModelInfo } from './ModelInfo';
import { ModelPicker, ModelStatus } from './ModelPicker';
import { OwnModelInput } from './OwnModelInput';
import { Prediction } from './Prediction';
import { SeriesChart } from './SeriesChart';
import { LinkNotices, TextError } from './Notices';
import { SentenceInput } from './SentenceInput';
import { StepStatus } from './StepStatus';
import { StoreContext, useGatescope, useT } from './StoreContext';
import { TokenStrip } from './TokenStrip';
import { Later } from './Later';
import { ValuesTable } from './ValuesTable';
import { ViewTabList, ViewTabs } from './ViewTabs';
import { useMediaQuery, WIDE_QUERY } from './useMediaQuery';
import { LayerPicker } from './LayerPicker';

// The lesson's chapters, questions and strings load only when it is opened. A page opened on a
// chapter loads them before its first frame (main.tsx, preloadLesson): the chapter's text would
// otherwise arrive after the figure and push it down the page.
const loadLesson = () => import('./lesson/Lesson');
const LazyLesson = lazy(loadLesson);
let loadedLesson: ComponentType | null = null;
export const preloadLesson = (): Promise<void> =>
  loadLesson().then((m) => {
    loadedLesson = m.default;
  });

/** The lesson: at once if its code is here already, else once it has loaded. */
function LessonNow() {
  const Lesson = loadedLesson ?? LazyLesson;
  return <Lesson />;
}

/** The lesson's entry on the first screen: opens it where the reader left it (localStorage). */
function LessonEntry() {
  const t = useT();
  const lesson = useGatescope((s) => s.lesson);
  const setLesson = useGatescope((s) => s.setLesson);
  const lang = useGatescope((s) => s.lang);
  if (lesson !== null) return null;
  const resume = () => {
    try {
      return parseProgress(window.localStorage.getItem(LESSON_KEY), LESSON_CHAPTERS).chapter;
    } catch {
      return 0;
    }
  };
  return (
    <a
      className="lesson-entry"
      href={`?lesson=1${lang === 'zh' ? '&lang=zh' : ''}`}
      onClick={(e) => {
        e.preventDefault();
        setLesson(resume());
      }}
    >
      {t('lesson.open')}
    </a>
  );
}

function Document() {
  const lang = useGatescope((s) => s.lang);
  const theme = useGatescope((s) => s.theme);
  const presenter = useGatescope((s) => s.presenter);
  const embed = useGatescope((s) => s.embed);
  // The lesson presented to a class: its own layout (lesson.css), set here so that the page's
  // header is gone from the first frame, before the lesson's code has loaded.
  const presenting = useGatescope((s) => s.present && s.lesson !== null && !s.embed);
  useEffect(() => {
    if (presenting) document.documentElement.dataset.present = 'lesson';
    else delete document.documentElement.dataset.present;
  }, [presenting]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.documentElement.dataset.theme = theme;
    // Presenter mode: on the page, larger text from the root (rem and em alike); in a slide,
    // whose frame is fixed, compact controls so the figure gets the room (styles.css).
    if (presenter) document.documentElement.dataset.presenter = embed ? 'slide' : 'page';
    else delete document.documentElement.dataset.presenter;
  }, [lang, theme, presenter, embed]);
  return null;
}

/**
 * The page's or the slide's content, without the document-wide settings (Document): a
 * `<gate-scope>` element renders it too, inside its shadow root, where the host page is not its own.
 */
export function Layout({ notices }: { notices: readonly UrlNotice[] }) {
  const t = useT();
  const hidden = useGatescope((s) => s.hidden);
  const embed = useGatescope((s) => s.embed);
  const stacked = useGatescope((s) => s.stack.length > 1);
  const view = useGatescope((s) => s.view);
  const lesson = useGatescope((s) => s.lesson !== null && !s.embed);
  // While the page's first model loads, what reads the model (the prediction, its report, the
  // values) waits with the view: the stand-in demo cell's numbers would flash and shift.
  const opening = useGatescope((s) => s.opening !== null);
  // Another model on its way: what shows the model on screen is dimmed until it lands.
  const loadingAnother = useGatescope(switching);
  // The training lab has its own settings and numbers: the sentence, the step controls, the
  // prediction and the values table belong to the stepping views.
  const lab = view === 'train';
  // The translate view steps its own encoder–decoder over the sentence: the page's model, its
  // step controls and values are not what it shows (the sentence and the cell type are).
  const translating = view === 'translate';
  const own = lab || translating;
  const predicts = useGatescope((s) => s.model.head !== null);
  const wide = useMediaQuery(WIDE_QUERY);
  const menu = useControlsMenu();
  const show = (p: Panel) =>
    !hidden.includes(p) &&
    !(opening && !own && (p === 'info' || p === 'table')) &&
    !(lab && (p === 'input' || p === 'cells')) &&
    !(own && (p === 'tokens' || p === 'controls' || p === 'info' || p === 'table'));
  // One column (a phone, a tablet held upright): the figure on the first screen, its step bar
  // under it, and the page's other choices behind the Controls menu. Each control is still
  // rendered once, in one place or the other.
  const compact = !embed && !wide;
  const pickers = show('cells') && (
    <div className="pickers">
      {/* Cell type first: it is the main choice, and keeps its place in the tab order. */}
      <CellTypePicker />
      <ModelPicker />
      <OwnModelInput />
    </div>
  );
  // On a phone the sentence stays on the page, above the figure: it is what a student types
  // most, and a box hidden in a menu would have them open it for every new sentence.
  const inputs = (show('input') || (!compact && show('cells'))) && (
    <section className="inputs">
      {show('input') && <SentenceInput />}
      {!compact && pickers}
    </section>
  );
  const tabs = !show('tabs') ? 'none' : compact ? 'apart' : 'here';
  const stepping = (
    <>
      <TextError />
      {show('tokens') && <TokenStrip />}
      {show('controls') && <Controls />}
      {show('controls') && <LayerPicker />}
      {/* In a slide a model's prediction line already says the step and token: one line, not two. */}
      {!own && <StepStatus visible={show('controls') && !(embed && predicts)} />}
    </>
  );
  const menuButton = compact && <ControlsMenuButton menu={menu} />;
  return (
    <div className={`${embed ? 'app embed' : 'app'}${stacked ? ' stacked' : ''}${compact ? ' compact' : ''}`}>
      {show('header') && (
        <header className="top">
          <h1>{t('appTitle')}</h1>
          <p className="tagline">{t('tagline')}</p>
          <div className="top-actions">
            {!embed && <LessonEntry />}
            {menuButton}
            {!compact && <Preferences />}
            {!compact && <ShareMenu />}
          </div>
        </header>
      )}
      {!show('header') && menuButton && <div className="top-actions menu-only">{menuButton}</div>}
      {compact && (
        <ControlsMenuRegion menu={menu}>
          {pickers}
          {show('controls') && !own && (
            <div className="controls playback">
              <ResetButton />
              <SpeedPicker />
            </div>
          )}
          <Preferences />
          <ShareMenu />
          {/* Last, just above the figure it changes. A view picked, the menu closes on it: the
              figure is then right under the header, not under the menu's long list. */}
          {tabs === 'apart' && (
            <ViewTabList
              onPicked={() => {
                menu.setOpen(false);
                menu.button.current?.focus();
              }}
            />
          )}
        </ControlsMenuRegion>
      )}
      <LinkNotices notices={notices} />
      {embed ? (
        // A slide: one column, the view as large as the frame allows.
        <main data-switching={loadingAnother || undefined}>
          {inputs}
          {show('cells') && <ModelStatus />}
          {stepping}
          {!own && !opening && <SeriesChart />}
          {!own && !opening && <Prediction />}
          {show('info') && <ModelInfo />}
          <ViewTabs tabs={tabs} />
          {show('table') && (
            <Later>
              <ValuesTable />
            </Later>
          )}
        </main>
      ) : (
        // The page: the choices in a side column, the sentence's steps and the figure beside them
        // (on a 1280 × 720 projector the whole figure is on the first screen). One column when
        // narrower: the sentence, the tokens, the figure, then the step bar under the thumb.
        <main className={`workbench${lab && !lesson ? ' lab' : ''}${lesson ? ' lesson' : ''}`} data-switching={loadingAnother || undefined}>
          <div className="side">
            {lesson && (
              <Suspense fallback={<p className="loading">{t('loading')}</p>}>
                <LessonNow />
              </Suspense>
            )}
            {inputs}
            {show('cells') && <ModelStatus />}
            {!own && !opening && <Prediction />}
            {show('info') && <ModelInfo />}
          </div>
          {compact ? (
            <div className="stage">
              <TextError />
              {show('tokens') && <TokenStrip />}
              {show('controls') && <LayerPicker />}
              {!own && <StepStatus visible={show('controls')} />}
              {!own && !opening && <SeriesChart />}
              <ViewTabs tabs={tabs} swipe />
              {show('controls') && <Controls compact />}
            </div>
          ) : (
            <div className="stage">
              {stepping}
              {/* A real series: its chart first, above the view (it returns nothing for other models). */}
              {!own && !opening && <SeriesChart />}
              <ViewTabs tabs={tabs} />
            </div>
          )}
          {show('table') && (
            <Later>
              <ValuesTable />
            </Later>
          )}
        </main>
      )}
    </div>
  );
}

export function App({ store, notices = [] }: { store: GatescopeStore; notices?: readonly UrlNotice[] }) {
  return (
    <StoreContext.Provider value={store}>
      <Document />
      <Layout notices={notices} />
    </StoreContext.Provider>
  );
}
