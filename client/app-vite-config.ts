import { defineConfig, type PluginOption, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { appShellWorker, type AppManifest } from './pwa-plugin.ts';
import { appPage, type AppPage } from './app-page-plugin.ts';
import { classicEntryScript } from './classic-entry-plugin.ts';

const hub = process.env.GATECARE_HUB ?? 'http://localhost:8080';

/**
 * The build of one app (React, its page, its service worker), the same for all four apps but for these options.
 * `npm run build` writes it to dist/<dist>/, which the hub serves at `base`.
 */
export function appViteConfig(
  /** The app's folder: `new URL('.', import.meta.url)` in its vite.config.ts. */
  root: URL,
  app: {
    base: `/${string}/`;
    dist: string;
    page: AppPage;
    manifest: AppManifest;
    plugins?: PluginOption[];
    /**
     * Leave out every core module the app uses nothing from (core/ is pure by house rule), with its dependencies:
     * the passenger and outlet apps import core through core/plain.ts and stay on a budget.
     */
    pureCore?: boolean;
    /**
     * Load the entry chunk as a deferred classic script, which chromium runs from the code cache it makes when the
     * service worker precaches it (client/classic-entry-plugin.ts). Module preloading is off with it: its polyfill
     * is work at every start that chromium does not need, and the app's split chunks (languages) have nothing to preload.
     */
    classicEntry?: boolean;
    /** What the dev server passes on to the hub (GATECARE_HUB): REST calls, the socket, or both. */
    proxy: { api?: boolean; socket?: boolean };
    port?: number;
  },
): UserConfig {
  return defineConfig({
    root: fileURLToPath(root),
    base: app.base,
    plugins: [react(), appPage(app.page), ...(app.plugins ?? []), ...(app.classicEntry ? [classicEntryScript()] : []), appShellWorker(app.manifest)],
    build: {
      outDir: fileURLToPath(new URL(`../dist/${app.dist}`, root)),
      emptyOutDir: true,
      ...(app.classicEntry ? { modulePreload: false as const } : {}),
      ...(app.pureCore ? { rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.includes('/core/') } } } : {}),
    },
    server: {
      ...(app.port ? { port: app.port } : {}),
      proxy: {
        ...(app.proxy.api ? { '/api': hub } : {}),
        ...(app.proxy.socket ? { '/socket.io': { target: hub, ws: true } } : {}),
      },
    },
  });
}
