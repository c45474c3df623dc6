import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { vouchersOf, type Voucher } from '../../core/index.ts';
import type { SyncClient } from '../../client/sync-client.ts';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { waitFor, type TestDevice } from '../helpers/socket-clients.ts';
import { useSyncTablets } from '../helpers/sync-tablets.ts';
import { AMIRA, KIOSK, createRequest, op } from '../helpers/ops.ts';
import { MANAGER } from '../helpers/core-fixtures.ts';

describe('vouchers and escalation over real sockets', () => {
  const env = useTestHub({ perTest: true });
  const tablets = useSyncTablets(env);
  /** A tablet once it holds everything the hub accepted so far. */
  async function tablet(staffId: string): Promise<SyncClient> {
    const c = await tablets.tablet(staffId);
    await waitFor(() => c.getSnapshot().connected && c.getSnapshot().seq === env.hub.hub.seq, `${staffId} tablet in sync`);
    return c;
  }

  async function passenger(party = { adults: 1, children: 0, infants: 0 }): Promise<{ kiosk: TestDevice; requestId: string }> {
    const kiosk = await env.kiosk('K32', KIOSK.id);
    const body = createRequest({ party });
    const requestId = body.type === 'request.create' ? body.payload.requestId : '';
    expect(await kiosk.submit(op(KIOSK, body))).toMatchObject({ ok: true });
    return { kiosk, requestId };
  }

  const voucherOf = (c: SyncClient, requestId: string): Voucher | undefined => vouchersOf(c.getSnapshot().state, requestId)[0];

  it('under the cap the agent issues at once; above it the manager approves live and the agent and kiosk see it', async () => {
    const { kiosk, requestId } = await passenger();
    const amira = await tablet('A101');
    const claire = await tablet('M201');

    // Under the cap: accepted straight away, the code is on the agent's screen and reaches the kiosk.
    await amira.submit({ type: 'voucher.issue', payload: { voucherId: uuidv7(), requestId, kind: 'meal', amountCents: 15_00, currency: 'EUR' } });
    await waitFor(() => amira.getSnapshot().pending.length === 0 && voucherOf(amira, requestId)?.status === 'issued', 'meal voucher issued');
    expect(amira.getSnapshot().rejected).toEqual([]);
    const meal = voucherOf(amira, requestId)!;
    await waitFor(
      () => kiosk.received.flatMap((m) => m.entries).some((e) => e.op.type === 'kiosk.view' && e.op.payload.vouchers.some((v) => v.id === meal.id)),
      'kiosk receives the voucher',
    );
    const kioskView = await kiosk.pull(0);
    expect(kioskView.kind === 'snapshot' && kioskView.state.vouchers[meal.id]?.code).toBe(meal.code);

    // Above the cap: one escalation, which the duty manager sees live.
    const hotelId = uuidv7();
    await amira.submit({
      type: 'voucher.escalate',
      payload: { voucherId: hotelId, requestId, kind: 'hotel', amountCents: 320_00, currency: 'EUR', note: 'overnight' },
    });
    await waitFor(() => claire.getSnapshot().state.vouchers[hotelId]?.status === 'pending', 'manager sees the escalation');
    expect(amira.getSnapshot().state.vouchers[hotelId]?.status).toBe('pending');

    await claire.submit({ type: 'voucher.approve', payload: { voucherId: hotelId } });
    const approved = await waitFor(() => {
      const v = amira.getSnapshot().state.vouchers[hotelId];
      return v?.status === 'issued' ? v : undefined;
    }, 'agent sees the approval');
    expect(approved).toMatchObject({ authorisedByName: 'Claire', amountCents: 320_00 });
    expect(env.hub.hub.current.vouchers[hotelId]?.status).toBe('issued');
  });

  it('the hub refuses a voucher above the cap even if a tablet sends it, with the reason', async () => {
    const { requestId } = await passenger();
    const raw = await env.staff('A101');
    const ack = await raw.submit(
      op(AMIRA, { type: 'voucher.issue', payload: { voucherId: uuidv7(), requestId, kind: 'taxi', amountCents: 250_01, currency: 'EUR' } }),
    );
    expect(ack).toMatchObject({ ok: false, code: 'limit' });
    if (!ack.ok) expect(ack.reason).toContain('send it to a duty manager');
    expect(Object.keys(env.hub.hub.current.vouchers)).toHaveLength(0);
  });

  it('a voucher issued offline that no longer fits the shift budget is refused on sync, and the agent sees why', async () => {
    const { requestId } = await passenger();
    const amira = await tablet('A101');
    amira.stop();

    // While the tablet is offline the duty manager tightens the budget.
    const claire = await env.staff('M201');
    const policy = env.hub.hub.current.policy;
    const ack = await claire.submit(
      op(MANAGER, {
        type: 'policy.set',
        payload: {
          currency: policy.currency,
          shiftHours: policy.shiftHours,
          limits: { ...policy.limits, agent: { capPerPassengerCents: 100_00, budgetPerShiftCents: 20_00 } },
          lowStock: policy.lowStock,
        },
      }),
    );
    expect(ack).toMatchObject({ ok: true });

    // Offline, the tablet still believes 50.00 fits and shows it.
    const voucherId = uuidv7();
    await amira.submit({ type: 'voucher.issue', payload: { voucherId, requestId, kind: 'meal', amountCents: 50_00, currency: 'EUR' } });
    expect(amira.getSnapshot().state.vouchers[voucherId]?.status).toBe('issued');

    await amira.start();
    const rejected = await waitFor(() => amira.getSnapshot().rejected[0], 'rejection after sync', 10_000);
    expect(rejected.op.id).toBeDefined();
    expect(rejected.reason).toBe(
      '50.00 EUR is above your remaining shift budget (20.00 EUR left of 20.00 EUR): send it to a duty manager for approval',
    );
    await waitFor(() => amira.getSnapshot().pending.length === 0, 'outbox empty');
    expect(amira.getSnapshot().state.vouchers[voucherId]).toBeUndefined();
    expect(env.hub.hub.current.vouchers[voucherId]).toBeUndefined();
  });
});
