import { appViteConfig } from '../client/app-vite-config.ts';

export default appViteConfig(new URL('.', import.meta.url), {
  base: '/p/',
  dist: 'phone',
  page: { title: 'GateCare — your ticket', themeColor: '#0b3d91', noReferrer: true },
  manifest: { name: 'GateCare — your ticket', shortName: 'My ticket', display: 'standalone', importScripts: ['push-sw.js'] },
  // The phone imports only types and constants from core (see src/): nothing of zod or the rules.
  pureCore: true,
  proxy: { socket: true },
});
