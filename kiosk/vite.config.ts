import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appShellWorker } from '../client/pwa-plugin.ts';
import { websocketOnlyTransports } from '../client/websocket-only-plugin.ts';

const hub = process.env.GATECARE_HUB ?? 'http://localhost:8080';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/kiosk/',
  plugins: [
    react(),
    websocketOnlyTransports(),
    appShellWorker({ name: 'GateCare — help at the gate', shortName: 'GateCare', display: 'fullscreen' }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/kiosk', import.meta.url)),
    emptyOutDir: true,
    // Keeps the kiosk within its JavaScript budget (npm run size:kiosk). The kiosk imports core
    // through core/plain.ts, which reaches no zod module (test/core/plain-entry.test.ts).
    rolldownOptions: {
      treeshake: {
        // core/ is pure by house rule: a core module the kiosk uses nothing from (e.g. the
        // duty manager's flight import, with its CSV parser) is left out with its dependencies.
        moduleSideEffects: (id: string) => !id.includes('/core/'),
      },
    },
  },
  server: { proxy: { '/api': hub, '/socket.io': { target: hub, ws: true } } },
});
