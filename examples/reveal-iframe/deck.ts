// The iframe route (for decks that cannot load modules): reveal.js from npm, with Gatescope views
// in iframes. The plugin route is examples/reveal/.
// Each frame is opened with deck=reveal, so stepping past a sentence's end moves the deck on.
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';

const deck = new Reveal({ hash: true, postMessage: true, width: 1100, height: 700, transition: 'none' });
void deck.initialize().then(() => {
  (window as unknown as { __deck: typeof deck }).__deck = deck;
});

// After the deck moves on, take the keyboard back from the frame that handed it over, so the
// presenter's next → goes to the deck (or into the next frame once they click it).
deck.on('slidechanged', () => {
  const active = document.activeElement;
  if (active instanceof HTMLIFrameElement) active.blur();
  window.focus();
});
