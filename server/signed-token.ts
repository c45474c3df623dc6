import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { wallClock, type Clock } from './clock.ts';

/** Longer than any token the hub issues: anything bigger is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 1000;

/**
 * `base64url(JSON claims).base64url(HMAC-SHA256)`: the one format of the hub's stateless tokens
 * (staff sessions, kiosk and outlet devices). Each kind signs with its own key, so one cannot stand in for another.
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

/** A key of its own for one kind of token, derived from the hub secret and the kind's purpose. */
export function derivedKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(purpose).digest();
}

/**
 * One kind of the hub's tokens: its key, its claims, how long one lasts, the hub's clock, and what
 * revokes one (a duty manager's revocation, server/revocations.ts, checked on every verification).
 */
export class TokenKind<C extends { exp: number }> {
  private readonly tokens: SignedTokens<C>;

  constructor(
    key: string | Buffer,
    claims: z.ZodType<C>,
    private readonly lifetimeMs: number,
    protected readonly clock: Clock = wallClock,
    private readonly revoked: (claims: C) => boolean = () => false,
  ) {
    this.tokens = new SignedTokens(key, claims);
  }

  /** When a token issued at `now` expires. */
  protected expiryFrom(now: number): number {
    return now + this.lifetimeMs;
  }

  protected sign(claims: C): { token: string; expiresAt: string } {
    return this.tokens.issue(claims);
  }

  /** When a token was issued: its expiry less its lifetime (a revocation withdraws every token issued up to it). */
  issuedAt(claims: C): number {
    return claims.exp - this.lifetimeMs;
  }

  verify(token: unknown, now = this.clock()): C | null {
    const claims = this.tokens.verify(token, now);
    return claims && !this.revoked(claims) ? claims : null;
  }
}
