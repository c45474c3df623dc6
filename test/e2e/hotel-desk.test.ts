import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { twoCouplesWithRooms } from '../helpers/hotel-guests.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { signInStaff } from '../helpers/staff-page.ts';

describe('the hotel desk in the outlet app: its guests, check-in, and the manager’s Hotels tab follows', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('rooms allocated for the cancelled flight → the desk sees its own guests only → check-in → the manager sees it checked in', async () => {
    const night = Object.values(env.hub.hub.current.roomBlocks!).find((b) => b.hotelId === 'aerogare-roissy')!.night;
    await twoCouplesWithRooms(env, 'kiosk-desk-e2e-01', night);

    const { token } = env.hub.outletTokens.issue('demo-2e-hotel-desk', 'M201');
    const desk = await (await chromium.browser.newContext({ locale: 'en-GB' })).newPage();
    await desk.goto(`${env.hub.url}/outlet/#token=${token}`);
    await desk.getByRole('heading', { name: 'Guests expected tonight at Hôtel Aérogare Roissy' }).waitFor();
    const guest = desk.getByTestId('desk-guest');
    await guest.first().waitFor();
    expect(await guest.count()).toBe(1);
    expect(await guest.textContent()).toContain('Chevalier');
    expect(await seriousViolations(desk)).toEqual([]);
    await guest.getByRole('button', { name: 'Checked in' }).click();
    await expect.poll(() => guest.getByTestId('desk-status').textContent()).toBe('Checked in');
    await desk.screenshot({ path: `${ARTIFACTS}/outlet-hotel-desk.png`, fullPage: true });

    const board = await (await chromium.browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    await signInStaff(board, env.hub.url, 'M201', '7319');
    await board.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Hotels' }).click();
    const row = board.getByTestId('hotel-row').filter({ hasText: 'Hôtel Aérogare Roissy' });
    await expect.poll(() => row.textContent()).toMatch(/checked in 1 double/);
    await desk.context().close();
    await board.context().close();
  });
});
