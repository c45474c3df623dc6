import { z } from 'zod';
import { Role, StaffId } from '../core/index.ts';
import { SignedTokens } from './signed-token.ts';
import { wallClock, type Clock } from './clock.ts';

export const SESSION_HOURS = 12;

const Claims = z.object({ sub: StaffId, role: Role, exp: z.number() });
export type Claims = z.infer<typeof Claims>;

/** Stateless signed session tokens, so a restarted hub still knows its staff. */
export class TokenSigner {
  private readonly tokens: SignedTokens<Claims>;

  constructor(
    secret: string,
    private readonly clock: Clock = wallClock,
    /** Revoked by a duty manager (server/revocations.ts): checked on every verification. */
    private readonly revoked: (sub: string, exp: number) => boolean = () => false,
  ) {
    this.tokens = new SignedTokens(secret, Claims);
  }

  issue(sub: string, role: Role, now = this.clock()): { token: string; expiresAt: string } {
    return this.tokens.issue({ sub, role, exp: now + SESSION_HOURS * 3600 * 1000 });
  }

  verify(token: unknown, now = this.clock()): Claims | null {
    const claims = this.tokens.verify(token, now);
    return claims && !this.revoked(claims.sub, claims.exp) ? claims : null;
  }
}
