import { defineConfig } from '@playwright/test';
import { chromiumPath } from './scripts/chromium-path.mjs';

const PORT = Number(process.env.GATESCOPE_E2E_PORT ?? 4319);

// Debian's Chromium, not a downloaded browser: this project's machines cannot download one.
// The flags keep it from calling home (the network is closed; without them it retries forever).
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  // Generous: CI machines are shared and slow; a wait that passes is over as soon as it passes,
  // and speed is measured by the perf scripts, never asserted here.
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
    },
    viewport: { width: 1280, height: 720 },
    reducedMotion: 'reduce',
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
