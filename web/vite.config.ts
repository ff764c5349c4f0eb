// Builds the web app into web/dist; the Accord server serves it (see src/server/web-app.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { mapGeometryPlugin } from './build/map-geometry.ts';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [react(), mapGeometryPlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Reported by bench/web-load.ts; the budget for the home page is 300 KB gzipped.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
