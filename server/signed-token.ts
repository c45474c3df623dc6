import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/** Longer than any token the hub issues: anything bigger is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 1000;

/**
 * `base64url(JSON claims).base64url(HMAC-SHA256)`: the one format of the hub's stateless tokens
 * (staff sessions, kiosk devices). Each kind signs with its own key, so one cannot stand in for another.
 */
export class SignedTokens<C extends { exp: number }> {
  constructor(
    private readonly key: string | Buffer,
    private readonly claims: z.ZodType<C>,
  ) {}

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  issue(claims: C): { token: string; expiresAt: string } {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(claims.exp).toISOString() };
  }

  /** The claims of a token this key signed that has not expired at `now`; null for anything else. */
  verify(token: unknown, now: number): C | null {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
    const [body, sig, extra] = token.split('.');
    if (!body || !sig || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = this.claims.parse(JSON.parse(Buffer.from(body, 'base64url').toString()));
      return claims.exp > now ? claims : null;
    } catch {
      return null;
    }
  }
}
