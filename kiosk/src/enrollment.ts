import { deviceId } from '../../client/device-id.ts';
import { storedToken } from '../../client/stored-token.ts';
import { postToHubs } from '../../client/post-to-hubs.ts';

/** What an enrolled kiosk keeps: its device token, device id and gate, all from the hub. */
export interface KioskEnrollment {
  token: string;
  device: string;
  gate: string;
  expiresAt: string;
}

const kept = storedToken<KioskEnrollment>('gatecare.kiosk.enrollment');
export const loadEnrollment = kept.load;
export const saveEnrollment = kept.save;

/** The gate named in the set-up link (…/kiosk/?gate=K32), to pre-fill the set-up form. */
export function gateFromUrl(): string {
  return (new URLSearchParams(location.search).get('gate') ?? '').toUpperCase().slice(0, 6);
}

/** Asks the hub for a device token; the duty manager's id and PIN are sent once and never stored. */
export async function enroll(gate: string, staffId: string, pin: string): Promise<KioskEnrollment> {
  // Throws "cannot be reached" only when no node of the airport answers.
  const res = await postToHubs('/api/kiosks/enroll', { gate: gate.trim(), device: deviceId('kiosk'), staffId: staffId.trim(), pin: pin.trim() });
  const body = (await res.json().catch(() => ({}))) as Partial<KioskEnrollment> & { error?: string };
  if (!res.ok || !body.token || !body.device || !body.gate || !body.expiresAt) {
    throw new Error(body.error ?? `enrolment failed (${res.status})`);
  }
  return { token: body.token, device: body.device, gate: body.gate, expiresAt: body.expiresAt };
}
