import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { askByPass, openKiosk } from '../helpers/kiosk-page.ts';
import { passFor } from '../helpers/bcbp.ts';
import { flightNumbered } from '../helpers/demo-state.ts';
import { csvFile, openManagerFlights } from '../helpers/staff-page.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { passengerListCsv } from '../helpers/passenger-list-csv.ts';
import { openOutlet, takeAtOutlet } from '../helpers/outlet-page.ts';

const LIST = passengerListCsv('Moreau,Anne,XK4P2Q,Y,23A,42,', 'Lefebvre,Paul,K7QX2A,J,2C,7,', 'Garcia,Lucia,K7QX2B,Y,31F,88,');

describe('a whole flight in one tap: manager list → confirmation with count and total → a kiosk scan of a listed pass shows the voucher → the café takes part by the same pass', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('the duty manager issues AF1634 meals after seeing count and total; the passenger scans the pass and the ticket shows the meal voucher; the café takes part by the same pass and the ticket shows the rest', async () => {
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    const manager = await openManagerFlights(chromium.browser, env.hub.url);
    const af1634 = flightNumbered(env.hub.hub.current, 'AF1634');
    const lists = manager.getByTestId('passenger-import');
    await lists.getByLabel('Flight').selectOption(af1634.id);
    await lists.getByLabel('Passenger list file (CSV or JSON)').setInputFiles(csvFile(LIST, 'af1634.csv'));
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

    await askByPass(kiosk, passFor(af1634, 'MOREAU/ANNE', { sequence: '0042' }), 'MOREAU');
    const voucher = kiosk.getByTestId('kiosk-voucher').first();
    await voucher.getByTestId('voucher-code').waitFor();
    expect(await voucher.textContent()).toContain('€15.00');
    await kiosk.screenshot({ path: `${ARTIFACTS}/kiosk-flight-voucher.png`, fullPage: true });

    // The café's scanner reads the same boarding pass: no paper voucher, the pass is the voucher.
    const cafe = await openOutlet(chromium.browser, env.hub.url, { name: 'Café Hall K' });
    const taken = await takeAtOutlet(cafe, passFor(af1634, 'MOREAU/ANNE', { sequence: '0042' }), '6');
    expect(taken.voucherText).toContain('Surname starting with M');
    expect(taken.left).toBe('€9.00');
    // The passenger's ticket, still open at the kiosk, shows what is left.
    await expect.poll(() => voucher.getByTestId('voucher-remaining').textContent()).toBe('€9.00 left to spend');
    await cafe.context().close();
    await kiosk.context().close();
    await manager.context().close();
  });
});
