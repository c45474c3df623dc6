import type { Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { postJson } from './rest.ts';

/** The demo duty manager, who enrols kiosks in tests as at a real gate. */
export const DUTY_MANAGER = { id: 'M201', pin: '7319' };

export interface Enrollment {
  token: string;
  device: string;
  gate: string;
  /** The socket.io `auth` an enrolled kiosk connects with. */
  auth: { kiosk: { token: string } };
}

/** Enrols a kiosk over the REST API, as the set-up screen does: for socket-level tests. */
export async function enrollKiosk(url: string, gate = 'K32', device = `kiosk-${uuidv7()}`): Promise<Enrollment> {
  const res = await postJson(url, '/api/kiosks/enroll', { gate, device, staffId: DUTY_MANAGER.id, pin: DUTY_MANAGER.pin });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(`kiosk enrolment failed (${res.status}): ${body.error}`);
  return { token: body.token, device, gate, auth: { kiosk: { token: body.token } } };
}

/**
 * Opens the kiosk app in `page` and enrols it at `gate` through its set-up screen, as a duty
 * manager would; resolves once the kiosk has left the set-up screen. One call per fresh context.
 */
export async function enrollKioskPage(page: Page, url: string, gate = 'K32'): Promise<void> {
  await page.goto(`${url}/kiosk/?gate=${encodeURIComponent(gate)}`);
  const setup = page.getByTestId('kiosk-setup');
  await setup.waitFor();
  await setup.getByLabel('Gate of this kiosk').fill(gate);
  await setup.getByLabel('Duty manager id').fill(DUTY_MANAGER.id);
  await setup.getByLabel('Duty manager PIN').fill(DUTY_MANAGER.pin);
  await setup.getByRole('button', { name: 'Enrol this kiosk' }).click();
  await setup.waitFor({ state: 'detached' });
}

export interface OutletFields {
  outletId: string;
  name: string;
  kind: string;
  accepts: string[];
  /** A hotel desk names its hotel. */
  hotelId?: string;
}

/** The café the outlet tests enrol unless they need another. */
export const CAFE_2E: OutletFields = { outletId: 'outlet-cafe-2e-001', name: 'Café 2E', kind: 'cafe', accepts: ['meal'] };

/** Enrols an outlet over the REST API as the demo duty manager, as its set-up screen does; its device token. */
export async function enrollOutlet(url: string, outlet: OutletFields = CAFE_2E): Promise<string> {
  const res = await postJson(url, '/api/outlets/enroll', { ...outlet, staffId: DUTY_MANAGER.id, pin: DUTY_MANAGER.pin });
  const body = (await res.json()) as { token?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(`outlet enrolment failed (${res.status}): ${body.error}`);
  return body.token;
}
