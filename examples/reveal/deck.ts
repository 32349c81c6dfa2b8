// An example deck for teachers: reveal.js from npm, with `<gate-scope>` figures that step with
// the deck through the reveal-gatescope plugin. The plugin (and the element, which it loads) are
// the built files in dist/lib/, loaded as a teacher's own deck loads them: by their address.
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';

const plugin = new URL('../../lib/reveal-gatescope.js', document.baseURI).href;
// A promise, not a top-level await: with one, the bundler re-split the app's own chunks.
void import(/* @vite-ignore */ plugin).then(({ default: RevealGatescope }) => {
  const deck = new Reveal({ hash: true, width: 1100, height: 700, transition: 'none', plugins: [RevealGatescope] });
  return deck.initialize().then(() => {
    (window as unknown as { __deck: typeof deck }).__deck = deck;
  });
});
