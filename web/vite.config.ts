import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app: Preact through esbuild's automatic JSX runtime (no Preact preset needed), built to web/dist.
 * `npm run build:web` builds it; `npm start` serves web/dist next to the API. In development,
 * `npx vite --config web/vite.config.ts` proxies the API to a local `npm start` on port 3000.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.API_ORIGIN ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': api, '/local-auth': api },
  },
});
