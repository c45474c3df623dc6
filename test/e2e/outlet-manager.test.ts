import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { openOutlet, scanAtOutlet } from '../helpers/outlet-page.ts';
import { requestWithMealVoucher } from '../helpers/issued-vouchers.ts';

describe('the duty manager and outlets: void a voucher from the card, revoke an outlet from the Outlets tab', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('voids a voucher with a reason on the tablet (the outlet is then refused), and revokes the outlet (its next scan says so)', async () => {
    const { voucherId, code } = await requestWithMealVoucher(env, 'Mercier');
    const cafe = await openOutlet(chromium.browser, env.hub.url, { name: 'Café Brioche' });

    // An agent's card offers no Void; the duty manager's does.
    const agentPage = await (await chromium.browser.newContext()).newPage();
    await signInStaff(agentPage, env.hub.url, 'A101', '2468');
    await agentPage.getByTestId('voucher').first().waitFor();
    expect(await agentPage.getByRole('button', { name: 'Void…' }).count()).toBe(0);
    await agentPage.context().close();

    const manager = await (await chromium.browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    await signInStaff(manager, env.hub.url, 'M201', '7319');
    const voucher = manager.getByTestId('voucher').filter({ hasText: code });
    await voucher.getByRole('button', { name: 'Void…' }).click();
    const form = manager.getByRole('form', { name: `Void voucher ${code}` });
    await form.getByLabel(`Why void ${code}?`).fill('no');
    expect(await form.getByRole('button', { name: 'Void voucher' }).isDisabled()).toBe(true);
    await form.getByLabel(`Why void ${code}?`).fill('reported stolen at the gate');
    expect(await seriousViolations(manager)).toEqual([]);
    await form.getByRole('button', { name: 'Void voucher' }).click();
    await expect.poll(() => voucher.getAttribute('data-status')).toBe('voided');
    expect(await voucher.textContent()).toContain('voided: reported stolen at the gate');
    expect(env.hub.hub.current.vouchers[voucherId]!.voided).toMatchObject({ by: 'M201', reason: 'reported stolen at the gate' });

    await scanAtOutlet(cafe, code);
    await expect.poll(() => cafe.getByTestId('voucher-refusal').textContent()).toMatch(/^Voided\./);

    // Outlets tab: the café is listed, then revoked at once.
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Outlets' }).click();
    const row = manager.getByRole('row', { name: 'Café Brioche' });
    await row.waitFor();
    expect(await row.textContent()).toContain('by Claire Dubois');
    expect(await seriousViolations(manager)).toEqual([]);
    await row.getByRole('button', { name: 'Revoke…' }).click();
    await row.getByRole('button', { name: 'Revoke Café Brioche now' }).click();
    await row.getByTestId('outlet-revoked').waitFor();
    expect(await row.getByTestId('outlet-revoked').textContent()).toMatch(/^Revoked .* by Claire Dubois$/);
    await manager.screenshot({ path: `${ARTIFACTS}/manager-outlets.png`, fullPage: true });

    await scanAtOutlet(cafe, code);
    await cafe.getByTestId('outlet-dropped').waitFor();
    expect(await cafe.getByTestId('outlet-dropped').textContent()).toBe(
      'This outlet can no longer take vouchers: Café Brioche was revoked by a duty manager: ask one to enrol it again. A duty manager can enrol it again below.',
    );
    await cafe.getByRole('heading', { name: 'Enrol this outlet' }).waitFor();
    await cafe.context().close();
    await manager.context().close();
  });
});
