import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { GateId, StaffId, describeZodError } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import { checkStaffPin, type PinGuard } from './pin-check.ts';
import { Pin } from './auth-routes.ts';
import { KioskDeviceId, type KioskTokenSigner } from './kiosk-tokens.ts';

const EnrollBody = z
  .object({
    gate: z.string().trim().toUpperCase().pipe(GateId),
    device: KioskDeviceId,
    staffId: z.string().trim().toUpperCase().pipe(StaffId),
    pin: Pin,
  })
  .strict();

/**
 * A kiosk is enrolled once, at set-up, by a duty manager typing their id and PIN on its
 * screen; it then holds a device token bound to its device id and gate.
 */
export function registerKioskEnrollment(app: FastifyInstance, hub: Hub, store: HubStore, guard: PinGuard, kioskTokens: KioskTokenSigner): void {
  app.post('/api/kiosks/enroll', async (req, reply) => {
    const body = EnrollBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const { gate, device, staffId, pin } = body.data;
    const check = await checkStaffPin(hub, store, guard, staffId, pin, req.ip, 'duty_manager');
    if (!check.ok) return reply.code(check.status).send({ error: check.error });
    if (!hub.current.gates[gate]) return reply.code(400).send({ error: `gate ${gate} does not exist` });
    const issued = kioskTokens.issue(device, gate, staffId);
    // Kept before answering, so no agent can ever create a request in this kiosk's name, even before its first request.
    store.data.kioskDevices = { ...store.data.kioskDevices, [device]: gate };
    await store.saveMeta();
    req.log.info({ gate, by: staffId }, 'kiosk enrolled');
    return { ...issued, device, gate };
  });
}
