import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBcbp } from '../../core/bcbp/parse.ts';
import { matchPass, passDate } from '../../core/bcbp/match.ts';
import { bcbp } from '../helpers/bcbp.ts';
import { demoState } from '../helpers/demo-state.ts';

function parsed(text: string) {
  const r = parseBcbp(text);
  if (!r.ok) throw new Error(`expected a pass, got ${r.code}: ${r.reason}`);
  return r.pass;
}

describe('IATA boarding pass (BCBP format M)', () => {
  it('reads the single-leg example of Resolution 792', () => {
    const pass = parsed('M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100');
    expect(pass).toEqual({
      surname: 'DESMARAIS',
      givenNames: 'LUC',
      electronicTicket: true,
      legs: [
        {
          pnr: 'ABC123',
          from: 'YUL',
          to: 'FRA',
          carrier: 'AC',
          flightNumber: 'AC0834',
          julianDate: 326,
          compartment: 'J',
          seat: '001A',
          sequence: '0025',
          passengerStatus: '1',
        },
      ],
    });
  });

  it('finds every leg of a multi-leg pass by skipping each conditional section', () => {
    const first = '>5321WW1325BAC 00141234560032A0141234567890 1AC AC 1234567890123    20K';
    const second = '2A0140987654321 1AC AC 1234567890123    2PC';
    const text =
      bcbp('DESMARAIS/LUC', [
        { pnr: 'ABC123', from: 'YUL', to: 'FRA', carrier: 'AC', flight: '0834', julian: '326', conditional: first },
        { pnr: 'DEF456', from: 'FRA', to: 'GVA', carrier: 'LH', flight: '3664', julian: '327', seat: '012C', conditional: second },
        { pnr: 'DEF456', from: 'GVA', to: 'CDG', carrier: 'AF', flight: '84', julian: '327', conditional: '' },
      ]) + '^164GIWVC5EH7JNT684FVNJ91W2QA4DVN5J8K4F0L0GE';
    const pass = parsed(text);
    expect(pass.legs.map((l) => [l.pnr, l.from, l.to, l.flightNumber, l.julianDate, l.seat])).toEqual([
      ['ABC123', 'YUL', 'FRA', 'AC0834', 326, '023A'],
      ['DEF456', 'FRA', 'GVA', 'LH3664', 327, '012C'],
      ['DEF456', 'GVA', 'CDG', 'AF0084', 327, '023A'],
    ]);
  });

  it('keeps a flight number suffix and tolerates what scanners add around the text', () => {
    const text = bcbp('NGUYEN/THI MS', [{ flight: '1634B' }]);
    expect(parsed(`]L2${text}\r\n`).legs[0]!.flightNumber).toBe('AF1634B');
    expect(parsed(`]L2${text}\r\n`).surname).toBe('NGUYEN');
  });

  it('reads a name without given names and a pass without e-ticket', () => {
    const pass = parsed(bcbp("O'BRIEN", [{}], ' '));
    expect(pass.surname).toBe("O'BRIEN");
    expect(pass.givenNames).toBe('');
    expect(pass.electronicTicket).toBe(false);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://example.com/promo', 'not_boarding_pass'],
    ['3017620422003', 'not_boarding_pass'],
    ['S1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100', 'not_boarding_pass'],
    ['M5DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 100', 'not_boarding_pass'],
    ['M1DESMARAIS/LUC       EABC123 YULFRAAC 0834 326J001A0025 10', 'truncated'],
    [bcbp('MOREAU/ANNE', [{}, {}]).slice(0, 80), 'truncated'],
    [bcbp('MOREAU/ANNE', [{ julian: '400' }]), 'invalid_field'],
    [bcbp('MOREAU/ANNE', [{ julian: 'ABC' }]), 'invalid_field'],
    [bcbp('MOREAU/ANNE', [{ from: 'C1G' }]), 'invalid_field'],
    [bcbp('MOREAU/ANNE', [{ flight: 'X1' }]), 'invalid_field'],
    [bcbp('MOREAU/ANNE').slice(0, 58) + 'ZZ', 'invalid_field'],
    [bcbp('/ANNE'), 'invalid_field'],
    [bcbp('MOREAU/ANNE', [{}], 'X'), 'invalid_field'],
  ])('refuses %j with a reason (%s)', (text, code) => {
    const r = parseBcbp(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.reason.length).toBeGreaterThan(10);
    }
  });

  it('refuses a first leg whose conditional size runs past the end when more legs follow', () => {
    const two = bcbp('MOREAU/ANNE', [{ conditional: 'ABCDEFGH' }, {}]);
    // Claim 0xFF conditional characters on the first leg.
    const broken = two.slice(0, 58) + 'FF' + two.slice(60);
    const r = parseBcbp(broken);
    expect(r.ok).toBe(false);
  });

  it('never throws, whatever the scanner types', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseBcbp(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 58, maxLength: 200 }), (tail) => {
        expect(typeof parseBcbp(`M2${tail}`).ok).toBe('boolean');
      }),
    );
  });

  it('reads back any well-formed pass it is given', () => {
    const letters = (n: number) => fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: n, maxLength: n });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            from: letters(3),
            to: letters(3),
            flight: fc.integer({ min: 1, max: 9999 }),
            julian: fc.integer({ min: 1, max: 366 }),
            conditional: fc.string({ unit: fc.constantFrom(...'ABC0123 >^'), maxLength: 60 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (legs) => {
          const pass = parsed(
            bcbp(
              'SMITH/JO',
              legs.map((l) => ({ ...l, flight: String(l.flight), julian: String(l.julian).padStart(3, '0') })),
            ),
          );
          expect(pass.legs.map((l) => [l.from, l.to, l.flightNumber, l.julianDate])).toEqual(
            legs.map((l) => [l.from, l.to, `AF${String(l.flight).padStart(4, '0')}`, l.julian]),
          );
        },
      ),
    );
  });

  it('picks the leg that departs from this airport on a connecting pass', () => {
    const state = demoState(new Date(NOW));
    const pass = parsed(
      bcbp('MOREAU/ANNE', [
        { from: 'LHR', to: 'CDG', carrier: 'BA', flight: '0304', julian: '327' },
        { from: 'CDG', to: 'BCN', carrier: 'AF', flight: '1634', julian: '327' },
      ]),
    );
    const found = matchPass(state, pass, NOW);
    expect(found.ok && [found.flight.number, found.leg.from]).toEqual(['AF1634', 'CDG']);
  });
});

// 19:00 in Paris on 23 November 2026, day 327 of the year; the demo AF1634 leaves at 19:30.
const NOW = '2026-11-23T18:00:00.000Z';

describe('boarding passes at this airport (issue 12, item 7)', () => {
  const state = demoState(new Date(NOW));

  it("a pass dated another day gets that day, not today's flight of the same number", () => {
    const yesterday = parsed(bcbp('MOREAU/ANNE', [{ from: 'CDG', to: 'BCN', flight: '1634', julian: '326' }]));
    expect(matchPass(state, yesterday, NOW)).toMatchObject({ ok: false, code: 'other_day', date: '2026-11-22', leg: { flightNumber: 'AF1634' } });
    const nextWeek = parsed(bcbp('MOREAU/ANNE', [{ from: 'CDG', to: 'BCN', flight: '1634', julian: '334' }]));
    expect(matchPass(state, nextWeek, NOW)).toMatchObject({ ok: false, code: 'other_day', date: '2026-11-30' });
    const today = parsed(bcbp('MOREAU/ANNE', [{ from: 'CDG', to: 'BCN', flight: '1634', julian: '327' }]));
    expect(matchPass(state, today, NOW)).toMatchObject({ ok: true, flight: { number: 'AF1634' } });
  });

  it("yesterday evening's flight delayed past midnight still matches yesterday's pass", () => {
    const flight = Object.values(state.flights).find((f) => f.number === 'AF1780')!;
    // The demo cancels it this evening and rebooks it tomorrow morning; just after midnight, the pass is dated yesterday.
    const afterMidnight = '2026-11-23T23:30:00.000Z';
    const pass = parsed(bcbp('ROSSI/GIULIA', [{ from: 'CDG', to: 'FCO', flight: '1780', julian: '327' }]));
    expect(matchPass(state, pass, afterMidnight)).toMatchObject({ ok: true, flight: { id: flight.id } });
  });

  it('reads a day of the year across New Year: 365 read on 2 January is last year', () => {
    expect(passDate(365, '2027-01-02T10:00:00.000Z', 'Europe/Paris')).toBe('2026-12-31');
    expect(passDate(2, '2026-12-31T10:00:00.000Z', 'Europe/Paris')).toBe('2027-01-02');
    expect(passDate(327, NOW, 'Europe/Paris')).toBe('2026-11-23');
  });

  it('accepts a booking reference printed in lowercase', () => {
    const pass = parsed(bcbp('MOREAU/ANNE', [{ pnr: 'xk4p2q', julian: '327' }]));
    expect(pass.legs[0]!.pnr).toBe('XK4P2Q');
    expect(matchPass(state, pass, NOW).ok).toBe(true);
  });

  it('refuses a conditional section size that runs past the end of the scan, with what is wrong', () => {
    const one = bcbp('MOREAU/ANNE', [{ conditional: 'ABCDEFGH' }]);
    // The last leg claims 0x20 characters of optional data; the scan holds 8.
    const r = parseBcbp(one.slice(0, 58) + '20' + one.slice(60));
    expect(r).toEqual({
      ok: false,
      code: 'truncated',
      reason: 'leg 1 declares 32 characters of optional data, but the scan ends 24 characters before',
    });
  });

  it('names the leg that departs from here when its flight is not in the list', () => {
    const pass = parsed(
      bcbp('MOREAU/ANNE', [
        { from: 'YUL', to: 'CDG', carrier: 'AC', flight: '870' },
        { from: 'CDG', to: 'NCE', carrier: 'AF', flight: '7700' },
      ]),
    );
    expect(matchPass(state, pass, NOW)).toMatchObject({ ok: false, code: 'not_listed', leg: { flightNumber: 'AF7700', from: 'CDG', to: 'NCE' } });
  });

  it('says that no leg departs from here, naming them all', () => {
    const pass = parsed(
      bcbp('MOREAU/ANNE', [
        { from: 'SFO', to: 'LHR', carrier: 'BA', flight: '284' },
        { from: 'LHR', to: 'JFK', carrier: 'BA', flight: '117' },
      ]),
    );
    const found = matchPass(state, pass, NOW);
    expect(found).toMatchObject({ ok: false, code: 'no_leg_here', airport: 'CDG' });
    expect(!found.ok && found.code === 'no_leg_here' && found.legs.map((l) => `${l.flightNumber} ${l.from}-${l.to}`)).toEqual([
      'BA0284 SFO-LHR',
      'BA0117 LHR-JFK',
    ]);
  });
});
