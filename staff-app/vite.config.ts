import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appShellWorker } from '../client/pwa-plugin.ts';

const hub = process.env.GATECARE_HUB ?? 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/staff/',
  plugins: [react(), appShellWorker({ name: 'GateCare staff', shortName: 'GateCare staff', display: 'standalone' })],
  build: { outDir: fileURLToPath(new URL('../dist/staff', import.meta.url)), emptyOutDir: true },
  server: { port: 5174, proxy: { '/api': hub, '/socket.io': { target: hub, ws: true } } },
});
