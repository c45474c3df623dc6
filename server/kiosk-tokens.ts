import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { GateId, StaffId } from '../core/index.ts';
import { SignedTokens } from './signed-token.ts';
import { wallClock, type Clock } from './clock.ts';

/** A kiosk stays enrolled for a year; a duty manager re-enrols it after that (or after moving it). */
export const KIOSK_TOKEN_DAYS = 365;

export const KioskDeviceId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'a device id is 8 to 64 letters, digits or dashes');

const KioskClaims = z.object({ kind: z.literal('kiosk'), device: KioskDeviceId, gate: GateId, by: StaffId, exp: z.number() }).strict();
export type KioskClaims = z.infer<typeof KioskClaims>;

/**
 * Device tokens for enrolled kiosks. Signed with a key derived from the hub secret but
 * distinct from the staff-session key, so neither kind of token can stand in for the other.
 */
export class KioskTokenSigner {
  private readonly tokens: SignedTokens<KioskClaims>;

  constructor(
    secret: string,
    private readonly clock: Clock = wallClock,
    /** Revoked by a duty manager (server/revocations.ts): checked on every verification. */
    private readonly revoked: (device: string, exp: number) => boolean = () => false,
  ) {
    this.tokens = new SignedTokens(createHmac('sha256', secret).update('gatecare kiosk device tokens').digest(), KioskClaims);
  }

  issue(device: string, gate: string, by: string, now = this.clock()): { token: string; expiresAt: string } {
    return this.tokens.issue({ kind: 'kiosk', device, gate, by, exp: now + KIOSK_TOKEN_DAYS * 24 * 3600 * 1000 });
  }

  verify(token: unknown, now = this.clock()): KioskClaims | null {
    const claims = this.tokens.verify(token, now);
    return claims && !this.revoked(claims.device, claims.exp) ? claims : null;
  }
}
