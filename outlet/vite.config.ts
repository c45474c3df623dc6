import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appShellWorker } from '../client/pwa-plugin.ts';

const hub = process.env.GATECARE_HUB ?? 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/outlet/',
  plugins: [react(), appShellWorker({ name: 'GateCare — outlet', shortName: 'Outlet', display: 'standalone' })],
  build: {
    outDir: fileURLToPath(new URL('../dist/outlet', import.meta.url)),
    emptyOutDir: true,
    // The outlet imports only money formatting and types from core: nothing of zod or the rules.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.includes('/core/') } },
  },
  server: { proxy: { '/api': { target: hub } } },
});
