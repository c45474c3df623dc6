import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { MAX_PHONE_ASKS } from '../../core/handlers/phone-ask.ts';
import { mayPerform } from '../../core/permissions.ts';
import { apply, phoneTicketView, type HubState, type Op } from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';
import { AMIRA, KIOSK, SYSTEM, createRequest, op } from '../helpers/ops.ts';

const NOW = '2026-11-23T18:00:00.000Z';
const PHONE = { kind: 'system', id: 'phone' } as const;

function accepted(state: HubState, o: Op): HubState {
  const out = apply(state, o, { seq: state.seq + 1, at: NOW });
  if (!out.ok) throw new Error(`rejected: ${out.reason}`);
  return { ...out.state, seq: state.seq + 1 };
}

function refusal(state: HubState, o: Op): string {
  const out = apply(state, o, { seq: state.seq + 1, at: NOW });
  if (out.ok) throw new Error('accepted');
  return out.reason;
}

function ask(fromRequestId: string, gate = 'K32'): Op {
  return {
    ...op(PHONE, {
      type: 'phone.ask',
      payload: {
        requestId: uuidv7(),
        fromRequestId,
        gate,
        flightNumber: 'AF1634',
        surname: 'Moreau',
        language: 'fr',
        needs: ['blanket'],
        party: { adults: 1, children: 0, infants: 0 },
        note: '',
      },
    }),
    device: 'phone',
  };
}

describe('from the phone: a new request and a word for the team', () => {
  const body = createRequest();
  if (body.type !== 'request.create') throw new Error('unexpected');
  const id = body.payload.requestId;
  const base = accepted(demoState(new Date(NOW)), op(KIOSK, body, NOW));

  it('a new request is asked for the same passenger at the given gate, recorded on the asking ticket, at most a few times', () => {
    let s = base;
    for (let i = 0; i < MAX_PHONE_ASKS; i++) s = accepted(s, ask(id));
    const made = s.requests[id]!.phoneAsks!.map((a) => s.requests[a]!);
    expect(made).toHaveLength(MAX_PHONE_ASKS);
    expect(made[0]).toMatchObject({ gate: 'K32', surname: 'Moreau', status: 'received', device: 'phone', askedFromRequestId: id });
    expect(phoneTicketView(s, s.requests[id]!, NOW).asks.map((t) => t.ticket)).toEqual(made.map((r) => r.ticket));
    expect(refusal(s, ask(id))).toBe(`${MAX_PHONE_ASKS} requests were already asked from this phone: please speak to the staff at the gate`);
  });

  it('a device that does not hold the asking ticket (another gate) still creates the request', () => {
    const elsewhere = { ...base, requests: {} };
    const s = accepted(elsewhere, ask(id));
    expect(Object.values(s.requests)).toHaveLength(1);
  });

  it('only the hub submits them, never a kiosk or an agent', () => {
    const thanks: Op = op(SYSTEM, { type: 'thanks.leave', payload: { requestId: id, text: 'merci' } });
    for (const o of [ask(id), thanks]) {
      expect(mayPerform(KIOSK, undefined, o.type)).toBe(false);
      expect(mayPerform(AMIRA, 'agent', o.type)).toBe(false);
      expect(mayPerform(AMIRA, 'duty_manager', o.type)).toBe(false);
      expect(mayPerform(SYSTEM, undefined, o.type)).toBe(true);
    }
  });

  it('a word for the team waits for the delivery, is left once, and names no agent', () => {
    const thanks = (text: string): Op => op(PHONE, { type: 'thanks.leave', payload: { requestId: id, text } });
    expect(refusal(base, thanks('merci'))).toBe('a word for the team can be left once your request has been delivered');
    const delivered = accepted(base, op(AMIRA, { type: 'request.deliver', payload: { requestId: id } }));
    const s = accepted(delivered, thanks('merci beaucoup'));
    expect(s.requests[id]!.thanks).toEqual({ at: NOW, text: 'merci beaucoup' });
    expect(refusal(s, thanks('encore'))).toBe('you already left a word for the team: thank you');
  });
});
