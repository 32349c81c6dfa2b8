/**
 * The boot script: a classic script in index.html's head, run before the page is first drawn.
 * It shows the first screen the build drew in advance (src/prerender/) only to a reader it is
 * true for; anyone else (a link with parameters, a Chinese or dark reader) sees the page only
 * when the app has drawn it, never a figure of another sentence or language first. A lesson
 * link also starts downloading the lesson's code at once (lessonPreload.ts).
 */
import { opensOnFirstScreen } from '../prerender/opensOnFirstScreen';
import { opensOnLesson, preloadLessonFiles } from './lessonPreload';
import { readReader } from './reader';

if (opensOnFirstScreen(window.location.search, window.location.hash, readReader())) document.documentElement.dataset.prerender = 'show';
else if (opensOnLesson(window.location.search)) preloadLessonFiles(document);
