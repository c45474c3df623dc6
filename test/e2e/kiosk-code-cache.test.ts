import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { enrollKioskPage } from '../helpers/enroll.ts';

interface TraceEvent {
  name: string;
  args?: { data?: { url?: string; consumedCacheSize?: number; cacheRejected?: boolean } };
}

/**
 * A kiosk restarts from its service worker's cache. Its entry script is a classic script
 * (client/classic-entry-plugin.ts) so that chromium runs it from the code cache it made when the
 * worker precached it, instead of parsing and compiling it again on a slow CPU at every start.
 */
describe('kiosk cold start from the service worker', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('runs the kiosk from the code cache of the precache, offline, and still loads a language on demand', async () => {
    const first = await chromium.newPage();
    await enrollKioskPage(first, env.hub.url, 'K32');
    await expect.poll(() => first.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');
    await first.close();
    const context = first.context();
    // As a kiosk restarting with the hub out of reach: everything comes from the worker's cache.
    await context.setOffline(true);

    const page = await context.newPage();
    await chromium.browser.startTracing(page, { categories: ['v8'] });
    await page.goto(`${env.hub.url}/kiosk/?gate=K32`);
    await page.getByRole('heading', { name: 'Flight delayed or cancelled? We can help.' }).waitFor();
    const trace = JSON.parse((await chromium.browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };

    const compiles = trace.traceEvents
      .filter((e) => /^v8\.compile(Module)?$/.test(e.name) && /\/kiosk\/assets\/index-[^/]+\.js$/.test(e.args?.data?.url ?? ''))
      .map((e) => ({ name: e.name, fromCodeCache: (e.args?.data?.consumedCacheSize ?? 0) > 0, rejected: e.args?.data?.cacheRejected ?? false }));
    expect(compiles).toEqual([{ name: 'v8.compile', fromCodeCache: true, rejected: false }]);

    // The catalogs are chunks of their own, imported by the classic entry script when chosen.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('heading', { name: 'Vol retardé ou annulé ? Nous pouvons vous aider.' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });

  it("draws its first screen before asking the hub for the airport's nodes, and still learns them", async () => {
    const first = await chromium.newPage();
    await enrollKioskPage(first, env.hub.url, 'K32');
    await first.close();
    const page = await first.context().newPage();
    // Notes, in the page, whether the kiosk's screen was already there each time the nodes were asked for.
    await page.addInitScript(() => {
      const asked: boolean[] = [];
      Object.assign(window, { hubsAsked: asked });
      const send = window.fetch.bind(window);
      window.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (new URL(url, location.href).pathname === '/api/hubs') asked.push(document.querySelector('main') !== null);
        return send(input, init);
      };
    });
    await page.goto(`${env.hub.url}/kiosk/?gate=K32`);
    await page.getByRole('heading', { name: 'Flight delayed or cancelled? We can help.' }).waitFor();
    const asked = () => page.evaluate(() => (window as unknown as { hubsAsked: boolean[] }).hubsAsked);
    await expect.poll(asked).not.toEqual([]);
    expect(await asked()).not.toContain(false);
    // What the hub answered is kept, for when this node is gone.
    const answer = (await (await fetch(`${env.hub.url}/api/hubs`)).json()) as { urls: string[] };
    await expect.poll(() => page.evaluate(() => localStorage.getItem('gatecare.hubs'))).toBe(JSON.stringify(answer.urls));
  });
});
