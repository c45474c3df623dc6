import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/** Counts, in the page's own thread only (init scripts do not run in workers), IndexedDB puts into the requests store. */
const COUNT_PAGE_PUTS = `(() => {
  window.__requestPutsInPage = 0;
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (this.name === 'requests') window.__requestPutsInPage++;
    return put.apply(this, args);
  };
})()`;

const DB = 'gatecare-sync:staff:A101';

/** Requests in the tablet's stored confirmed state (-1 before its database exists: opening it here would create it). */
const storedRequests = (page: Page): Promise<number> =>
  page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return -1;
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    const n = await new Promise<number>((ok, ko) => {
      const r = db.transaction('requests').objectStore('requests').count();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    db.close();
    return n;
  }, DB);

const putsInPage = (page: Page) => page.evaluate('window.__requestPutsInPage') as Promise<number>;

/**
 * The staff tablet writes its saves of the confirmed state from a worker (client/worker-confirmed-writer.ts):
 * one IndexedDB put per changed request held the page's thread for the whole save in a surge. What the tablet
 * held still survives a reload, and without the worker the page writes the saves itself.
 */
describe('staff tablet: saves of the confirmed state leave the page’s thread, and nothing is lost', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  async function kioskAsks(n: number, prefix: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      expect(await env.hub.hub.submit(op(KIOSK, createRequest({ surname: `${prefix}${i}` })), { kind: 'system' })).toMatchObject({ ok: true });
    }
  }
  const openAtA101 = () => Object.values(env.hub.hub.current.requests).filter((r) => r.status === 'received').length;
  const heading = (page: Page) => page.getByRole('heading', { name: /^Open requests/ }).textContent();

  it('pushes are saved by the worker, none by the page, and an offline reload shows every one', async () => {
    const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    await page.addInitScript(COUNT_PAGE_PUTS);
    await signInStaff(page, env.hub.url, 'A101', '2468');
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');

    await kioskAsks(30, 'Surge');
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(`Open requests (${openAtA101()})`);
    await expect.poll(() => storedRequests(page), { timeout: 15_000 }).toBe(openAtA101());
    expect(page.workers().some((w) => w.url().includes('confirmed-save-worker'))).toBe(true);
    expect(await putsInPage(page)).toBe(0);

    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(`Open requests (${openAtA101()})`);
    for (const surname of ['Surge0', 'Surge29']) expect(await page.getByText(surname, { exact: false }).count()).toBeGreaterThan(0);
  });

  it('a worker that cannot start: the page writes the saves itself and keeps every request', async () => {
    const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    // Its script cannot be loaded (as a build whose worker the cache lacks): the worker fails once started.
    await page.addInitScript(
      `window.Worker = class extends Worker { constructor(_url, options) { super('/staff/assets/no-such-worker.js', options); } }`,
    );
    await page.addInitScript(COUNT_PAGE_PUTS);
    await signInStaff(page, env.hub.url, 'A101', '2468');

    await kioskAsks(5, 'Late');
    await expect.poll(() => heading(page), { timeout: 15_000 }).toBe(`Open requests (${openAtA101()})`);
    await expect.poll(() => storedRequests(page), { timeout: 15_000 }).toBe(openAtA101());
    expect(await putsInPage(page)).toBeGreaterThan(0);
  });
});
