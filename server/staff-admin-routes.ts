import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import { z } from 'zod';
import { StaffId, describeZodError } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { TokenSigner } from './tokens.ts';
import type { PinGuard } from './pin-check.ts';
import type { Revocations } from './revocations.ts';
import { KioskDeviceId } from './kiosk-tokens.ts';
import { dutyManager } from './manager-routes.ts';
import { disconnectWhere } from './sockets.ts';
import type { Clock } from './clock.ts';

const RevokeBody = z.union([z.object({ staffId: StaffId }).strict(), z.object({ device: KioskDeviceId }).strict()]);

/**
 * What a duty manager does about people and devices at once: lift a colleague's PIN lock-out,
 * and revoke a lost tablet's sessions or a stolen kiosk's token (its sockets close immediately).
 */
export function registerStaffAdminRoutes(
  app: FastifyInstance,
  hub: Hub,
  tokens: TokenSigner,
  guard: PinGuard,
  revocations: Revocations,
  io: Server,
  now: Clock,
): void {
  app.post<{ Params: { id: string } }>('/api/staff/:id/unlock', async (req, reply) => {
    if (!dutyManager(req, reply, hub, tokens)) return reply;
    const id = StaffId.safeParse(req.params.id.toUpperCase());
    if (!id.success || !hub.current.staff[id.data]) return reply.code(404).send({ error: `no staff member ${req.params.id}` });
    guard.unlock(id.data);
    return { unlocked: id.data };
  });

  app.post('/api/sessions/revoke', async (req, reply) => {
    const manager = dutyManager(req, reply, hub, tokens);
    if (!manager) return reply;
    const body = RevokeBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: `revoke { staffId } or { device }: ${describeZodError(body.error)}` });
    if ('staffId' in body.data) {
      const { staffId } = body.data;
      if (!hub.current.staff[staffId]) return reply.code(404).send({ error: `no staff member ${staffId}` });
      await revocations.revokeStaff(staffId, now());
      const closed = disconnectWhere(io, (who) => who.kind === 'staff' && who.id === staffId);
      req.log.info({ by: manager.id }, 'staff sessions revoked');
      return { revoked: { staffId }, disconnected: closed };
    }
    const { device } = body.data;
    await revocations.revokeKiosk(device, now());
    const closed = disconnectWhere(io, (who) => who.kind === 'kiosk' && who.device === device);
    req.log.info({ by: manager.id }, 'kiosk token revoked');
    return { revoked: { device }, disconnected: closed };
  });
}
