import { describe, expect, it } from 'vitest';
import { removeDir, tempDataDir } from '../helpers/hub.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { DUTY_MANAGER } from '../helpers/enroll.ts';

describe('kiosk set-up in chromium: a duty manager enrols the screen once', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('opening the URL is not enough; a duty manager enrols it; a hub that no longer knows it sends it back to set-up', async () => {
    const page = await (await chromium.browser.newContext()).newPage();
    await page.goto(`${env.hub.url}/kiosk/?gate=K32`);
    const setup = page.getByTestId('kiosk-setup');
    await setup.waitFor();
    expect(await setup.getByLabel('Gate of this kiosk').inputValue()).toBe('K32');

    await setup.getByLabel('Duty manager id').fill('A101');
    await setup.getByLabel('Duty manager PIN').fill('2468');
    await setup.getByRole('button', { name: 'Enrol this kiosk' }).click();
    await expect.poll(() => setup.getByRole('alert').textContent()).toBe("only a duty manager's id and PIN can do this: these are not");

    await setup.getByLabel('Duty manager id').fill(DUTY_MANAGER.id);
    await setup.getByLabel('Duty manager PIN').fill('1111');
    await setup.getByRole('button', { name: 'Enrol this kiosk' }).click();
    await expect.poll(() => setup.getByRole('alert').textContent()).toBe("only a duty manager's id and PIN can do this: these are not");

    await setup.getByLabel('Duty manager PIN').fill(DUTY_MANAGER.pin);
    await setup.getByRole('button', { name: 'Enrol this kiosk' }).click();
    await setup.waitFor({ state: 'detached' });
    const stored = await page.evaluate(() => localStorage.getItem('gatecare.kiosk.enrollment'));
    expect(stored).not.toContain(DUTY_MANAGER.pin);
    expect(JSON.parse(stored!)).toMatchObject({ gate: 'K32', token: expect.any(String) });

    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await setup.count()).toBe(0);

    // A new hub (fresh data, new secret) does not know this kiosk: it returns to set-up and says why.
    await env.stop();
    const fresh = await tempDataDir();
    await env.start({ samePort: true, dataDir: fresh });
    await setup.waitFor({ timeout: 20_000 });
    expect(await setup.getByRole('status').textContent()).toMatch(/not enrolled/);
    await env.stop();
    await removeDir(fresh);
    await env.start({ samePort: true });
  });
});
