import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { apply, mapWrites, type Actor, type HubState, type Op, type OpBody, type Outcome } from '../../core/index.ts';
import { demoState } from './demo-state.ts';
import { KIOSK, createRequest, op } from './ops.ts';

export const NOW = '2026-11-23T18:00:00.000Z';
export const MANAGER: Actor = { kind: 'staff', id: 'M201' };
export const SOFIA: Actor = { kind: 'staff', id: 'A103' };

export function run(state: HubState, o: Op, at = NOW): Outcome {
  return apply(state, o, { seq: state.seq + 1, at });
}

export function accepted(state: HubState, o: Op, at = NOW): HubState {
  const out = run(state, o, at);
  if (!out.ok) throw new Error(`rejected: ${out.reason}`);
  return out.state;
}

/** Applies `ops` in order, in place or purely, keeping the state after each accepted one and every answer. */
export function foldOps(base: HubState, ops: Op[], inPlace: boolean, at = NOW): { state: HubState; answers: string[] } {
  let s = base;
  const answers: string[] = [];
  for (const o of ops) {
    const out = apply(s, o, { seq: s.seq + 1, at, inPlace });
    answers.push(out.ok ? 'ok' : `${out.code}: ${out.reason}`);
    if (out.ok) s = out.state;
  }
  return { state: s, answers };
}

/**
 * Applies `ops` in place and purely to copies of `base`: the answers and states are the same, the map
 * `pick` names stays the one the caller owned, and every accepted operation counted one write to it.
 */
export function expectInPlaceAsPure(base: HubState, ops: Op[], pick: (s: HubState) => object | undefined): void {
  const pure = foldOps(structuredClone(base), ops, false);
  const start = structuredClone(base);
  const owned = pick(start)!;
  const inPlace = foldOps(start, ops, true);
  expect(inPlace.answers).toEqual(pure.answers);
  expect(inPlace.state).toEqual(pure.state);
  expect(pick(inPlace.state)).toBe(owned);
  expect(mapWrites(owned)).toBe(inPlace.answers.filter((a) => a === 'ok').length);
}

export function by(actor: Actor, body: OpBody, at = NOW): Op {
  return op(actor, body, at);
}

/** The demo airport with one passenger request at K32; returns its id. */
export function withRequest(
  overrides: Parameters<typeof createRequest>[0] = {},
  base: HubState = demoState(new Date(NOW)),
  at = NOW,
): { state: HubState; id: string } {
  const body = createRequest(overrides);
  const id = body.type === 'request.create' ? body.payload.requestId : '';
  return { state: accepted(base, op(KIOSK, body, at), at), id };
}

export function voucherBody(
  requestId: string,
  amountCents: number,
  type: 'voucher.issue' | 'voucher.escalate' = 'voucher.issue',
  kind: 'meal' | 'hotel' | 'taxi' | 'other' = 'meal',
): OpBody & { payload: { voucherId: string } } {
  return { type, payload: { voucherId: uuidv7(), requestId, kind, amountCents, currency: 'EUR' } } as OpBody & {
    payload: { voucherId: string };
  };
}
