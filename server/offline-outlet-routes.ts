import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeZodError, makeOp, remainingCents, Uuid } from '../core/index.ts';
import type { Hub } from './hub.ts';
import type { OutletTokenSigner } from './outlet-tokens.ts';
import { outletAuthenticator } from './outlet-routes.ts';
import { isoNow, type Clock } from './clock.ts';

/** At most this many receipts a call: an outlet offline for a long service sends its queue in several. */
export const OFFLINE_BATCH = 50;

const OfflineReceipt = z
  .object({
    redemptionId: Uuid,
    voucherId: Uuid,
    amountCents: z.number().int().min(1).max(1_000_000),
    at: z.iso.datetime({ message: 'at must be an ISO date-time' }),
  })
  .strict();
const OfflineBody = z
  .object({ redemptions: z.array(OfflineReceipt).min(1).max(OFFLINE_BATCH, `send at most ${OFFLINE_BATCH} receipts at a time`) })
  .strict();

/** What the hub answers per receipt: kept (maybe in conflict), or refused with why; never silently dropped. */
export type OfflineResult =
  | {
      redemptionId: string;
      status: 'accepted';
      reference: string;
      code: string;
      remainingCents: number;
      currency: string;
      /** How much of it was value already spent elsewhere (0: none). */
      overspendCents: number;
    }
  | { redemptionId: string; status: 'refused'; error: string }
  /** Not decided (the hub could not write to its disk): the outlet keeps it and sends it again. */
  | { redemptionId: string; status: 'retry'; error: string };

/**
 * The queue of an outlet that was offline: each receipt becomes a `voucher.redeemOffline` with the
 * receipt's id as the operation id, so a queue sent twice (no answer the first time) is kept once,
 * and a receipt first tried online and then queued is the same spend.
 */
export function registerOfflineOutletRoutes(app: FastifyInstance, hub: Hub, outletTokens: OutletTokenSigner, clock: Clock): void {
  const outletOf = outletAuthenticator(hub, outletTokens);

  app.post('/api/outlet/offline-redemptions', async (req, reply) => {
    const outlet = outletOf(req, reply);
    if (!outlet) return reply;
    const body = OfflineBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: describeZodError(body.error) });
    const results: OfflineResult[] = [];
    // One after another, in the order the outlet wrote them: its own limits are judged in that order.
    for (const r of body.data.redemptions) {
      const op = makeOp(
        { actor: { kind: 'system', id: outlet.id }, device: outlet.id, at: isoNow(clock) },
        {
          type: 'voucher.redeemOffline',
          payload: { redemptionId: r.redemptionId, voucherId: r.voucherId, outletId: outlet.id, amountCents: r.amountCents, at: r.at },
        },
        r.redemptionId,
      );
      const ack = await hub.submit(op, { kind: 'system' });
      const v = hub.current.vouchers[r.voucherId];
      // Also an older duplicate the hub checked again ("already recorded"): the receipt is there, so it is kept.
      const kept = v?.redemptions?.find((x) => x.id === r.redemptionId && x.outletId === outlet.id);
      if (v && kept) {
        results.push({
          redemptionId: r.redemptionId,
          status: 'accepted',
          reference: kept.reference,
          code: v.code,
          remainingCents: remainingCents(v),
          currency: v.currency,
          overspendCents: hub.current.redemptionConflicts?.[r.redemptionId]?.overspendCents ?? 0,
        });
      } else if (!ack.ok && ack.code === 'storage') {
        results.push({ redemptionId: r.redemptionId, status: 'retry', error: ack.reason });
      } else {
        results.push({ redemptionId: r.redemptionId, status: 'refused', error: ack.ok ? 'not recorded' : ack.reason });
      }
    }
    return { results };
  });
}
