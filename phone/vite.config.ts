import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appShellWorker } from '../client/pwa-plugin.ts';

const hub = process.env.GATECARE_HUB ?? 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/p/',
  plugins: [
    react(),
    appShellWorker({ name: 'GateCare — your ticket', shortName: 'My ticket', display: 'standalone', importScripts: ['push-sw.js'] }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/phone', import.meta.url)),
    emptyOutDir: true,
    // The phone imports only types and constants from core (see src/): nothing of zod or the rules.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.includes('/core/') } },
  },
  server: { proxy: { '/socket.io': { target: hub, ws: true } } },
});
