import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, cp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningHub } from '../../server/app.ts';
import { removeDir, startTestHub, tempDataDir } from '../helpers/hub.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { openKiosk } from '../helpers/kiosk-page.ts';
import { signInStaff } from '../helpers/staff-page.ts';

/**
 * A new version reaches devices that stay open for days: the kiosk applies it only once nobody
 * is using it, the tablet asks the agent. The hub serves its own copy of the built apps, so
 * publishing a version here (a changed service worker) touches no other test.
 */
describe('new app versions in chromium', () => {
  let dataDir: string;
  let distDir: string;
  let hub: RunningHub;

  beforeAll(async () => {
    dataDir = await tempDataDir();
    distDir = await tempDataDir();
    await cp(resolve('dist'), distDir, { recursive: true });
    hub = await startTestHub(dataDir, 0, { config: { distDir } });
  });
  afterAll(async () => {
    await hub?.close();
    await removeDir(dataDir);
    await removeDir(distDir);
  });
  const chromium = useBrowser();

  /** Any change to the worker script is a new version to the browser. */
  const publishNewVersion = (app: 'kiosk' | 'staff', n: number) => appendFile(join(distDir, app, 'sw.js'), `\n// release ${n}\n`);

  /** Served by the current worker: only then does a newer one wait instead of taking over at once. */
  async function controlledByWorker(page: Page): Promise<void> {
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
  }

  /** Asks the browser to look for a new worker now, as the apps do every ten minutes, and waits until it is installed. */
  async function newVersionWaiting(page: Page): Promise<void> {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.ready).update();
    });
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none'), { timeout: 15_000 })
      .toBe('installed');
  }

  const markPage = (page: Page) => page.evaluate(() => ((window as Window & { sameLoad?: boolean }).sameLoad = true));
  const samePageLoad = (page: Page) => page.evaluate(() => (window as Window & { sameLoad?: boolean }).sameLoad === true);

  it('the kiosk never reloads under a passenger; it takes the new version once the screen has cleared', async () => {
    const kiosk = await openKiosk(chromium.browser, hub.url, 'K32', { fakeClock: true });
    await controlledByWorker(kiosk);
    await kiosk.locator('.flights li').first().waitFor();

    await kiosk.getByLabel('Flight number').fill('AF1634');
    await kiosk.getByLabel('Surname').fill('Moreau');
    await markPage(kiosk);
    await publishNewVersion('kiosk', 1);
    await newVersionWaiting(kiosk);

    // Mid-entry: still the same page, with what the passenger typed.
    await kiosk.clock.fastForward(30_000);
    expect(await samePageLoad(kiosk)).toBe(true);
    expect(await kiosk.getByLabel('Surname').inputValue()).toBe('Moreau');

    // Left alone: the warning, then the cleared screen, and only then the new version.
    await kiosk.clock.fastForward(31_000);
    await kiosk.getByRole('button', { name: "I'm still here" }).waitFor();
    expect(await samePageLoad(kiosk)).toBe(true);
    await kiosk.clock.fastForward(11_000);
    await expect.poll(() => samePageLoad(kiosk).catch(() => false), { timeout: 15_000 }).toBe(false);
    await kiosk.locator('.flights li').first().waitFor();
    expect(await kiosk.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await kiosk.getByLabel('Surname').inputValue()).toBe('');
    await kiosk.context().close();
  });

  it('the staff tablet announces the new version and reloads only when the agent says so', async () => {
    const context = await chromium.browser.newContext({ viewport: { width: 1100, height: 800 } });
    const staff = await context.newPage();
    await signInStaff(staff, hub.url, 'A101', '2468');
    await controlledByWorker(staff);
    await staff.getByText('Open requests').waitFor();

    await markPage(staff);
    await publishNewVersion('staff', 1);
    await newVersionWaiting(staff);
    const banner = staff.getByRole('status').filter({ hasText: 'A new version of GateCare is ready' });
    await banner.waitFor();
    await staff.screenshot({ path: `${ARTIFACTS}/staff-update-banner.png` });
    expect(await samePageLoad(staff)).toBe(true);

    await banner.getByRole('button', { name: 'Reload now' }).click();
    await expect.poll(() => samePageLoad(staff).catch(() => false), { timeout: 15_000 }).toBe(false);
    // Still signed in after the reload, on the new version.
    await staff.getByText('Open requests').waitFor();
    expect(await staff.getByText('A new version of GateCare is ready').count()).toBe(0);
    await context.close();
  });
});
