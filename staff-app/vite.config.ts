import { appViteConfig } from '../client/app-vite-config.ts';

export default appViteConfig(new URL('.', import.meta.url), {
  base: '/staff/',
  dist: 'staff',
  page: { title: 'GateCare — staff', themeColor: '#12324f' },
  manifest: { name: 'GateCare staff', shortName: 'GateCare staff', display: 'standalone' },
  proxy: { api: true, socket: true },
  port: 5174,
});
