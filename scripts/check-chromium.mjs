// Fails the end-to-end step at once, with directions, when there is no browser to drive:
// a missing browser must never look like a passing (or skipped) suite.
import { chromiumFound, chromiumPath } from './chromium-path.mjs';

if (!chromiumFound()) {
  console.error(`
Gatescope's end-to-end tests need Chromium, and none was found at ${chromiumPath()}.
Get one of these:
  - Debian/Ubuntu:  sudo apt-get install -y chromium fonts-noto-cjk   (installs /usr/bin/chromium)
  - any Chromium or Chrome you already have:  CHROMIUM_PATH=/path/to/chrome npm test
  - where downloads are allowed:  npx playwright install chromium, then
      CHROMIUM_PATH="$(node -e "console.log(require('playwright-core').chromium.executablePath())")" npm test
`);
  process.exit(1);
}
