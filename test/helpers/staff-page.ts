import type { Browser, Page } from 'playwright-core';

/** Signs in and starts the shift with the given gates, or all of theirs: the agent's choice after sign-in. */
async function startShift(page: Page, url: string, id: string, pin: string, gates?: string[]): Promise<void> {
  await page.goto(`${url}/staff/`);
  await page.getByLabel('Staff id').fill(id);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('which gates are you covering?').waitFor();
  if (gates) {
    for (const g of gates) await page.getByLabel(g, { exact: true }).check();
  } else {
    await page.getByRole('button', { name: 'All my gates' }).click();
  }
  await page.getByRole('button', { name: /^Start with/ }).click();
}

/**
 * Signs in on the staff tablet and picks gates as an agent does after sign-in:
 * the given gates, or all of theirs. Resolves once the queue is on screen.
 */
export async function signInStaff(page: Page, url: string, id: string, pin: string, gates?: string[]): Promise<void> {
  await startShift(page, url, id, pin, gates);
  // A duty manager lands on the live board: their queue is one tab away.
  const managerTabs = page.getByRole('navigation', { name: 'Duty manager' });
  await page.getByText('Open requests').or(managerTabs).first().waitFor();
  if (await managerTabs.isVisible()) await managerTabs.getByRole('link', { name: 'Requests' }).click();
  await page.getByText('Open requests').waitFor();
}

/** Signs the demo duty manager (M201) in with all their gates; resolves on the board, where they land, with the tabs on screen. */
export async function signInManager(page: Page, url: string): Promise<void> {
  await startShift(page, url, 'M201', '7319');
  await page.getByRole('navigation', { name: 'Duty manager' }).waitFor();
}

/** The demo duty manager on a wide tablet of their own (its own context), signed in and on the Flights tab. */
export async function openManagerFlights(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signInStaff(page, url, 'M201', '7319');
  await page.getByRole('navigation', { name: 'Duty manager' }).getByRole('link', { name: 'Flights' }).click();
  return page;
}

/** A CSV file as a file input receives it (`setInputFiles`). */
export function csvFile(text: string, name = 'list.csv'): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text) };
}

/**
 * How many refusals the device still keeps unread in IndexedDB, across its sync databases.
 * A dismissal is written asynchronously: a test that reloads right after "OK" waits for this first.
 */
export function storedRefusals(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let count = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('gatecare-sync:')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      if (db.objectStoreNames.contains('rejected')) {
        count += await new Promise<number>((resolve, reject) => {
          const req = db.transaction('rejected').objectStore('rejected').count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return count;
  });
}
