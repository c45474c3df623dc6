import { describe, expect, it } from 'vitest';
import { voucherPrefills } from '../../core/index.ts';
import { NOW, SOFIA, accepted, by, voucherBody, withRequest } from '../helpers/core-fixtures.ts';

const later = (hours: number) => new Date(Date.parse(NOW) + hours * 3600_000).toISOString();

describe('voucher form pre-filled from entitlements', () => {
  it('a delayed short-haul party is offered meals for everyone, from the EU261 threshold', () => {
    const { state, id } = withRequest({ party: { adults: 2, children: 1, infants: 0 } });
    const r = state.requests[id]!;
    const [meal, ...rest] = voucherPrefills(state, r, NOW);
    expect(rest).toEqual([]);
    expect(meal).toMatchObject({ kind: 'meal', amountCents: 45_00 });
    expect(meal!.legalBasis).toMatch(/261/);
    // Not owed yet at NOW (delay not 2 h yet), owed once the threshold passed.
    expect(meal!.from).not.toBeNull();
    expect(voucherPrefills(state, r, later(3))[0]!.from).toBeNull();
  });

  it('a cancelled flight rebooked next morning adds hotel and taxi; an issued kind is not offered again', () => {
    const { state, id } = withRequest({ gate: 'K41', flightNumber: 'AF1780', party: { adults: 1, children: 0, infants: 0 } });
    const r = state.requests[id]!;
    const kinds = voucherPrefills(state, r, later(4)).map((p) => [p.kind, p.amountCents]);
    expect(kinds).toEqual(expect.arrayContaining([['meal', 15_00], ['hotel', 150_00], ['taxi', 80_00]]));
    const s = accepted(state, by(SOFIA, voucherBody(id, 15_00)));
    expect(voucherPrefills(s, s.requests[id]!, later(4)).map((p) => p.kind)).not.toContain('meal');
  });
});
