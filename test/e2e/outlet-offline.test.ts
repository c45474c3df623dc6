import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { Page } from 'playwright-core';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { signInManager } from '../helpers/staff-page.ts';
import { AMIRA, createRequest, KIOSK, op } from '../helpers/ops.ts';
import { openOutlet, scanAtOutlet } from '../helpers/outlet-page.ts';

/** The outlet's service worker holds the shell once active, so a reload offline still opens the counter (the reload is then controlled). */
async function workerActive(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 15_000 }).toBe('activated');
}

describe('offline outlets in chromium: limit set by the manager, two outlets offline, reconciled, conflict on the board', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('two outlets spend the same voucher offline; on reconnect both receipts are kept and the manager sees the conflict and resolves it', async () => {
    const kiosk = await env.kiosk('K32');
    const body = createRequest({ surname: 'Garnier' });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op(KIOSK, body))).toMatchObject({ ok: true });
    const agent = await env.staff('A101');
    const voucherId = uuidv7();
    expect(
      await agent.submit(op(AMIRA, { type: 'voucher.issue', payload: { voucherId, requestId, kind: 'meal', amountCents: 1500, currency: 'EUR' } })),
    ).toMatchObject({ ok: true });
    const code = env.hub.hub.current.vouchers[voucherId]!.code;

    const [nord, sud, est] = await Promise.all([
      openOutlet(chromium.browser, env.hub.url, { name: 'Café Nord' }),
      openOutlet(chromium.browser, env.hub.url, { name: 'Restaurant Sud', kind: 'Restaurant' }),
      // Left online only (the default): it may not spend offline at all.
      openOutlet(chromium.browser, env.hub.url, { name: 'Kiosque Est' }),
    ]);

    // The duty manager allows each of them every voucher once offline, up to its value.
    const manager = await chromium.newPage({ viewport: { width: 1280, height: 1000 } });
    await signInManager(manager, env.hub.url);
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Outlets' }).click();
    for (const name of ['Café Nord', 'Restaurant Sud']) {
      const row = manager.getByRole('row', { name });
      await row.getByRole('button', { name: 'Change…' }).click();
      await row.getByLabel('Each voucher once, up to its value').check();
      await row.getByRole('button', { name: 'Save offline limit' }).click();
      await expect.poll(() => row.getByTestId('outlet-offline-risk').textContent()).toContain('Offline: each voucher once, up to its value');
    }

    // Each outlet looks the voucher up while online (it learns its limit with the answer), then the network goes.
    for (const page of [nord, sud, est]) {
      await workerActive(page);
      await scanAtOutlet(page, code);
      await page.getByRole('button', { name: 'Take all (€15.00)' }).waitFor();
      await page.context().setOffline(true);
    }
    for (const page of [nord, sud]) {
      await page.getByRole('button', { name: 'Take all (€15.00)' }).click();
      await page.getByTestId('receipt-offline').waitFor();
      expect(await page.getByRole('heading', { name: 'Offline receipt — to be confirmed' }).count()).toBe(1);
      expect(await page.getByTestId('receipt-left').textContent()).toBe('€0.00');
    }
    await est.getByRole('button', { name: 'Take all (€15.00)' }).click();
    await expect
      .poll(() => est.getByTestId('outlet-voucher').getByRole('alert').textContent())
      .toBe(
        'Offline, so this counter decides alone, and cannot take it: this outlet may not take vouchers offline: a duty manager sets that on the Outlets tab.',
      );
    expect(await est.getByTestId('receipt').count()).toBe(0);
    expect(env.hub.hub.current.vouchers[voucherId]!.redemptions ?? []).toHaveLength(0);

    // A reload while offline: the shell from the service worker, the queue from IndexedDB.
    await nord.reload();
    await expect.poll(() => nord.getByTestId('offline-queued').textContent()).toBe('1 receipt taken offline is waiting to be sent to the hub.');
    // Offline, the same voucher scanned again is known to be spent here already.
    await scanAtOutlet(nord, code);
    await nord.getByTestId('offline-lookup').waitFor();
    expect(await nord.getByTestId('voucher-remaining').textContent()).toBe('€0.00 of €15.00');
    await nord.screenshot({ path: `${ARTIFACTS}/outlet-offline-queue.png`, fullPage: true });
    // A voucher this outlet never looked up online cannot be decided offline.
    await scanAtOutlet(nord, 'GC-ZZZZ-ZZZZ');
    await expect.poll(() => nord.getByRole('alert').first().textContent()).toBe('The hub cannot be reached: check the network and try again.');

    for (const page of [nord, sud]) await page.context().setOffline(false);
    for (const page of [nord, sud]) {
      await expect
        .poll(() => page.getByTestId('offline-queued').textContent(), { timeout: 15_000 })
        .toBe('Every receipt taken offline has been sent to the hub.');
    }
    const v = env.hub.hub.current.vouchers[voucherId]!;
    expect(v.redemptions!.map((r) => r.outletName).sort()).toEqual(['Café Nord', 'Restaurant Sud']);
    expect(v.redemptions!.every((r) => r.offline !== undefined)).toBe(true);
    // The second to arrive learns its value was spent elsewhere; neither receipt is dropped.
    const answers = await Promise.all([nord, sud].map((page) => page.getByTestId('offline-answer').textContent()));
    expect(answers.filter((a) => a!.includes('confirmed by the hub'))).toHaveLength(1);
    expect(answers.filter((a) => a!.includes('€15.00 of it had already been spent elsewhere'))).toHaveLength(1);

    // The manager's Outlets tab: the conflict with both receipts (outlet, time, amount, reference).
    const conflict = manager.getByTestId('redemption-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(`Voucher ${code}: €15.00 spent more than it held`);
    const receipts = await conflict.getByTestId('conflict-receipt').allTextContents();
    expect(receipts).toHaveLength(2);
    for (const r of v.redemptions!)
      expect(receipts.some((text) => text.includes(r.outletName) && text.includes(r.reference) && text.includes('€15.00'))).toBe(true);
    // And on the board.
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Board' }).click();
    await manager.getByTestId('redemption-conflict').waitFor();
    expect(await manager.getByRole('heading', { name: 'Vouchers spent twice offline (1 open)' }).count()).toBe(1);
    await manager.screenshot({ path: `${ARTIFACTS}/manager-offline-conflict.png`, fullPage: true });

    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Outlets' }).click();
    await manager.getByRole('button', { name: 'Mark resolved' }).click();
    expect(await manager.getByTestId('redemption-conflict').getByRole('alert').textContent()).toBe('Say how it was settled.');
    await manager.getByLabel('How it was settled').fill('Restaurant Sud paid back by the airline');
    await manager.getByRole('button', { name: 'Mark resolved' }).click();
    await expect.poll(() => manager.getByTestId('conflict-resolved').textContent()).toContain('by M201: Restaurant Sud paid back by the airline');
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Board' }).click();
    await manager.getByRole('heading', { name: 'Live board' }).first().waitFor();
    expect(await manager.getByTestId('redemption-conflict').count()).toBe(0);
    for (const page of [nord, sud, est, manager]) await page.context().close();
  });
});
