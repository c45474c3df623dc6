import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  describeZodError,
  makeOp,
  outletVoucherOf,
  redeemRefusal,
  matchPass,
  outletTokenRevoked,
  OutletEnrollPayload,
  parseBcbp,
  passName,
  remainingCents,
  StaffId,
  currentOfflineRisk,
  Uuid,
  type HubState,
  type Outlet,
  type Voucher,
} from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { HubStore } from './hub-store.ts';
import { checkStaffPin, type PinGuard } from './pin-check.ts';
import { Pin } from './auth-routes.ts';
import type { OutletTokenSigner } from './outlet-tokens.ts';
import { isoNow, type Clock } from './clock.ts';
import { vouchersBoundToPass } from '../core/bound-vouchers.ts';

const EnrollBody = OutletEnrollPayload.extend({ staffId: z.string().trim().toUpperCase().pipe(StaffId), pin: Pin }).strict();
const LookupBody = z.object({ scan: z.string().trim().min(1, 'scan a boarding pass or a voucher, or type its code').max(600) }).strict();
const RedeemBody = z.object({ redemptionId: Uuid, voucherId: Uuid, amountCents: z.number().int().min(1).max(1_000_000) }).strict();

const CODE = /GC-[0-9A-Z]{4}-[0-9A-Z]{4}/;

/** Vouchers a scan names: a voucher code (typed or from its QR), or a boarding pass (the passenger's issued vouchers). */
function vouchersFor(state: HubState, scan: string, now: string): { vouchers: Voucher[] } | { status: number; error: string } {
  const code = CODE.exec(scan.toUpperCase())?.[0];
  if (code) {
    const v = Object.values(state.vouchers).find((x) => x.code === code);
    const airport = state.airport?.code ?? 'this airport';
    return v ? { vouchers: [v] } : { status: 404, error: `no voucher ${code} at ${airport}: a voucher from another airport cannot be spent here` };
  }
  const pass = parseBcbp(scan);
  if (!pass.ok) return { status: 400, error: `not a voucher code (GC-XXXX-XXXX) nor a boarding pass: ${pass.reason}` };
  const found = matchPass(state, pass.pass, now);
  if (!found.ok) return { status: 404, error: 'this boarding pass is not for a flight leaving here today' };
  const name = passName(pass.pass.surname);
  const sequence = parseInt(found.leg.sequence, 10);
  const requests = new Set(
    Object.values(state.requests)
      .filter(
        (r) => r.flightId === found.flight.id && passName(r.surname) === name && (r.checkInSequence === undefined || r.checkInSequence === sequence),
      )
      .map((r) => r.id),
  );
  const vouchers = [
    ...Object.values(state.vouchers).filter((v) => v.requestId !== null && requests.has(v.requestId) && v.status === 'issued'),
    // Given to the passenger on the flight's list (whole-flight issue): found by the pass alone.
    ...vouchersBoundToPass(state, found.flight.id, pass.pass.surname, sequence),
  ];
  return vouchers.length ? { vouchers } : { status: 404, error: `no voucher for this passenger on ${found.flight.number}` };
}

/** Reads the outlet behind a request's bearer token, or answers 401 with why and gives null. */
export function outletAuthenticator(hub: Hub, outletTokens: OutletTokenSigner): (req: FastifyRequest, reply: FastifyReply) => Outlet | null {
  return (req, reply) => {
    const claims = outletTokens.verify((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const outlet = claims ? hub.current.outlets?.[claims.outlet] : undefined;
    if (!claims || !outlet) {
      void reply.code(401).send({ error: 'this outlet is not enrolled: ask a duty manager to enrol it' });
      return null;
    }
    if (outletTokenRevoked(outlet, outletTokens.issuedAt(claims))) {
      void reply.code(401).send({ error: `${outlet.name} was revoked by a duty manager: ask one to enrol it again` });
      return null;
    }
    return outlet;
  };
}

/**
 * Outlets: a duty manager enrols one (its name, kind and the voucher kinds it takes) and it gets a
 * device token; with it, it looks vouchers up by pass or code and redeems them. The hub decides
 * each redemption as a `voucher.redeem` operation, so two outlets never spend the same value.
 * Generic on purpose: a hotel desk is an outlet of kind 'hotel-desk' taking hotel vouchers.
 */
export function registerOutletRoutes(
  app: FastifyInstance,
  hub: Hub,
  store: HubStore,
  guard: PinGuard,
  outletTokens: OutletTokenSigner,
  clock: Clock,
): void {
  const outletOf = outletAuthenticator(hub, outletTokens);

  app.post('/api/outlets/enroll', async (req, reply) => {
    const body = EnrollBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const { staffId, pin, ...payload } = body.data;
    const check = await checkStaffPin(hub, store, guard, staffId, pin, req.ip, 'duty_manager');
    if (!check.ok) return reply.code(check.status).send({ error: check.error });
    const op = makeOp(
      { actor: { kind: 'staff', id: staffId }, device: 'hub-outlet-enrolment', at: isoNow(clock) },
      { type: 'outlet.enroll', payload },
    );
    const ack = await hub.submit(op, { kind: 'staff', id: staffId });
    if (!ack.ok) return reply.code(409).send({ error: ack.reason });
    return { ...outletTokens.issue(payload.outletId, staffId), outlet: hub.current.outlets![payload.outletId] };
  });

  // An outlet opened from a link with its token (the demo start prints one per demo outlet) learns who it is.
  app.get('/api/outlet/me', async (req, reply) => {
    const outlet = outletOf(req, reply);
    if (!outlet) return reply;
    const claims = outletTokens.verify((req.headers.authorization ?? '').replace(/^Bearer /, ''))!;
    return { outlet, expiresAt: new Date(claims.exp).toISOString(), offlineRisk: currentOfflineRisk(outlet) };
  });

  app.post('/api/outlet/lookup', async (req, reply) => {
    const outlet = outletOf(req, reply);
    if (!outlet) return reply;
    const body = LookupBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const now = isoNow(clock);
    // Only what is on disk: an outlet is never shown a voucher a crash could take back.
    const state = hub.durableState;
    const found = vouchersFor(state, body.data.scan, now);
    if ('error' in found) return reply.code(found.status).send({ error: found.error });
    // The offline limit rides along, so an outlet hears a change with its next look-up.
    return {
      outlet: outlet.name,
      vouchers: found.vouchers.map((v) => outletVoucherOf(state, v, outlet, now)),
      offlineRisk: currentOfflineRisk(outlet),
    };
  });

  app.post('/api/outlet/redeem', async (req, reply) => {
    const outlet = outletOf(req, reply);
    if (!outlet) return reply;
    const body = RedeemBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const { redemptionId, voucherId, amountCents } = body.data;
    // The op id follows the redemption id: an outlet retrying after a lost answer gets the same receipt, spent once.
    const op = makeOp(
      { actor: { kind: 'system', id: outlet.id }, device: outlet.id, at: isoNow(clock) },
      { type: 'voucher.redeem', payload: { redemptionId, voucherId, outletId: outlet.id, amountCents } },
      redemptionId,
    );
    const ack = await hub.submit(op, { kind: 'system' });
    if (!ack.ok) {
      // The hub's decision in English words, and as a code with what it names for the outlet's own language.
      const v = hub.current.vouchers[voucherId];
      const refusal = v ? redeemRefusal(hub.current, v, outlet, isoNow(clock), amountCents) : null;
      return reply.code(ack.code === 'not_found' ? 404 : 409).send({
        error: ack.reason,
        ...(refusal && refusal.reason === ack.reason ? { refusal: refusal.code, params: refusal.params } : {}),
      });
    }
    const v = hub.current.vouchers[voucherId]!;
    const receipt = v.redemptions!.find((r) => r.id === redemptionId)!;
    return { receipt: { ...receipt, code: v.code, kind: v.kind, currency: v.currency, remainingCents: remainingCents(v) } };
  });
}
