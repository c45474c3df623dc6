import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { openKiosk, scan } from '../helpers/kiosk-page.ts';
import { bcbp, julianFor } from '../helpers/bcbp.ts';
import { signInStaff } from '../helpers/staff-page.ts';
import { waitFor } from '../helpers/socket-clients.ts';

const LIST = [
  'surname,givenName,bookingRef,cabin,seat,sequence,ssr',
  'Moreau,Anne,XK4P2Q,Y,23A,42,',
  'Lefebvre,Paul,K7QX2A,J,2C,7,',
  'Garcia,Lucia,K7QX2B,Y,31F,88,',
].join('\n');

describe('a whole flight in one tap: manager list → confirmation with count and total → a kiosk scan of a listed pass shows the voucher', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('the duty manager issues AF1634 meals after seeing count and total; the passenger scans the pass and the ticket shows the meal voucher', async () => {
    const managerCtx = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const manager = await managerCtx.newPage();
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    await signInStaff(manager, env.hub.url, 'M201', '7319');
    await manager.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Flights' }).click();
    const af1634 = Object.values(env.hub.hub.current.flights).find((f) => f.number === 'AF1634')!;
    const lists = manager.getByTestId('passenger-import');
    await lists.getByLabel('Flight').selectOption(af1634.id);
    await lists
      .getByLabel('Passenger list file (CSV or JSON)')
      .setInputFiles({ name: 'af1634.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST) });
    await lists.getByRole('button', { name: 'List 3 passengers on AF1634' }).click();
    await waitFor(() => env.hub.hub.current.passengerLists?.[af1634.id], 'the list on the hub');

    const care = manager.getByTestId('flight-care');
    // The tablet learns the list from the hub before it can offer the flight.
    await expect.poll(() => care.getByLabel('Flight with a passenger list').locator('option').count()).toBe(2);
    await care.getByLabel('Flight with a passenger list').selectOption(af1634.id);
    await expect.poll(() => care.getByTestId('flight-care-plan').textContent()).toContain('3 meal vouchers to 3 passengers, €45.00');
    await care.getByRole('button', { name: 'Issue meal vouchers…' }).click();
    expect(await care.getByTestId('flight-care-confirm').textContent()).toBe('Issue 3 meal vouchers to 3 passengers on AF1634, €45.00 in all?');
    await manager.screenshot({ path: `${ARTIFACTS}/manager-flight-care-confirm.png`, fullPage: true });
    await care.getByRole('button', { name: 'Confirm: issue 3 vouchers (€45.00)' }).click();
    await expect.poll(() => care.getByTestId('flight-care-status').textContent()).toContain('issued.');
    expect(Object.values(env.hub.hub.current.vouchers).filter((v) => v.bound?.flightId === af1634.id)).toHaveLength(3);
    // Nothing left to give: the same flight offers no second issue.
    await expect.poll(() => care.textContent()).toContain('already holds the meal vouchers owed now');

    const pass = bcbp('MOREAU/ANNE', [{ flight: '1634', julian: julianFor(af1634.scheduledDeparture), sequence: '0042' }]);
    await scan(kiosk, pass);
    await expect.poll(() => kiosk.getByTestId('identified').textContent()).toContain('MOREAU');
    await kiosk.getByLabel('Food').check();
    await kiosk.getByRole('button', { name: 'Send my request' }).click();
    await kiosk.getByTestId('ticket-number').waitFor();
    const voucher = kiosk.getByTestId('kiosk-voucher').first();
    await voucher.getByTestId('voucher-code').waitFor();
    expect(await voucher.textContent()).toContain('€15.00');
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-flight-voucher.png`, fullPage: true });
    await kiosk.context().close();
    await managerCtx.close();
  });
});
