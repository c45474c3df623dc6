import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser.ts';
import { enrollKioskPage } from '../helpers/enroll.ts';

interface InstallabilityError {
  errorId: string;
  errorArguments: { name: string; value: string }[];
}

/** Both built apps pass chromium's own installability check (manifest, icons, service worker). */
describe('kiosk and staff app are installable in chromium', () => {
  const env = useTestHub();
  // Chromium never offers to install from an incognito context (what browser.newContext() gives),
  // so this file runs its own chromium on a throw-away profile.
  let profile = '';
  let ctx: BrowserContext | undefined;
  beforeAll(async () => {
    profile = await mkdtemp(join(tmpdir(), 'gatecare-install-'));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1024, height: 768 },
    });
  });
  afterAll(async () => {
    await ctx?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function activeWorker(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');
  }

  async function installabilityErrors(path: string): Promise<string[]> {
    if (!ctx) throw new Error('chromium is not running');
    const page = await ctx.newPage();
    // The kiosk registers its service worker once enrolled (its set-up screen is used once).
    if (path === '/kiosk/') await enrollKioskPage(page, env.hub.url, 'K32');
    else await page.goto(`${env.hub.url}${path}`);
    await activeWorker(page);
    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: InstallabilityError[];
    };
    await page.close();
    return installabilityErrors.map((e) => `${e.errorId} ${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(' ')}`);
  }

  async function manifestIcons(path: string): Promise<{ sizes: string; purpose?: string; status: number }[]> {
    const manifest = (await (await fetch(`${env.hub.url}${path}manifest.webmanifest`)).json()) as {
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    return Promise.all(
      manifest.icons.map(async (icon) => ({
        sizes: icon.sizes,
        purpose: icon.purpose,
        status: (await fetch(new URL(icon.src, `${env.hub.url}${path}`))).status,
      })),
    );
  }

  // The passenger's phone page shares the manifest settings (client/pwa-plugin.ts), so its icons too.
  it('/p/ (the passenger phone page) names icons that the hub serves', async () => {
    expect((await manifestIcons('/p/')).map((i) => i.status)).toEqual([200, 200, 200]);
  });

  for (const path of ['/kiosk/', '/staff/']) {
    it(`${path} names 192, 512 and maskable icons that the hub serves`, async () => {
      expect(await manifestIcons(path)).toEqual([
        { sizes: '192x192', purpose: 'any', status: 200 },
        { sizes: '512x512', purpose: 'any', status: 200 },
        { sizes: '512x512', purpose: 'maskable', status: 200 },
      ]);
    });

    it(`${path} has no installability errors once its service worker is active`, async () => {
      expect(await installabilityErrors(path)).toEqual([]);
    });
  }
});
