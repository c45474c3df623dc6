import { z } from 'zod';
import { GateId, StaffId } from '../core/index.ts';
import { derivedKey, TokenKind } from './signed-token.ts';
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
export class KioskTokenSigner extends TokenKind<KioskClaims> {
  constructor(secret: string, clock: Clock = wallClock, revoked: (device: string, exp: number) => boolean = () => false) {
    super(derivedKey(secret, 'gatecare kiosk device tokens'), KioskClaims, KIOSK_TOKEN_DAYS * 24 * 3600 * 1000, clock, (c) =>
      revoked(c.device, c.exp),
    );
  }

  issue(device: string, gate: string, by: string, now = this.clock()): { token: string; expiresAt: string } {
    return this.sign({ kind: 'kiosk', device, gate, by, exp: this.expiryFrom(now) });
  }
}
