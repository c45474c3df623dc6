import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GateId, StaffId } from '../core/index.ts';

/** A kiosk stays enrolled for a year; a duty manager re-enrols it after that (or after moving it). */
export const KIOSK_TOKEN_DAYS = 365;

export const KioskDeviceId = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'a device id is 8 to 64 letters, digits or dashes');

const KioskClaims = z.object({ kind: z.literal('kiosk'), device: KioskDeviceId, gate: GateId, by: StaffId, exp: z.number() }).strict();
export type KioskClaims = z.infer<typeof KioskClaims>;

/**
 * Device tokens for enrolled kiosks. Signed with a key derived from the hub secret but
 * distinct from the staff-session key, so neither kind of token can stand in for the other.
 */
export class KioskTokenSigner {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly clock: () => number = Date.now,
    /** Revoked by a duty manager (server/revocations.ts): checked on every verification. */
    private readonly revoked: (device: string, exp: number) => boolean = () => false,
  ) {
    this.key = createHmac('sha256', secret).update('gatecare kiosk device tokens').digest();
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  issue(device: string, gate: string, by: string, now = this.clock()): { token: string; expiresAt: string } {
    const exp = now + KIOSK_TOKEN_DAYS * 24 * 3600 * 1000;
    const claims: KioskClaims = { kind: 'kiosk', device, gate, by, exp };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(exp).toISOString() };
  }

  verify(token: unknown, now = this.clock()): KioskClaims | null {
    if (typeof token !== 'string' || token.length > 1000) return null;
    const [body, sig, extra] = token.split('.');
    if (!body || !sig || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = KioskClaims.parse(JSON.parse(Buffer.from(body, 'base64url').toString()));
      return claims.exp > now && !this.revoked(claims.device, claims.exp) ? claims : null;
    } catch {
      return null;
    }
  }
}
