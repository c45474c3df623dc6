import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeZodError, findFlight, makeOp, type Flight, type HubState } from '../core/index.ts';
import { parsePassengerList } from '../core/passenger-import.ts';
import type { Hub } from './hub.ts';
import type { TokenSigner } from './tokens.ts';
import { dutyManager } from './manager-routes.ts';
import { isoNow, type Clock } from './clock.ts';

const MAX_LIST_BYTES = 1024 * 1024;

const ListBody = z
  .object({
    text: z.string().min(1, 'the file is empty').max(MAX_LIST_BYTES, 'a passenger list is at most 1 MB'),
    format: z.enum(['csv', 'json']).optional(),
  })
  .strict();

/** The flight a URL names: its id (AF1634-2026-11-23) or its number, meaning the one departing nearest now. */
export function flightFromParam(state: HubState, param: string, nowIso: string): Flight | undefined {
  return state.flights[param] ?? (param.length <= 10 ? findFlight(state, param, nowIso) : undefined);
}

/**
 * `POST /api/flights/:flight/passengers`: one flight's passenger list from departure control, for
 * the manager's upload and other systems. All or nothing: any bad line and nothing changes.
 */
export function registerPassengerListRoutes(app: FastifyInstance, hub: Hub, tokens: TokenSigner, clock: Clock): void {
  app.post<{ Params: { flight: string } }>('/api/flights/:flight/passengers', { bodyLimit: MAX_LIST_BYTES + 4096 }, async (req, reply) => {
    const member = dutyManager(req, reply, hub, tokens);
    if (!member) return reply;
    const now = isoNow(clock);
    const flight = flightFromParam(hub.current, req.params.flight, now);
    if (!flight) return reply.code(404).send({ error: `no flight ${req.params.flight} departs around now` });
    const body = ListBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const parsed = parsePassengerList(body.data.text, body.data.format);
    if (parsed.errors.length > 0) {
      return reply.code(422).send({ error: `${parsed.errors.length} line(s) with problems, nothing imported`, errors: parsed.errors });
    }
    const op = makeOp(
      { actor: { kind: 'staff', id: member.id }, device: 'hub-passenger-import', at: now },
      { type: 'passengers.import', payload: { flightId: flight.id, passengers: parsed.passengers } },
    );
    const ack = await hub.submit(op, { kind: 'staff', id: member.id });
    if (!ack.ok) return reply.code(409).send({ error: ack.reason });
    return { flightId: flight.id, imported: parsed.passengers.length, seq: ack.seq };
  });
}
