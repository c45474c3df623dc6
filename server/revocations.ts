import type { HubStore } from './hub-store.ts';
import type { Identity } from './hub.ts';
import { SESSION_HOURS } from './tokens.ts';
import { KIOSK_TOKEN_DAYS } from './kiosk-tokens.ts';

const SESSION_MS = SESSION_HOURS * 3600_000;
const KIOSK_MS = KIOSK_TOKEN_DAYS * 24 * 3600_000;

/**
 * Tokens are stateless and signed, so a lost tablet or a stolen kiosk would stay signed in until
 * its token ran out. A duty manager revokes them: every token of that staff id (or kiosk device)
 * issued up to now stops working, kept in gatecare.json so a restart does not bring it back.
 */
export class Revocations {
  constructor(private readonly store: HubStore) {}

  private get lists(): { staff: Record<string, number>; kiosks: Record<string, number> } {
    this.store.data.revoked ??= { staff: {}, kiosks: {} };
    return this.store.data.revoked;
  }

  /** Whether a staff session token expiring at `exp` was issued at or before a revocation. */
  staffRevoked(staffId: string, exp: number): boolean {
    const at = this.store.data.revoked?.staff[staffId];
    return at !== undefined && exp - SESSION_MS <= at;
  }

  kioskRevoked(device: string, exp: number): boolean {
    const at = this.store.data.revoked?.kiosks[device];
    return at !== undefined && exp - KIOSK_MS <= at;
  }

  /** Whether the token a device connected with (expiring at `exp`) has been revoked since. */
  identityRevoked(who: Identity, exp: number): boolean {
    if (who.kind === 'staff') return this.staffRevoked(who.id, exp);
    if (who.kind === 'kiosk') return this.kioskRevoked(who.device, exp);
    return false;
  }

  async revokeStaff(staffId: string, now: number): Promise<void> {
    this.lists.staff[staffId] = now;
    await this.store.saveMeta();
  }

  async revokeKiosk(device: string, now: number): Promise<void> {
    this.lists.kiosks[device] = now;
    await this.store.saveMeta();
  }
}
