import { z } from 'zod';
import { Role, StaffId } from '../core/index.ts';
import { TokenKind } from './signed-token.ts';
import { wallClock, type Clock } from './clock.ts';

export const SESSION_HOURS = 12;

const Claims = z.object({ sub: StaffId, role: Role, exp: z.number() });
export type Claims = z.infer<typeof Claims>;

/** Stateless signed session tokens, so a restarted hub still knows its staff. */
export class TokenSigner extends TokenKind<Claims> {
  constructor(secret: string, clock: Clock = wallClock, revoked: (sub: string, exp: number) => boolean = () => false) {
    super(secret, Claims, SESSION_HOURS * 3600 * 1000, clock, (c) => revoked(c.sub, c.exp));
  }

  issue(sub: string, role: Role, now = this.clock()): { token: string; expiresAt: string } {
    return this.sign({ sub, role, exp: this.expiryFrom(now) });
  }
}
