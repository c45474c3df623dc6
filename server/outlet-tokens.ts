import { z } from 'zod';
import { OutletId, StaffId } from '../core/index.ts';
import { derivedKey, TokenKind } from './signed-token.ts';
import { wallClock, type Clock } from './clock.ts';

/** An outlet stays enrolled for a year, like a kiosk. */
export const OUTLET_TOKEN_DAYS = 365;

const OutletClaims = z.object({ kind: z.literal('outlet'), outlet: OutletId, by: StaffId, exp: z.number() }).strict();
export type OutletClaims = z.infer<typeof OutletClaims>;

/**
 * Device tokens of enrolled outlets (a café, a hotel desk...). Their own key, derived from the hub
 * secret, so an outlet token is never a staff session or a kiosk token, nor the other way round.
 * Revocation is by outlet and issue time, checked by the routes (`issuedAt`).
 */
export class OutletTokenSigner extends TokenKind<OutletClaims> {
  constructor(secret: string, clock: Clock = wallClock) {
    super(derivedKey(secret, 'gatecare outlet device tokens'), OutletClaims, OUTLET_TOKEN_DAYS * 24 * 3600 * 1000, clock);
  }

  issue(outlet: string, by: string, now = this.clock()): { token: string; expiresAt: string } {
    return this.sign({ kind: 'outlet', outlet, by, exp: this.expiryFrom(now) });
  }
}
