import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FlightNumber, findFlight, parseFlightNumber, sameFlightNumber } from '../../core/index.ts';
import { parseFlightList } from '../../core/flight-import.ts';
import { demoState } from '../helpers/demo-state.ts';

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
/** IATA designators hold at least one letter: AF, U2, 9W. */
const carrier = fc.oneof(fc.tuple(letter, alnum), fc.tuple(alnum, letter)).map(([a, b]) => a + b);
const suffix = fc.constantFrom('', 'A', 'B', 'Z');

/** How people and systems write a flight: any case, spaces or none, any number of leading zeros. */
const spelling = (code: string, n: number, sfx: string) =>
  fc
    .record({
      zeros: fc.integer({ min: 0, max: 4 }),
      gap: fc.constantFrom('', ' ', '  '),
      pad: fc.constantFrom('', ' ', '\t'),
      lower: fc.boolean(),
    })
    .map(({ zeros, gap, pad, lower }) => {
      const text = `${pad}${code}${gap}${'0'.repeat(zeros)}${n}${sfx}${pad}`;
      return lower ? text.toLowerCase() : text;
    });

describe('one canonical flight number', () => {
  it('reads every way AF0084 is written as AF0084', () => {
    for (const s of ['AF84', 'AF084', 'AF 84', 'af84', 'AF 0084', 'AF0084', ' af 0084 ', 'AF00084']) {
      expect(parseFlightNumber(s), s).toBe('AF0084');
    }
    expect(parseFlightNumber('BA304a')).toBe('BA0304A');
    expect(parseFlightNumber('U2 4821')).toBe('U24821');
  });

  it('refuses what is not a flight number', () => {
    for (const s of ['', 'AF', '1634', 'AF0', 'AF 0000', 'AF12345', 'AF-84', '84', 'AF84AB']) {
      expect(parseFlightNumber(s), s).toBeNull();
    }
    const r = FlightNumber.safeParse('1634');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('a flight number looks like AF1234');
  });

  it('gives one canonical form for every spelling of the same flight (property)', () => {
    fc.assert(
      fc.property(carrier, fc.integer({ min: 1, max: 9999 }), suffix, (code, n, sfx) => {
        const canonical = `${code}${String(n).padStart(4, '0')}${sfx}`;
        fc.assert(
          fc.property(spelling(code, n, sfx), spelling(code, n, sfx), (a, b) => {
            expect(parseFlightNumber(a)).toBe(canonical);
            expect(FlightNumber.parse(a)).toBe(canonical);
            expect(sameFlightNumber(a, b)).toBe(true);
          }),
          { numRuns: 20 },
        );
      }),
      { numRuns: 200 },
    );
  });

  it('never merges two different flights (property)', () => {
    fc.assert(
      fc.property(carrier, fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 9999 }), suffix, (code, n, m, sfx) => {
        fc.pre(n !== m);
        expect(sameFlightNumber(`${code}${n}${sfx}`, `${code}${m}${sfx}`)).toBe(false);
      }),
    );
  });

  it('finds the demo AF0084 and AF1634 whatever the spelling typed or scanned', () => {
    const state = demoState();
    const now = new Date().toISOString();
    for (const s of ['AF84', 'AF084', 'AF 84', 'af84', 'AF 0084']) {
      expect(findFlight(state, s, now)?.number, s).toBe('AF0084');
    }
    expect(findFlight(state, 'af 1634', now)?.number).toBe('AF1634');
  });

  it('imports a flight written AF84 as AF0084, the same flight as the timetable', () => {
    const csv = ['number,origin,destination,distanceKm,gate,scheduledDeparture', 'af 84,CDG,SFO,8950,K36,2026-11-23T18:30:00Z'].join('\n');
    const json = JSON.stringify([
      { number: 'AF084', origin: 'CDG', destination: 'SFO', distanceKm: 8950, gate: 'K36', scheduledDeparture: '2026-11-23T18:30:00Z' },
    ]);
    for (const text of [csv, json]) {
      const out = parseFlightList(text, ['K36']);
      expect(out.errors).toEqual([]);
      expect(out.flights.map((f) => [f.id, f.number])).toEqual([['AF0084-2026-11-23', 'AF0084']]);
    }
  });
});
