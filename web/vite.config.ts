/** The web UI's build: web/ → dist/web, served by the ETS process at / (src/http/web-ui.ts). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  // The client package's transport from its TypeScript source (its dist/ is built for Node).
  resolve: {
    alias: {
      'ets-client/transport': fileURLToPath(new URL('../packages/client/src/transport.ts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // One chunk of our code and one of libraries: both are hashed and cached for a year.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Mantine marks its modules 'use client' for React Server Components; meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } } },
});
