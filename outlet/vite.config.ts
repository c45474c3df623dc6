import { appViteConfig } from '../client/app-vite-config.ts';

export default appViteConfig(new URL('.', import.meta.url), {
  base: '/outlet/',
  dist: 'outlet',
  page: { title: 'GateCare — outlet', themeColor: '#0b3d91', noReferrer: true },
  manifest: { name: 'GateCare — outlet', shortName: 'Outlet', display: 'standalone' },
  // The outlet imports only money formatting and types from core: nothing of zod or the rules.
  pureCore: true,
  proxy: { api: true },
});
