import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff console lives in web/ and builds to web/dist, which the server serves in production.
// Under vitest this file is also picked up (there is no separate vitest config), so the web root is
// only applied to the dev server and the build: tests keep the repository root.
const webRoot = fileURLToPath(new URL('./web', import.meta.url));

export default defineConfig({
  root: process.env.VITEST ? undefined : webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
