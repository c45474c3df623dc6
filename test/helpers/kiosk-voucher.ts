import type { Browser, Locator, Page } from 'playwright-core';
import type { CareRequest } from '../../core/index.ts';
import type { HubFixture } from './hub-fixture.ts';
import { askByPass, openKiosk } from './kiosk-page.ts';
import { passFor } from './bcbp.ts';
import { flightNumbered } from './demo-state.ts';
import { waitFor } from './socket-clients.ts';
import { issueVoucher } from './issued-vouchers.ts';

/**
 * Where outlet journeys start in the browser: at the K32 kiosk a passenger scans their AF1634 pass
 * (`SURNAME/GIVEN`, check-in `sequence`) and asks for food, Amira issues a €15 meal voucher on the
 * request, and the kiosk ticket shows it with its code.
 */
export async function mealVoucherOnKiosk(
  browser: Browser,
  env: HubFixture,
  name: string,
  sequence: string,
): Promise<{ kiosk: Page; pass: string; request: CareRequest; voucherId: string; voucher: Locator }> {
  const kiosk = await openKiosk(browser, env.hub.url, 'K32');
  const pass = passFor(flightNumbered(env.hub.hub.current, 'AF1634'), name, { sequence });
  const surname = name.split('/')[0]!;
  await askByPass(kiosk, pass, surname);
  const request = await waitFor(() => Object.values(env.hub.hub.current.requests).find((r) => r.surname === surname), 'the request on the hub');
  const voucherId = await issueVoucher(await env.staff('A101'), request.id);
  const voucher = kiosk.getByTestId('kiosk-voucher').first();
  await voucher.getByTestId('voucher-code').waitFor();
  return { kiosk, pass, request, voucherId, voucher };
}
