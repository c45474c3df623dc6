import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { StaffId, describeZodError } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { Store } from './store.ts';
import type { TokenSigner } from './tokens.ts';
import { verifyPin } from './pins.ts';
import { LoginThrottle } from './login-throttle.ts';

const LoginBody = z.object({ staffId: StaffId, pin: z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits') }).strict();

export function registerAuthRoutes(app: FastifyInstance, hub: Hub, store: Store, tokens: TokenSigner): void {
  const throttle = new LoginThrottle();

  app.post('/api/login', async (req, reply) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const { staffId, pin } = body.data;
    const wait = throttle.waitMs(staffId);
    if (wait > 0) {
      return reply.code(429).send({ error: `too many wrong PINs for ${staffId}: try again in ${Math.ceil(wait / 1000)} s` });
    }
    const cred = store.data.credentials[staffId];
    const staff = hub.current.staff[staffId];
    if (!cred || !staff || !(await verifyPin(pin, cred))) {
      throttle.failed(staffId);
      return reply.code(401).send({ error: 'staff id or PIN is not right' });
    }
    throttle.succeeded(staffId);
    const session = tokens.issue(staffId, staff.role);
    return { ...session, staff };
  });
}
