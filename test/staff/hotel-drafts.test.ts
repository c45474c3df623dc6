import { describe, expect, it } from 'vitest';
import { hotelDraftOf, newHotelId, readHotelDraft } from '../../staff-app/src/manager/hotels/hotel-draft.ts';
import { blockDraftOf, readBlockDraft } from '../../staff-app/src/manager/hotels/block-draft.ts';
import { readShuttleDraft } from '../../staff-app/src/manager/hotels/shuttle-draft.ts';

const SHUTTLE = { shuttleId: '0190a000-0000-7000-8000-000000000001', hotelId: 'tilleuls' };

describe('the Hotels tab’s forms read what was typed with the hub’s own schemas', () => {
  it('a new hotel gets an id from its name that no other hotel has', () => {
    expect(newHotelId('Hôtel du Mesnil', () => false)).toBe('hotel-du-mesnil');
    const taken = new Set(['hotel-du-mesnil', 'hotel-du-mesnil-2']);
    expect(newHotelId('Hôtel du Mesnil', (id) => taken.has(id))).toBe('hotel-du-mesnil-3');
    expect(newHotelId('東京ホテル', () => false)).toBe('hotel');
    expect(newHotelId('x'.repeat(80), () => false)).toHaveLength(34);
  });

  it('a blank or unreadable number is named, never read as 0; an edited hotel keeps its id', () => {
    const blank = readHotelDraft({ ...hotelDraftOf(null), name: 'Ibis', distanceKm: '' }, 'ibis');
    expect(blank).toMatchObject({ ok: false, errors: { distanceKm: 'required', address: 'an address is required' } });
    const words = readHotelDraft({ ...hotelDraftOf(null), distanceKm: 'near' }, 'ibis');
    expect(words).toMatchObject({ ok: false, errors: { distanceKm: '“near” is not a number' } });
    const ok = readHotelDraft(
      {
        name: 'Ibis',
        address: '1 rue A',
        distanceKm: '2,5',
        phone: '+33 1 00 00 00 00',
        deskHours: '24 h',
        transport: 'taxi',
        pickupPoint: 'exit 8',
        meals: ['dinner', 'breakfast'],
      },
      'ibis',
    );
    // Meals in the catalogue's order, whatever order they were ticked in.
    expect(ok).toEqual({ ok: true, value: expect.objectContaining({ id: 'ibis', distanceKm: 2.5, meals: ['breakfast', 'dinner'] }) });
  });

  it('a room block reads its rate in minor units of its currency and names a bad count, rate or currency', () => {
    const draft = blockDraftOf(undefined, '2026-12-01', 'double', 'EUR');
    expect(readBlockDraft({ ...draft, count: '3', rate: '89,50' }, 'ibis')).toEqual({
      ok: true,
      value: { hotelId: 'ibis', night: '2026-12-01', type: 'double', count: 3, rateCents: 8950, currency: 'EUR' },
    });
    expect(readBlockDraft({ ...draft, count: '2.5', rate: '90' }, 'ibis')).toMatchObject({ ok: false, errors: { count: 'rooms are counted whole' } });
    expect(readBlockDraft({ ...draft, count: '99999', rate: '90' }, 'ibis')).toMatchObject({
      ok: false,
      errors: { count: 'a block is at most 2000 rooms' },
    });
    expect(readBlockDraft({ ...draft, count: '1', rate: '90', currency: 'euro' }, 'ibis')).toMatchObject({
      ok: false,
      errors: { currency: expect.stringMatching(/three-letter/) },
    });
    expect(readBlockDraft({ ...draft, count: '1', rate: '100', currency: 'JPY' }, 'ibis')).toMatchObject({ ok: true, value: { rateCents: 100 } });
    expect(readBlockDraft({ ...draft, night: '', count: '1', rate: '1' }, 'ibis')).toMatchObject({
      ok: false,
      errors: { night: expect.stringMatching(/date/) },
    });
  });

  it('a shuttle departure is read as airport wall-clock time, across a change of offset too', () => {
    expect(readShuttleDraft({ departs: '2026-12-01T22:30', seats: '30' }, SHUTTLE, 'Europe/Paris')).toEqual({
      ok: true,
      value: { ...SHUTTLE, departsAt: '2026-12-01T21:30:00.000Z', seats: 30 },
    });
    expect(readShuttleDraft({ departs: '2026-07-01T22:30', seats: '30' }, SHUTTLE, 'Europe/Paris')).toMatchObject({
      ok: true,
      value: { departsAt: '2026-07-01T20:30:00.000Z' },
    });
    expect(readShuttleDraft({ departs: '', seats: '101' }, SHUTTLE, 'Europe/Paris')).toMatchObject({
      ok: false,
      errors: { departs: 'give the day and time it leaves, airport time', seats: 'a shuttle has at most 100 seats' },
    });
  });
});
