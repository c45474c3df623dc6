import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { OutletId, StaffId } from '../core/index.ts';
import { SignedTokens } from './signed-token.ts';
import { wallClock, type Clock } from './clock.ts';

/** An outlet stays enrolled for a year, like a kiosk. */
export const OUTLET_TOKEN_DAYS = 365;

const OutletClaims = z.object({ kind: z.literal('outlet'), outlet: OutletId, by: StaffId, exp: z.number() }).strict();
export type OutletClaims = z.infer<typeof OutletClaims>;

/**
 * Device tokens of enrolled outlets (a café, a hotel desk...). Their own key, derived from the hub
 * secret, so an outlet token is never a staff session or a kiosk token, nor the other way round.
 */
export class OutletTokenSigner {
  private readonly tokens: SignedTokens<OutletClaims>;

  constructor(
    secret: string,
    private readonly clock: Clock = wallClock,
  ) {
    this.tokens = new SignedTokens(createHmac('sha256', secret).update('gatecare outlet device tokens').digest(), OutletClaims);
  }

  issue(outlet: string, by: string, now = this.clock()): { token: string; expiresAt: string } {
    return this.tokens.issue({ kind: 'outlet', outlet, by, exp: now + OUTLET_TOKEN_DAYS * 24 * 3600 * 1000 });
  }

  /** When a token was issued: its expiry less its lifetime (a revocation withdraws every token issued up to it). */
  issuedAt(claims: OutletClaims): number {
    return claims.exp - OUTLET_TOKEN_DAYS * 24 * 3600 * 1000;
  }

  verify(token: unknown, now = this.clock()): OutletClaims | null {
    return this.tokens.verify(token, now);
  }
}
