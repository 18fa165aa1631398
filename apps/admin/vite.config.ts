// The console builds into dist/admin at the repository root, served by Keyring at /admin with hashed,
// immutable asset names. Everything ships in the bundle: no CDN, no remote font.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const outDir = fileURLToPath(new URL('../../dist/admin', import.meta.url));

export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    // The service's Content-Security-Policy allows no inline script, and no data: URLs are needed.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npm run dev -w @keyring/admin` against a service on :3000.
    proxy: { '/v1': 'http://127.0.0.1:3000', '/oauth2': 'http://127.0.0.1:3000' },
  },
});
