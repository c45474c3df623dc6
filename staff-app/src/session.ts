import type { StaffMember } from '../../core/index.ts';
import { storedToken } from '../../client/stored-token.ts';
import { postToHubs } from '../../client/post-to-hubs.ts';

export interface Session {
  token: string;
  expiresAt: string;
  staff: StaffMember;
  /** The gates picked after sign-in; absent until the agent has chosen. */
  gates?: string[];
}

/** The signed-in agent, kept across reloads until the token expires. */
const kept = storedToken<Session>('gatecare.staff.session');
export const loadSession = kept.load;
export const saveSession = kept.save;

export async function login(staffId: string, pin: string): Promise<Session> {
  // Throws "cannot be reached" only when no node of the airport answers.
  const res = await postToHubs('/api/login', { staffId: staffId.trim().toUpperCase(), pin: pin.trim() });
  const body = (await res.json().catch(() => ({}))) as Partial<Session> & { error?: string };
  if (!res.ok || !body.token) throw new Error(body.error ?? `sign-in failed (${res.status})`);
  return { token: body.token, expiresAt: body.expiresAt!, staff: body.staff! };
}
