import { appViteConfig } from '../client/app-vite-config.ts';
import { websocketOnlyTransports } from '../client/websocket-only-plugin.ts';
import { textOnlySocketParser } from '../client/text-socket-parser-plugin.ts';

export default appViteConfig(new URL('.', import.meta.url), {
  base: '/kiosk/',
  dist: 'kiosk',
  page: { title: 'GateCare — help at the gate', themeColor: '#0b3d91' },
  manifest: { name: 'GateCare — help at the gate', shortName: 'GateCare', display: 'fullscreen' },
  plugins: [websocketOnlyTransports(), textOnlySocketParser()],
  // Keeps the kiosk within its JavaScript budget (npm run size:kiosk). The kiosk imports core
  // through core/plain.ts, which reaches no zod module (test/core/plain-entry.test.ts); a core module
  // the kiosk uses nothing from (e.g. the duty manager's flight import, with its CSV parser) is left out.
  pureCore: true,
  // Started from the code cache of the service worker's precache: the cold start on a slow CPU (README "Devices in a surge").
  classicEntry: true,
  proxy: { api: true, socket: true },
});
