import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  airportClock,
  airportClockIn,
  airportDateTime,
  airportInputValue,
  airportTimeZone,
  emptyState,
  instantFromAirportInput,
} from '../../core/index.ts';
import { demoState } from '../helpers/demo-state.ts';

const ZONES = ['Europe/Paris', 'America/Vancouver', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];

describe('one airport clock', () => {
  it('reads an instant on the airport clock, whatever zone the process runs in', () => {
    // 1 December 2026, 13:32 UTC: 14:32 in Paris (winter time), 05:32 in Vancouver, 22:32 in Tokyo.
    const at = '2026-12-01T13:32:00.000Z';
    expect(airportClock(at, 'Europe/Paris')).toBe('14:32');
    expect(airportClock(at, 'America/Vancouver')).toBe('05:32');
    expect(airportClock(at, 'Asia/Tokyo')).toBe('22:32');
    expect(airportDateTime(at, 'Asia/Tokyo')).toBe('1 Dec, 22:32');
    expect(airportClockIn(at, 'Europe/Paris', 'en')).toBe('2:32 PM');
    expect(airportClockIn(at, 'Europe/Paris', 'fr')).toBe('14:32');
  });

  it('writes the same clock time as a fresh formatter however often an instant is asked for again, in any zone', () => {
    const fresh = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
    // Few instants and zones, asked many times in any order: the kept times must follow both the zone and the instant.
    // Instants anywhere within their minute (times are kept by minute), across a daylight-saving change.
    const instant = fc
      .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 1, 30_000, 59_999))
      .map(([m, ms]) => new Date(Date.UTC(2026, 2, 29, 0, m * 37) + ms).toISOString());
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.constantFrom(...ZONES)), { minLength: 1, maxLength: 60 }), (asks) => {
        for (const [iso, zone] of asks) expect(airportClock(iso, zone)).toBe(fresh(iso, zone));
      }),
    );
  });

  it('gives datetime inputs the airport wall clock and reads them back, across daylight-saving changes', () => {
    expect(airportInputValue('2026-12-01T13:32:00.000Z', 'Europe/Paris')).toBe('2026-12-01T14:32');
    expect(instantFromAirportInput('2026-12-01T14:32', 'Europe/Paris')).toBe('2026-12-01T13:32:00.000Z');
    // Summer time in Paris is UTC+2.
    expect(instantFromAirportInput('2026-07-01T14:32', 'Europe/Paris')).toBe('2026-07-01T12:32:00.000Z');
    // Just after Vancouver's clocks went forward (12 March 2028, 02:00 PST -> 03:00 PDT).
    expect(instantFromAirportInput('2028-03-12T03:00', 'America/Vancouver')).toBe('2028-03-12T10:00:00.000Z');
    // 02:30 happens twice in Paris on 25 October 2026: the first one (summer time) is meant.
    expect(instantFromAirportInput('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(instantFromAirportInput('', 'Europe/Paris')).toBeNull();
    expect(instantFromAirportInput('tomorrow', 'Europe/Paris')).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / 60_000, max: Date.parse('2028-12-31T00:00:00Z') / 60_000 }),
        fc.constantFrom(...ZONES),
        (minute, zone) => {
          const wall = airportInputValue(new Date(minute * 60_000).toISOString(), zone);
          const back = instantFromAirportInput(wall, zone)!;
          // Same wall clock back (in the hour clocks go back, either of the two instants is that wall clock).
          expect(airportInputValue(back, zone)).toBe(wall);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('takes the airport zone from the hub state, else from where its flights leave, else UTC', () => {
    const demo = demoState();
    expect(demo.airport).toEqual({ code: 'CDG', timeZone: 'Europe/Paris' });
    expect(airportTimeZone(demo)).toBe('Europe/Paris');
    const { airport: _airport, ...older } = demo;
    expect(airportTimeZone(older)).toBe('Europe/Paris');
    expect(airportTimeZone(emptyState())).toBe('UTC');
  });
});
