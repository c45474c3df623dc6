import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { airportInputValue, airportTimeZone, describeZodError, makeOp, type StaffMember } from '../core/index.ts';
import { parseFlightList } from '../core/flight-import.ts';
import { buildReport, reportCsv } from '../core/report.ts';
import { hotelBillingCsv } from '../core/hotel-billing-csv.ts';
import { hotelBilling } from '../core/hotel-board.ts';
import { voucherBilling } from '../core/voucher-billing.ts';
import { voucherBillingCsv } from '../core/voucher-billing-csv.ts';
import type { Hub } from './hub.ts';
import type { TokenSigner } from './tokens.ts';
import { isoNow, type Clock } from './clock.ts';

const ImportBody = z
  .object({
    text: z
      .string()
      .min(1, 'the file is empty')
      .max(1024 * 1024, 'a flight list is at most 1 MB'),
    format: z.enum(['csv', 'json']).optional(),
    /** Without it, a file with any bad line imports nothing, so a half-right list is never taken for whole. */
    importValidRows: z.boolean().optional(),
  })
  .strict();

/** The signed-in duty manager behind a request, or an answer refusing everyone else. */
export function dutyManager(req: FastifyRequest, reply: FastifyReply, hub: Hub, tokens: TokenSigner): StaffMember | null {
  const claims = tokens.verify((req.headers.authorization ?? '').replace(/^Bearer /, ''));
  const member = claims ? hub.current.staff[claims.sub] : undefined;
  if (!claims || !member) {
    void reply.code(401).send({ error: 'sign in as a duty manager' });
    return null;
  }
  if (member.role !== 'duty_manager') {
    void reply.code(403).send({ error: 'only a duty manager may do this' });
    return null;
  }
  return member;
}

/** Duty-manager REST routes: the report as CSV, and a flight list upload for scripts and other systems. */
export function registerManagerRoutes(app: FastifyInstance, hub: Hub, tokens: TokenSigner, clock: Clock): void {
  /** A CSV download for duty managers only, never cached: it holds names and money. */
  const csvDownload = (path: string, download: () => { filename: string; csv: string }) =>
    app.get(path, async (req, reply) => {
      if (!dutyManager(req, reply, hub, tokens)) return reply;
      const { filename, csv } = download();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });

  csvDownload('/api/report.csv', () => {
    const now = isoNow(clock);
    const stamp = airportInputValue(now, airportTimeZone(hub.current)).replace(/[-:]/g, '').replace('T', '-');
    return { filename: `gatecare-report-${stamp}.csv`, csv: reportCsv(buildReport(hub.current, now)) };
  });
  // Issued, redeemed and unredeemed per airline, and what each outlet took per airline: for billing.
  csvDownload('/api/vouchers.csv', () => ({ filename: 'gatecare-voucher-billing.csv', csv: voucherBillingCsv(voucherBilling(hub.current)) }));
  csvDownload('/api/hotels.csv', () => ({ filename: 'gatecare-hotel-nights.csv', csv: hotelBillingCsv(hotelBilling(hub.current)) }));

  app.post('/api/flights/import', { bodyLimit: 1024 * 1024 + 4096 }, async (req, reply) => {
    const member = dutyManager(req, reply, hub, tokens);
    if (!member) return reply;
    const body = ImportBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const parsed = parseFlightList(body.data.text, Object.keys(hub.current.gates), body.data.format);
    if (parsed.flights.length === 0 || (parsed.errors.length > 0 && !body.data.importValidRows)) {
      const what = parsed.errors.length ? `${parsed.errors.length} line(s) with problems, nothing imported` : 'no flight in the file';
      return reply.code(422).send({ error: what, errors: parsed.errors, valid: parsed.flights.length });
    }
    const now = isoNow(clock);
    const acks = await Promise.all(
      parsed.flights.map((flight) => {
        const op = makeOp(
          { actor: { kind: 'staff', id: member.id }, device: 'hub-flight-import', at: now },
          { type: 'flight.upsert', payload: flight },
        );
        return hub.submit(op, { kind: 'staff', id: member.id });
      }),
    );
    const refused = acks.flatMap((a, i) => (a.ok ? [] : [{ flight: parsed.flights[i]!.id, reason: a.reason }]));
    return { imported: acks.length - refused.length, refused, errors: parsed.errors };
  });
}
