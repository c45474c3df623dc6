import { describe, expect, it } from 'vitest';
import { PUTS_PER_TASK } from '../../client/sync-db.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { KIOSK, createRequest, op } from '../helpers/ops.ts';

/**
 * The tablet saves what changed to IndexedDB a slice of puts per task, so a push never waits behind a
 * whole save of a surge's requests; the save is still one transaction and holds every request.
 */
describe('staff tablet saves in slices — in chromium', () => {
  const env = useTestHub();
  const chromium = useBrowser();
  const OPEN = 20;
  const SURGE = 60;

  it(`a save of ${SURGE} new requests leaves the page between slices, and every request is stored`, async () => {
    const ids: string[] = [];
    const kioskAsk = async (i: number): Promise<void> => {
      const body = createRequest({ surname: `Traveller${i}`, needs: ['water'], party: { adults: 1, children: 0, infants: 0 } });
      if (body.type === 'request.create') ids.push(body.payload.requestId);
      expect(await env.hub.hub.submit(op(KIOSK, body), { kind: 'system' })).toMatchObject({ ok: true });
    };
    for (let i = 0; i < OPEN; i++) await kioskAsk(i);
    const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
    // Counts the puts each task issues: the first put after the page last yielded posts a message, which
    // runs once the page yields again (before any IndexedDB answer, which comes back from another process).
    await page.addInitScript(() => {
      const seen = { bursts: [] as number[], current: 0, open: false };
      (window as unknown as { __puts: typeof seen }).__puts = seen;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        seen.bursts.push(seen.current);
        seen.current = 0;
        seen.open = false;
      };
      for (const method of ['put', 'clear'] as const) {
        const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
          if (this.name === 'requests' || this.name === 'vouchers' || this.name === 'confirmed') {
            seen.current++;
            if (!seen.open) {
              seen.open = true;
              channel.port2.postMessage(null);
            }
          }
          return original.apply(this, args);
        } as never;
      }
    });
    await signInStaff(page, env.hub.url, 'A101', '2468', ['K32']);
    await page.getByRole('heading', { name: `Open requests (${OPEN})` }).waitFor();

    // The first save after the snapshot writes the whole state in one go.
    const stored = () =>
      page.evaluate(async () => {
        const names = (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('gatecare-sync:'));
        const keys: string[] = [];
        for (const name of names) {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const req = indexedDB.open(name!);
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          if (db.objectStoreNames.contains('requests'))
            keys.push(
              ...(await new Promise<string[]>((resolve, reject) => {
                const req = db.transaction('requests').objectStore('requests').getAllKeys();
                req.onsuccess = () => resolve(req.result as string[]);
                req.onerror = () => reject(req.error);
              })),
            );
          db.close();
        }
        return keys.sort();
      });
    await expect.poll(stored, { timeout: 20_000 }).toEqual([...ids].sort());
    const puts = () => page.evaluate(() => (window as unknown as { __puts: { bursts: number[]; current: number } }).__puts);
    const before = (await puts()).bursts.length;

    // A surge: the saves after it write only what changed, at least one of them many requests.
    await Promise.all(Array.from({ length: SURGE }, (_, i) => kioskAsk(OPEN + i)));
    await page.getByRole('heading', { name: `Open requests (${OPEN + SURGE})` }).waitFor();
    await expect.poll(stored, { timeout: 20_000 }).toEqual([...ids].sort());
    const bursts = (await puts()).bursts.slice(before);
    expect(bursts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(SURGE);
    expect(Math.max(...bursts)).toBeLessThanOrEqual(PUTS_PER_TASK);
  });
});
