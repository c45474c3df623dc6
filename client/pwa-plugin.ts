import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/**
 * The service worker of an app (Workbox, generated at build): the whole shell is precached,
 * so after one visit the app opens and works with the hub down or the network off.
 * 'prompt': a new version waits until the page chooses to apply it (the kiosk: only when idle).
 */
export type AppManifest = {
  name: string;
  shortName: string;
  display: 'fullscreen' | 'standalone';
  /** Extra scripts the worker loads, from the app's public/ (the phone's push handler). */
  importScripts?: string[];
};

export function appShellWorker(app: AppManifest): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: app.name,
      short_name: app.shortName,
      display: app.display,
      theme_color: '#0b3d91',
      background_color: '#ffffff',
      // Drawn by scripts/make-icons.ts into each app's public/icons/. Chromium asks for a
      // 144 px or larger PNG before it offers to install; the maskable one fills launchers' shapes.
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,json,woff2}'],
      // Any address under the app (…/kiosk/?gate=K32) opens the cached shell when offline.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      ...(app.importScripts ? { importScripts: app.importScripts } : {}),
    },
  });
}
