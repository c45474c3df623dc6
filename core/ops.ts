import { z } from 'zod';
import {
  DisruptionCause,
  Flight,
  FlightNumber,
  Gate,
  GateId,
  Language,
  Need,
  Party,
  SCHEMA_VERSION,
  StaffId,
  StaffMember,
  StockItem,
} from './model.ts';
import { PublishNoticePayload, RevealNoticePayload } from './notice-model.ts';
import { Currency, PolicyRules } from './policy-model.ts';
import { OUTLET_KINDS, VoucherKind, type Voucher } from './voucher-model.ts';
import type { CareRequest } from './model.ts';
import { AirportPayload } from './airport.ts';
import { AirlineConfig } from './entitlements/airline-config.ts';
import { ListedPassengerSchema, MAX_LISTED_PASSENGERS } from './passenger-schema.ts';
import { CABINS } from './passenger-list.ts';
import {
  HotelPayload,
  RoomAllocatePayload,
  RoomBlockPayload,
  RoomCheckInPayload,
  RoomMovePayload,
  RoomReleasePayload,
  ShuttlePayload,
  type RoomAllocation,
} from './hotel-model.ts';

export const Uuid = z.uuid({ message: 'must be a UUID' });

const isRecord = (v: unknown) => typeof v === 'object' && v !== null;
/**
 * What a kiosk receives in place of an operation it must not replay (staff work on its requests):
 * the records as they now are, in the kiosk's form (core/kiosk-entry.ts). Only the hub makes it,
 * for kiosks only; it is never submitted or logged, so its records are not re-validated here.
 */
export const KioskViewPayload = z
  .object({
    requests: z.array(z.custom<CareRequest>(isRecord)),
    vouchers: z.array(z.custom<Voucher>(isRecord)),
    roomAllocations: z.array(z.custom<RoomAllocation>(isRecord)),
  })
  .strict();
export type KioskViewPayload = z.infer<typeof KioskViewPayload>;

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
    /** A child travelling alone (older kiosks do not send it). */
    unaccompaniedMinor: z.boolean().optional(),
    /** The check-in sequence from a scanned boarding pass: finds the passenger on the flight's list. */
    checkInSequence: z.number().int().min(1).max(99999).optional(),
  })
  .strict();

const RequestRef = z.object({ requestId: Uuid }).strict();

const Quantity = z.number().int().min(0).max(1000);
export const ItemCountsSchema = z.partialRecord(StockItem, Quantity);

export const DeliverPayload = z
  .object({
    requestId: Uuid,
    /** Stock handed out now, taken from the request's gate. */
    items: ItemCountsSchema.optional(),
    /** True: some needs are still to come, the request stays open with this agent. */
    partial: z.boolean().optional(),
  })
  .strict();

const Reason = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(300, 'a reason is at most 300 characters');

export const ReassignPayload = z.object({ requestId: Uuid, to: StaffId }).strict();
export const CancelPayload = z.object({ requestId: Uuid, reason: Reason }).strict();
export const NotePayload = z
  .object({
    requestId: Uuid,
    text: z.string().trim().min(1, 'a note cannot be empty').max(500, 'a note is at most 500 characters'),
  })
  .strict();

export const RestockPayload = z
  .object({ gate: GateId, item: StockItem, quantity: z.number().int().min(1, 'restock at least one').max(10000) })
  .strict();

export const VoucherPayload = z
  .object({
    voucherId: Uuid,
    requestId: Uuid,
    kind: VoucherKind,
    amountCents: z.number().int().min(1, 'a voucher is worth something').max(1_000_000, 'a voucher is at most 10000.00'),
    currency: Currency,
    description: z.string().trim().max(200, 'a description is at most 200 characters').optional(),
  })
  .strict();

export const EscalatePayload = VoucherPayload.extend({
  /** Why more than the limits: read by the duty manager deciding. */
  note: z.string().trim().max(300, 'a note is at most 300 characters').optional(),
}).strict();

export const ApprovePayload = z
  .object({
    voucherId: Uuid,
    /** The duty manager's word to the agent, kept with the voucher. */
    note: z.string().trim().max(300, 'a note is at most 300 characters').optional(),
  })
  .strict();
export const DeclinePayload = z.object({ voucherId: Uuid, reason: Reason }).strict();

export const StockSetPayload = z.object({ gate: GateId, item: StockItem, quantity: z.number().int().min(0).max(100000) }).strict();

const FlightRef = z.string().min(3).max(40);

export const FlightDelayPayload = z
  .object({
    flightId: FlightRef,
    estimatedDeparture: z.iso.datetime({ message: 'the new departure must be an ISO date-time' }),
    cause: DisruptionCause.optional(),
  })
  .strict();

export const FlightCancelPayload = z
  .object({
    flightId: FlightRef,
    /** The departure passengers are rebooked on, when known: drives overnight care. */
    rebookedDeparture: z.iso.datetime({ message: 'the rebooked departure must be an ISO date-time' }).nullable(),
    cause: DisruptionCause.optional(),
  })
  .strict();

/** Blanks the personal data of one flight's passengers (issued by the hub's purge timer). */
export const PurgePayload = z.object({ flightId: FlightRef }).strict();

/** A flight's passenger list, replacing any earlier one (an empty list withdraws it). */
export const PassengersImportPayload = z
  .object({
    flightId: FlightRef,
    passengers: z.array(ListedPassengerSchema).max(MAX_LISTED_PASSENGERS, `a flight's list has at most ${MAX_LISTED_PASSENGERS} passengers`),
  })
  .strict();

/**
 * Meal vouchers for a whole flight's listed passengers (or some cabins), or the top-ups a longer
 * delay added: the hub works out who is owed what from the list, the delay and the airline's
 * amounts (core/flight-care.ts), so the operation stays small whatever the flight's size.
 */
export const FlightCarePayload = z
  .object({
    flightId: FlightRef,
    kind: z.enum(['meal', 'taxi'], { message: 'a whole flight is issued meal or taxi vouchers (hotel rooms: the Hotels tab)' }),
    cabins: z.array(z.enum(CABINS)).min(1, 'choose at least one cabin').max(CABINS.length).optional(),
    topUp: z.boolean().optional(),
    /** What the duty manager confirmed: refused if the flight changed since (a new list, another delay). */
    expect: z
      .object({ vouchers: z.number().int().min(0).max(100_000), totalMinor: z.number().int().min(0).max(1_000_000_000) })
      .strict()
      .optional(),
  })
  .strict();

/** Outlet ids are chosen by the enrolling screen, like kiosk device ids. */
export const OutletId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'an outlet id is 8 to 64 letters, digits or dashes');

export const OutletEnrollPayload = z
  .object({
    outletId: OutletId,
    name: z.string().trim().min(1, 'an outlet needs a name').max(60, 'an outlet name is at most 60 characters'),
    kind: z.enum(OUTLET_KINDS),
    accepts: z.array(VoucherKind).min(1, 'an outlet takes at least one kind of voucher').max(VoucherKind.options.length),
    /** The hotel a hotel desk works for (state.hotels): it sees and checks in that hotel's guests only. */
    hotelId: z.string().min(1).max(64).optional(),
  })
  .strict();

export const VoucherRedeemPayload = z
  .object({
    redemptionId: Uuid,
    voucherId: Uuid,
    outletId: OutletId,
    amountCents: z.number().int().min(1, 'redeem at least 0.01').max(1_000_000),
  })
  .strict();

/** A duty manager's choice of what an outlet may spend offline (core/offline-risk.ts). */
export const OfflineRiskSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }).strict(),
  z.object({ mode: z.literal('once') }).strict(),
  z
    .object({
      mode: z.literal('capped'),
      currency: Currency,
      perVoucherCents: z.number().int().min(1, 'a limit per voucher is at least 0.01').max(1_000_000),
      totalCents: z.number().int().min(1, 'a total limit is at least 0.01').max(100_000_000),
    })
    .strict()
    .refine((r) => r.perVoucherCents <= r.totalCents, 'the limit per voucher cannot be above the total limit'),
]);

export const OutletOfflineRiskPayload = z.object({ outletId: OutletId, risk: OfflineRiskSchema }).strict();

/** A receipt an outlet wrote offline, sent when it is back: `at` is when it was spent, by the outlet's clock. */
export const VoucherRedeemOfflinePayload = VoucherRedeemPayload.extend({ at: z.iso.datetime({ message: 'at must be an ISO date-time' }) }).strict();

export const RedemptionResolvePayload = z
  .object({
    conflictId: Uuid,
    note: z.string().trim().min(1, 'say how it was settled').max(300, 'a note is at most 300 characters'),
  })
  .strict();

export const VoucherVoidPayload = z.object({ voucherId: Uuid, reason: Reason }).strict();

export const OutletRevokePayload = z.object({ outletId: OutletId }).strict();

export const FlightGatePayload = z.object({ flightId: FlightRef, gate: GateId }).strict();

/** Plain text a passenger or an agent writes; shown as text, never as HTML. */
const ThreadText = z.string().trim().min(1, 'a message cannot be empty').max(500, 'a message is at most 500 characters');
export const ThreadPayload = z.object({ requestId: Uuid, text: ThreadText }).strict();
export const PhoneRevokePayload = z.object({ requestId: Uuid }).strict();

/** A word for the team after delivery: no score, no name of an agent, plain text. */
export const ThanksText = z.string().trim().min(1, 'a word cannot be empty').max(300, 'a word for the team is at most 300 characters');
export const ThanksPayload = z.object({ requestId: Uuid, text: ThanksText }).strict();

/**
 * What the passenger's phone may choose when asking for something new: the kiosk's needs, party
 * and note. Gate, flight, surname and language are never the phone's to say (the hub takes them
 * from the ticket the link opens), so any other key is refused.
 */
export const PhoneAskChoices = z
  .object({
    needs: z.array(Need).min(1, 'choose at least one need').max(Need.options.length),
    party: Party.refine((p) => p.adults + p.children + p.infants >= 1, 'a party has at least one person'),
    note: Note,
  })
  .strict();

/** A new request asked from the phone of ticket `fromRequestId`, built by the hub from that ticket. */
export const PhoneAskPayload = CreateRequestPayload.extend({ fromRequestId: Uuid }).strict();

/** Every operation a device (or the hub's own seeding) can submit. */
export const OpBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('request.create'), payload: CreateRequestPayload }),
  z.object({ type: z.literal('request.claim'), payload: RequestRef }),
  z.object({ type: z.literal('request.deliver'), payload: DeliverPayload }),
  z.object({ type: z.literal('request.release'), payload: RequestRef }),
  z.object({ type: z.literal('request.reassign'), payload: ReassignPayload }),
  z.object({ type: z.literal('request.cancel'), payload: CancelPayload }),
  z.object({ type: z.literal('request.note'), payload: NotePayload }),
  z.object({ type: z.literal('stock.restock'), payload: RestockPayload }),
  z.object({ type: z.literal('voucher.issue'), payload: VoucherPayload }),
  z.object({ type: z.literal('voucher.escalate'), payload: EscalatePayload }),
  z.object({ type: z.literal('voucher.approve'), payload: ApprovePayload }),
  z.object({ type: z.literal('voucher.decline'), payload: DeclinePayload }),
  z.object({ type: z.literal('policy.set'), payload: PolicyRules }),
  z.object({ type: z.literal('gate.upsert'), payload: Gate.strict() }),
  z.object({ type: z.literal('flight.upsert'), payload: Flight.strict() }),
  z.object({ type: z.literal('staff.upsert'), payload: StaffMember.strict() }),
  z.object({ type: z.literal('stock.set'), payload: StockSetPayload }),
  z.object({ type: z.literal('flight.delay'), payload: FlightDelayPayload }),
  z.object({ type: z.literal('flight.cancel'), payload: FlightCancelPayload }),
  z.object({ type: z.literal('flight.gate'), payload: FlightGatePayload }),
  z.object({ type: z.literal('notice.publish'), payload: PublishNoticePayload }),
  z.object({ type: z.literal('notice.reveal'), payload: RevealNoticePayload }),
  z.object({ type: z.literal('airline.upsert'), payload: AirlineConfig }),
  z.object({ type: z.literal('passengers.purge'), payload: PurgePayload }),
  z.object({ type: z.literal('passengers.import'), payload: PassengersImportPayload }),
  z.object({ type: z.literal('outlet.enroll'), payload: OutletEnrollPayload }),
  z.object({ type: z.literal('voucher.redeem'), payload: VoucherRedeemPayload }),
  z.object({ type: z.literal('voucher.void'), payload: VoucherVoidPayload }),
  z.object({ type: z.literal('outlet.revoke'), payload: OutletRevokePayload }),
  z.object({ type: z.literal('outlet.offlineRisk'), payload: OutletOfflineRiskPayload }),
  z.object({ type: z.literal('voucher.redeemOffline'), payload: VoucherRedeemOfflinePayload }),
  z.object({ type: z.literal('redemption.resolve'), payload: RedemptionResolvePayload }),
  z.object({ type: z.literal('vouchers.issueFlight'), payload: FlightCarePayload }),
  z.object({ type: z.literal('thread.passenger'), payload: ThreadPayload }),
  z.object({ type: z.literal('thread.staff'), payload: ThreadPayload }),
  z.object({ type: z.literal('phone.revoke'), payload: PhoneRevokePayload }),
  z.object({ type: z.literal('thanks.leave'), payload: ThanksPayload }),
  z.object({ type: z.literal('phone.ask'), payload: PhoneAskPayload }),
  z.object({ type: z.literal('airport.set'), payload: AirportPayload }),
  z.object({ type: z.literal('hotel.upsert'), payload: HotelPayload }),
  z.object({ type: z.literal('hotel.rooms'), payload: RoomBlockPayload }),
  z.object({ type: z.literal('hotel.shuttle'), payload: ShuttlePayload }),
  z.object({ type: z.literal('room.allocate'), payload: RoomAllocatePayload }),
  z.object({ type: z.literal('room.move'), payload: RoomMovePayload }),
  z.object({ type: z.literal('room.release'), payload: RoomReleasePayload }),
  z.object({ type: z.literal('room.checkin'), payload: RoomCheckInPayload }),
  z.object({ type: z.literal('kiosk.view'), payload: KioskViewPayload }),
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

export type Op = z.infer<typeof Envelope> & OpBody;
/**
 * One whole operation per type (the envelope's fields beside its type and payload), rather than the
 * envelope intersected with the body: an intersection parses both and merges the two results, which
 * cost about 36 of the 38 µs a claim's parse took (1.8 µs this way).
 */
export const Op: z.ZodType<Op> = z.discriminatedUnion(
  'type',
  OpBody.options.map((body) => Envelope.extend(body.shape)) as unknown as [z.ZodObject, ...z.ZodObject[]],
) as unknown as z.ZodType<Op>;
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
