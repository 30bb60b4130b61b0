// The console builds into chalicelib/console_assets/, which the API serves at /console
// (chalicelib/api/console.py) and the Lambda package carries with the rest of chalicelib/.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Relative URLs: the page is /console locally and /<stage>/console behind API Gateway.
  base: './',
  build: {
    outDir: '../chalicelib/console_assets',
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline module-preload polyfill or data: scripts: the page's CSP allows 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` against `make run` (port 8000 by default).
    proxy: { '/api': 'http://127.0.0.1:8000' },
  },
});
