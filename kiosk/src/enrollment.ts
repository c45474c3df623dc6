import { deviceId } from '../../client/device-id.ts';
import { postToHubs } from '../../client/post-to-hubs.ts';

/** What an enrolled kiosk keeps: its device token, device id and gate, all from the hub. */
export interface KioskEnrollment {
  token: string;
  device: string;
  gate: string;
  expiresAt: string;
}

const KEY = 'gatecare.kiosk.enrollment';

export function loadEnrollment(): KioskEnrollment | null {
  try {
    const e = JSON.parse(localStorage.getItem(KEY) ?? 'null') as KioskEnrollment | null;
    return e && typeof e.token === 'string' && Date.parse(e.expiresAt) > Date.now() ? e : null;
  } catch {
    return null;
  }
}

export function saveEnrollment(e: KioskEnrollment | null): void {
  if (e) localStorage.setItem(KEY, JSON.stringify(e));
  else localStorage.removeItem(KEY);
}

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
