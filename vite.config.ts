import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// base './' makes the build work from any sub-path (a course site, a slide deck folder).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
