import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { StaffId, describeZodError } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import type { TokenSigner } from './tokens.ts';
import { checkStaffPin, type PinGuard } from './pin-check.ts';

export const Pin = z.string().regex(/^[0-9]{4,8}$/, 'a PIN is 4 to 8 digits');
const LoginBody = z.object({ staffId: StaffId, pin: Pin }).strict();

export function registerAuthRoutes(app: FastifyInstance, hub: Hub, store: HubStore, tokens: TokenSigner, guard: PinGuard): void {
  app.post('/api/login', async (req, reply) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const { staffId, pin } = body.data;
    const check = await checkStaffPin(hub, store, guard, staffId, pin, req.ip);
    if (!check.ok) return reply.code(check.status).send({ error: check.error });
    const session = tokens.issue(staffId, check.staff.role);
    return { ...session, staff: check.staff };
  });
}
