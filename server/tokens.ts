import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Role, StaffId } from '../core/index.ts';

export const SESSION_HOURS = 12;

const Claims = z.object({ sub: StaffId, role: Role, exp: z.number() });
export type Claims = z.infer<typeof Claims>;

/** Stateless signed session tokens, so a restarted hub still knows its staff. */
export class TokenSigner {
  constructor(
    private readonly secret: string,
    private readonly clock: () => number = Date.now,
    /** Revoked by a duty manager (server/revocations.ts): checked on every verification. */
    private readonly revoked: (sub: string, exp: number) => boolean = () => false,
  ) {}

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  issue(sub: string, role: Role, now = this.clock()): { token: string; expiresAt: string } {
    const exp = now + SESSION_HOURS * 3600 * 1000;
    const body = Buffer.from(JSON.stringify({ sub, role, exp })).toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(exp).toISOString() };
  }

  verify(token: unknown, now = this.clock()): Claims | null {
    if (typeof token !== 'string' || token.length > 1000) return null;
    const [body, sig] = token.split('.');
    if (!body || !sig) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = Claims.parse(JSON.parse(Buffer.from(body, 'base64url').toString()));
      return claims.exp > now && !this.revoked(claims.sub, claims.exp) ? claims : null;
    } catch {
      return null;
    }
  }
}
