import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  allocationsOf,
  blockKey,
  describeZodError,
  roomBlocksOf,
  expectedGuests,
  hotelsOf,
  makeOp,
  RoomType,
  ROOM_TYPES,
  roomsHeld,
  roomsTaken,
  tonight,
  type HubState,
  type OpBody,
  type Outlet,
} from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { OutletTokenSigner } from './outlet-tokens.ts';
import { outletAuthenticator } from './outlet-routes.ts';
import { isoNow, type Clock } from './clock.ts';

const Night = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a night is written YYYY-MM-DD');
const GuestsQuery = z.object({ night: Night.optional() }).strict();
const AllocationBody = z.object({ allocationId: z.uuid('an allocation id is a UUID') }).strict();
const RoomsBody = z
  .object({
    night: Night,
    type: RoomType,
    count: z.number().int('rooms are counted whole').min(0, 'a count cannot be negative').max(2000, 'a block is at most 2000 rooms'),
  })
  .strict();

/**
 * A hotel desk is an outlet bound to one hotel: it sees that hotel's expected guests, checks them
 * in or marks them no-shows, and says how many rooms it holds — for its own hotel only. The hub
 * checks the hotel and submits the operation as `system` on the desk's behalf, as for redemptions.
 */
export function registerHotelDeskRoutes(app: FastifyInstance, hub: Hub, outletTokens: OutletTokenSigner, clock: Clock): void {
  const outletOf = outletAuthenticator(hub, outletTokens);
  const deskOf = (req: FastifyRequest, reply: FastifyReply): (Outlet & { hotelId: string }) | null => {
    const outlet = outletOf(req, reply);
    if (!outlet) return null;
    if (outlet.kind !== 'hotel-desk' || !outlet.hotelId || !hub.current.hotels?.[outlet.hotelId]) {
      void reply.code(403).send({ error: `${outlet.name} is not a hotel desk: only a hotel's desk sees and checks in its guests` });
      return null;
    }
    return { ...outlet, hotelId: outlet.hotelId };
  };
  const submitAs = (desk: Outlet, body: OpBody) =>
    hub.submit(makeOp({ actor: { kind: 'system', id: desk.id }, device: desk.id, at: isoNow(clock) }, body), { kind: 'system' });
  const submitFor = async (desk: Outlet, body: OpBody, reply: FastifyReply) => {
    const ack = await submitAs(desk, body);
    if (!ack.ok) return reply.code(ack.code === 'not_found' ? 404 : 409).send({ error: ack.reason });
    return { ok: true };
  };
  /** The allocation, if it is this desk's hotel's; else the answer already sent. */
  const ownAllocation = (state: HubState, desk: Outlet & { hotelId: string }, allocationId: string, reply: FastifyReply) => {
    const a = allocationsOf(state)[allocationId];
    if (!a) {
      void reply.code(404).send({ error: 'no such booking' });
      return null;
    }
    if (a.hotelId !== desk.hotelId) {
      void reply.code(403).send({ error: `this booking is at another hotel: ${desk.name} handles its own guests only` });
      return null;
    }
    return a;
  };

  /*
   * The hotels a desk may be enrolled for, for the set-up screen, which has no token yet. Open to
   * anyone who reaches the hub, so it answers ids and names only — the names any passenger reads on
   * a kiosk ticket — and never an address, phone, rooms, rates, shuttles or guests; enrolling still
   * takes a duty manager's id and PIN. Read from what is on disk, like every read.
   */
  app.get('/api/outlets/hotels', async () => ({
    hotels: Object.values(hotelsOf(hub.durableState))
      .map((h) => ({ id: h.id, name: h.name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));

  app.get('/api/outlet/hotel/guests', async (req, reply) => {
    const desk = deskOf(req, reply);
    if (!desk) return reply;
    const query = GuestsQuery.safeParse(req.query);
    if (!query.success) return reply.code(400).send({ error: describeZodError(query.error) });
    // Only what is on disk, like every read.
    const state = hub.durableState;
    const night = query.data.night ?? tonight(state, isoNow(clock));
    const hotel = state.hotels![desk.hotelId]!;
    const held = roomsHeld(state, desk.hotelId, night);
    const taken = roomsTaken(state, desk.hotelId, night);
    return {
      hotel: { id: hotel.id, name: hotel.name },
      night,
      guests: expectedGuests(state, desk.hotelId, night),
      // What the desk holds for the airport that night, and how many of those rooms are allocated or checked in.
      rooms: ROOM_TYPES.map((type) => ({ type, held: held[type], taken: taken[type] })),
    };
  });

  for (const [path, outcome] of [
    ['/api/outlet/hotel/checkin', 'checked_in'],
    ['/api/outlet/hotel/no-show', 'no_show'],
  ] as const) {
    app.post(path, async (req, reply) => {
      const desk = deskOf(req, reply);
      if (!desk) return reply;
      const body = AllocationBody.safeParse(req.body);
      if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
      if (!ownAllocation(hub.current, desk, body.data.allocationId, reply)) return reply;
      const op: OpBody =
        outcome === 'checked_in'
          ? { type: 'room.checkin', payload: { allocationId: body.data.allocationId } }
          : { type: 'room.release', payload: { allocationId: body.data.allocationId, outcome: 'no_show' } };
      return submitFor(desk, op, reply);
    });
  }

  app.post('/api/outlet/hotel/rooms', async (req, reply) => {
    const desk = deskOf(req, reply);
    if (!desk) return reply;
    const body = RoomsBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const { night, type, count } = body.data;
    // The rate and currency stay what the duty manager agreed: a desk changes how many rooms, not their price.
    const block = roomBlocksOf(hub.current)[blockKey(desk.hotelId, night, type)];
    // `refusal` names the reason so that the desk can say it in its own language.
    if (!block)
      return reply
        .code(404)
        .send({ error: `no ${type} rooms are held at ${desk.name} for ${night}: a duty manager agrees a block first`, refusal: 'no_block' });
    const ack = await submitAs(desk, {
      type: 'hotel.rooms',
      payload: { hotelId: desk.hotelId, night, type, count, rateCents: block.rateCents, currency: block.currency },
    });
    if (ack.ok) return { ok: true };
    // The hub's reducer decided (rooms may have been allocated since the desk last looked): fewer than allocated is its only conflict here.
    const allocated = roomsTaken(hub.current, desk.hotelId, night)[type];
    return ack.code === 'conflict'
      ? reply.code(409).send({ error: ack.reason, refusal: 'below_allocated', allocated })
      : reply.code(ack.code === 'not_found' ? 404 : 409).send({ error: ack.reason });
  });
}
