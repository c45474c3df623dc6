import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appShellWorker } from '../client/pwa-plugin.ts';

const hub = process.env.GATECARE_HUB ?? 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/kiosk/',
  plugins: [react(), appShellWorker({ name: 'GateCare — help at the gate', shortName: 'GateCare', display: 'fullscreen' })],
  build: { outDir: fileURLToPath(new URL('../dist/kiosk', import.meta.url)), emptyOutDir: true },
  server: { proxy: { '/api': hub, '/socket.io': { target: hub, ws: true } } },
});
