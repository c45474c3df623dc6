import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { useTestHub } from '../helpers/hub-fixture.ts';
import { AMIRA, KIOSK, SYSTEM, createRequest, op } from '../helpers/ops.ts';
import { DEMO_STAFF } from '../../server/demo-airport.ts';
import { replay, type HubState, type PullResult } from '../../core/index.ts';

const CLAIRE = { kind: 'staff', id: 'M201' } as const;
const snapshotOf = (p: PullResult): HubState => {
  if (p.kind !== 'snapshot') throw new Error('expected a snapshot');
  return p.state;
};

/** Every key and every text or number anywhere in a JSON value. */
function leaves(value: unknown, keys: Set<string>, values: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) leaves(v, keys, values);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      leaves(v, keys, values);
    }
  } else if (value !== null && value !== undefined) values.add(String(value));
}

/** What a kiosk must never hold: who staff are beyond a first name on its own ticket, their roles and gates, PINs, the policy. */
function leaksIn(json: unknown, secrets: { notes: string[]; limits: number[] }): string[] {
  const keys = new Set<string>();
  const values = new Set<string>();
  leaves(json, keys, values);
  const text = JSON.stringify(json);
  const found: string[] = [];
  for (const s of DEMO_STAFF) if (text.includes(s.lastName)) found.push(`surname of ${s.id}`);
  for (const k of ['lastName', 'role', 'gates', 'pin', 'pinHash', 'policyLog', 'decisionNote', 'outlets']) if (keys.has(k)) found.push(`key ${k}`);
  for (const role of ['agent', 'duty_manager']) if (values.has(role)) found.push(`role ${role} as a value`);
  for (const note of secrets.notes) if (text.includes(note)) found.push(`text "${note}"`);
  for (const n of secrets.limits) if (values.has(String(n))) found.push(`limit ${n}`);
  return found;
}

describe('a kiosk receives only what its screens show (issue 13 item 5)', () => {
  const env = useTestHub();

  it('its snapshot and its live pushes after staff.upsert, policy.set and an escalation answered hold no staff, roles, gates, PINs, policy or limits; its ticket still follows', async () => {
    const kiosk = await env.kiosk('K32');
    const amira = await env.staff('A101');
    const claire = await env.staff('M201');
    const create = createRequest();
    const requestId = create.type === 'request.create' ? create.payload.requestId : '';
    expect(await kiosk.submit(op(KIOSK, create))).toMatchObject({ ok: true });
    await env.settled(kiosk);
    const before = snapshotOf(await kiosk.pull(0));
    const from = before.seq;

    // A new colleague, tighter limits, a claim, a voucher above them escalated and approved with a note.
    const hub = env.hub.hub;
    const newcomer = { id: 'A199', firstName: 'Zoé', lastName: 'Quintavalle', role: 'agent' as const, gates: ['K32', 'K33'] };
    expect(await hub.submit(op(SYSTEM, { type: 'staff.upsert', payload: newcomer }), { kind: 'system' })).toMatchObject({ ok: true });
    const policy = hub.current.policy;
    const limits = { capPerPassengerCents: 12_345, budgetPerShiftCents: 67_891 };
    expect(
      await claire.submit(
        op(CLAIRE, {
          type: 'policy.set',
          payload: { currency: policy.currency, shiftHours: 7, limits: { ...policy.limits, agent: limits }, lowStock: policy.lowStock },
        }),
      ),
    ).toMatchObject({ ok: true });
    expect(await amira.submit(op(AMIRA, { type: 'request.claim', payload: { requestId } }))).toMatchObject({ ok: true });
    const voucherId = uuidv7();
    const escalate = {
      voucherId,
      requestId,
      kind: 'hotel' as const,
      amountCents: 200_00,
      currency: 'EUR',
      note: 'family of three, last flight gone',
    };
    expect(await amira.submit(op(AMIRA, { type: 'voucher.escalate', payload: escalate }))).toMatchObject({ ok: true });
    expect(
      await claire.submit(op(CLAIRE, { type: 'voucher.approve', payload: { voucherId, note: 'approved: airline agreed by phone' } })),
    ).toMatchObject({
      ok: true,
    });
    await env.settled(kiosk);

    const pushed = kiosk.received.flatMap((m) => m.entries).filter((e) => e.seq > from);
    const pulled = await kiosk.pull(from);
    const snapshot = snapshotOf(await kiosk.pull(0));
    const secrets = { notes: ['Quintavalle', 'last flight gone', 'airline agreed'], limits: [12_345, 67_891, 7] };
    expect(leaksIn(pushed, secrets)).toEqual([]);
    expect(leaksIn(pulled, secrets)).toEqual([]);
    // The airport's gates (ids, names) are the kiosk's reference data; the policy log is there, empty.
    const { gates: _airportGates, policyLog, ...held } = snapshot;
    expect(policyLog).toEqual([]);
    expect(leaksIn(held, { ...secrets, limits: [12_345, 67_891] })).toEqual([]);
    expect(snapshot.staff).toEqual({});
    expect(snapshot.policy).toMatchObject({
      updatedBy: null,
      limits: { agent: { capPerPassengerCents: 0 }, duty_manager: { capPerPassengerCents: 0 } },
    });

    // The kiosk still shows its ticket: the pushes, applied by the kiosk's own reducer to what it
    // held, miss nothing (no gap, nothing it cannot apply) and give what a fresh snapshot gives.
    const { state, failed } = replay(before, pushed);
    expect(failed).toEqual([]);
    expect(state.requests[requestId]).toMatchObject({ status: 'claimed', claimedByName: 'Amira' });
    expect(state.vouchers[voucherId]).toMatchObject({ status: 'issued', code: hub.current.vouchers[voucherId]!.code });
    expect(state.requests).toEqual(snapshot.requests);
    expect(state.vouchers).toEqual(snapshot.vouchers);
    expect(state.seq).toBe(hub.current.seq);
  });
});
