import { describe, expect, it } from 'vitest';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { useBrowser } from '../helpers/browser-fixture.ts';
import { ARTIFACTS } from '../helpers/browser.ts';
import { askByPass, openKiosk } from '../helpers/kiosk-page.ts';
import { passFor } from '../helpers/bcbp.ts';
import { flightNumbered } from '../helpers/demo-state.ts';
import { csvFile, openManagerFlights, signInStaff } from '../helpers/staff-page.ts';
import { waitFor } from '../helpers/socket-clients.ts';
import { passengerListCsv } from '../helpers/passenger-list-csv.ts';

const LIST = passengerListCsv(
  'Moreau,Anne,XK4P2Q,Y,23A,42,',
  'Lefebvre,Paul,K7QX2A,J,2C,7,WCHR',
  'Garcia,Lucia,K7QX2B,Y,31F,88,UMNR',
  'Rossi,Marco,ABC123,Y,14B,12,WCHC INFT',
);

describe('passenger lists: manager upload → staff see care owed before anyone asks → a scanned pass finds its passenger', () => {
  const env = useTestHub();
  const chromium = useBrowser();

  it('the duty manager sees bad lines, fixes the file, and the agent at the gate sees who needs care', async () => {
    const manager = await openManagerFlights(chromium.browser, env.hub.url);
    const panel = manager.getByTestId('passenger-import');
    const af1634 = flightNumbered(env.hub.hub.current, 'AF1634');
    await panel.getByLabel('Flight').selectOption(af1634.id);
    const file = panel.getByLabel('Passenger list file (CSV or JSON)');
    await file.setInputFiles(csvFile(`${LIST}\nDurand,,,Q,9A,5,`, 'af1634.csv'));
    await expect.poll(() => panel.getByTestId('passenger-import-errors').textContent()).toContain('Line 6: cabin');
    expect(await panel.getByRole('button', { name: /^List / }).count()).toBe(0);
    await file.setInputFiles(csvFile(LIST, 'af1634.csv'));
    await expect
      .poll(() => panel.getByTestId('passenger-import-summary').textContent())
      .toContain('4 passengers (2 wheelchair passengers, 1 unaccompanied minor, 1 infant)');
    await panel.getByRole('button', { name: 'List 4 passengers on AF1634' }).click();
    await panel.getByText('4 passengers listed on AF1634.').waitFor();
    await waitFor(() => env.hub.hub.current.passengerLists?.[af1634.id], 'the list on the hub');
    await manager.screenshot({ path: `${ARTIFACTS}/manager-passenger-list.png`, fullPage: true });

    const agentCtx = await chromium.browser.newContext({ viewport: { width: 1024, height: 900 } });
    const agent = await agentCtx.newPage();
    await signInStaff(agent, env.hub.url, 'A101', '2468', ['K32']);
    const care = agent.getByTestId('proactive-care');
    await expect.poll(() => care.textContent()).toContain('AF1634: 2 wheelchair passengers, 1 unaccompanied minor, 1 infant');
    expect(await care.textContent()).toContain('Lefebvre, Paul (seat 2C)');
    expect(await care.textContent()).toContain('Garcia, Lucia (seat 31F)');

    // The passenger in 2C scans their pass: the tablet's card knows cabin and special needs without asking.
    const kiosk = await openKiosk(chromium.browser, env.hub.url, 'K32');
    await askByPass(kiosk, passFor(af1634, 'LEFEBVRE/PAUL', { seat: '002C', sequence: '0007', compartment: 'J' }), 'LEFEBVRE', 'Water');
    const card = agent.getByTestId('request-card').filter({ hasText: 'LEFEBVRE' });
    await expect.poll(() => card.getByTestId('listed-passenger').textContent()).toBe('On the passenger list: Business · seat 2C · WCHR');
    await agent.screenshot({ path: `${ARTIFACTS}/staff-proactive-care.png`, fullPage: true });
    await Promise.all([manager.context().close(), agentCtx.close(), kiosk.context().close()]);
  });
});
