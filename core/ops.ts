import { z } from 'zod';
import {
  Flight,
  FlightNumber,
  Gate,
  GateId,
  Language,
  Need,
  Party,
  SCHEMA_VERSION,
  StaffMember,
  StockItem,
} from './model.ts';
import { PublishNoticePayload, RevealNoticePayload } from './notices.ts';

export const Uuid = z.uuid({ message: 'must be a UUID' });

export const Actor = z.object({
  kind: z.enum(['kiosk', 'staff', 'system']),
  id: z.string().min(1).max(64),
});
export type Actor = z.infer<typeof Actor>;

const Note = z.string().max(500, 'a note is at most 500 characters').default('');

export const CreateRequestPayload = z
  .object({
    requestId: Uuid,
    gate: GateId,
    flightNumber: FlightNumber,
    surname: z.string().trim().min(1, 'surname is required').max(40, 'a surname is at most 40 characters'),
    needs: z.array(Need).min(1, 'choose at least one need').max(Need.options.length),
    party: Party.refine((p) => p.adults + p.children + p.infants >= 1, 'a party has at least one person'),
    language: Language,
    note: Note,
  })
  .strict();

const RequestRef = z.object({ requestId: Uuid }).strict();

export const StockSetPayload = z
  .object({ gate: GateId, item: StockItem, quantity: z.number().int().min(0).max(100000) })
  .strict();

const FlightRef = z.string().min(3).max(40);

export const FlightDelayPayload = z
  .object({ flightId: FlightRef, estimatedDeparture: z.iso.datetime({ message: 'the new departure must be an ISO date-time' }) })
  .strict();

export const FlightCancelPayload = z
  .object({
    flightId: FlightRef,
    /** The departure passengers are rebooked on, when known: drives overnight care. */
    rebookedDeparture: z.iso.datetime({ message: 'the rebooked departure must be an ISO date-time' }).nullable(),
  })
  .strict();

export const FlightGatePayload = z.object({ flightId: FlightRef, gate: GateId }).strict();

/** Every operation a device (or the hub's own seeding) can submit. */
export const OpBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request.create'), payload: CreateRequestPayload }),
  z.object({ type: z.literal('request.claim'), payload: RequestRef }),
  z.object({ type: z.literal('request.deliver'), payload: RequestRef }),
  z.object({ type: z.literal('gate.upsert'), payload: Gate.strict() }),
  z.object({ type: z.literal('flight.upsert'), payload: Flight.strict() }),
  z.object({ type: z.literal('staff.upsert'), payload: StaffMember.strict() }),
  z.object({ type: z.literal('stock.set'), payload: StockSetPayload }),
  z.object({ type: z.literal('flight.delay'), payload: FlightDelayPayload }),
  z.object({ type: z.literal('flight.cancel'), payload: FlightCancelPayload }),
  z.object({ type: z.literal('flight.gate'), payload: FlightGatePayload }),
  z.object({ type: z.literal('notice.publish'), payload: PublishNoticePayload }),
  z.object({ type: z.literal('notice.reveal'), payload: RevealNoticePayload }),
]);
export type OpBody = z.infer<typeof OpBody>;
export type OpType = OpBody['type'];

const Envelope = z.object({
  v: z.literal(SCHEMA_VERSION, { message: `schema version must be ${SCHEMA_VERSION}` }),
  id: Uuid,
  actor: Actor,
  device: z.string().min(1).max(64),
  /** When the device created it (device clock; the hub clamps it). */
  at: z.iso.datetime({ message: 'at must be an ISO date-time' }),
});

export const Op = z.intersection(Envelope, OpBody);
export type Op = z.infer<typeof Op>;
export type OpOf<T extends OpType> = z.infer<typeof Envelope> & Extract<OpBody, { type: T }>;

/** One accepted operation as the hub stores and sends it. */
export interface LogEntry {
  seq: number;
  /** Hub time of acceptance: the only clock the reducer trusts. */
  at: string;
  op: Op;
}

/** Turns a zod failure into one sentence a person can act on. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export type ParseResult = { ok: true; op: Op } | { ok: false; reason: string };

export function parseOp(input: unknown): ParseResult {
  const r = Op.safeParse(input);
  return r.success ? { ok: true, op: r.data } : { ok: false, reason: `invalid operation: ${describeZodError(r.error)}` };
}
