import { describe, expect, it } from 'vitest';
import { parseFlightList } from '../../core/flight-import.ts';

const GATES = ['K32', 'K34', 'K41'];

describe('importing a flight list', () => {
  it('reads a CSV with a header, fills defaults and derives the status', () => {
    const csv = [
      'number,origin,destination,destinationName,distanceKm,gate,scheduledDeparture,estimatedDeparture,status,originCountry,destinationCountry,originTimeZone',
      'AF1634,CDG,BCN,Barcelona,830,K32,2026-11-23T18:30:00Z,2026-11-23T21:00:00Z,,fr,ES,Europe/Paris',
      'af 1012,cdg,mad,,1065,k34,2026-11-23T19:00:00+01:00,,,,,',
      'AF1780,CDG,FCO,Rome,1105,K41,2026-11-23T20:45:00Z,2026-11-24T07:30:00Z,cancelled,FR,IT,Europe/Mars',
    ].join('\r\n');
    const out = parseFlightList(csv, GATES);
    expect(out.errors).toEqual([{ line: 4, message: 'originTimeZone: unknown time zone: use an IANA name like Europe/Paris' }]);
    expect(out.format).toBe('csv');
    expect(out.flights).toEqual([
      expect.objectContaining({
        id: 'AF1634-2026-11-23',
        status: 'delayed',
        estimatedDeparture: '2026-11-23T21:00:00.000Z',
        originCountry: 'FR',
        destinationCountry: 'ES',
        originTimeZone: 'Europe/Paris',
      }),
      expect.objectContaining({
        id: 'AF1012-2026-11-23',
        number: 'AF1012',
        destination: 'MAD',
        destinationName: 'MAD',
        gate: 'K34',
        scheduledDeparture: '2026-11-23T18:00:00.000Z',
        estimatedDeparture: '2026-11-23T18:00:00.000Z',
        status: 'scheduled',
      }),
    ]);
    expect(out.flights[1]).not.toHaveProperty('originCountry');
  });

  it('reports each bad CSV row with its line number, and keeps the good ones', () => {
    const csv = [
      'number;origin;destination;distanceKm;gate;scheduledDeparture', // semicolons, as a French spreadsheet saves
      'AF1634;CDG;BCN;830;K32;2026-11-23T18:30:00Z',
      '',
      'XX;CDG;BCN;830;K32;2026-11-23T18:30:00Z',
      'AF2000;CDG;BCN;830;K99;2026-11-23T18:30:00Z',
      '"AF2001";CDG;BCN;eight hundred;K32;2026-11-23T18:30:00Z',
      'AF2002;CDG;BCN;830;K32;tomorrow evening',
      'AF2003;CDG;BCN;830;K32',
      'AF1634;CDG;BCN;830;K34;2026-11-23T18:30:00Z',
    ].join('\n');
    const out = parseFlightList(csv, GATES);
    expect(out.flights.map((f) => f.number)).toEqual(['AF1634']);
    expect(out.errors.map((e) => e.line)).toEqual([4, 5, 6, 7, 8, 9]);
    expect(out.errors[0]!.message).toContain('a flight number looks like AF1234');
    expect(out.errors[1]!.message).toBe('gate K99 does not exist');
    expect(out.errors[2]!.message).toMatch(/^distanceKm: /);
    expect(out.errors[3]!.message).toContain('a time looks like 2026-11-23T18:45:00Z');
    expect(out.errors[4]!.message).toBe('5 values but 6 columns');
    expect(out.errors[5]!.message).toBe('AF1634 on 2026-11-23 is already on line 2');
  });

  it('counts lines inside quoted multi-line cells', () => {
    const csv =
      'number,origin,destination,destinationName,distanceKm,gate,scheduledDeparture\n' +
      'AF1,CDG,BCN,"Barcelona\nEl Prat",830,K32,2026-11-23T18:30:00Z\n' +
      'AF2,CDG,BCN,Barcelona,830,K77,2026-11-23T18:30:00Z\n';
    expect(parseFlightList(csv, GATES).errors).toEqual([{ line: 4, message: 'gate K77 does not exist' }]);
  });

  it('names unknown and missing columns on line 1', () => {
    const out = parseFlightList('flight,gate,departure\nAF1,K32,2026-11-23T18:30:00Z', GATES);
    expect(out.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('unknown column "flight", "departure"') });
    expect(out.errors[1]).toMatchObject({
      line: 1,
      message: expect.stringContaining('missing column number, origin, destination, distanceKm, scheduledDeparture'),
    });
    expect(parseFlightList('', GATES).errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('the file is empty') });
  });

  it('reads a JSON array and reports bad items by the line they start on', () => {
    const json = `[
  {"number": "AF1634", "origin": "CDG", "destination": "BCN", "distanceKm": 830,
   "gate": "K32", "scheduledDeparture": "2026-11-23T18:30:00Z"},
  {"number": "AF1635", "origin": "CDG", "destination": "BCN", "distanceKm": -3,
   "gate": "K32", "scheduledDeparture": "2026-11-23T18:30:00Z", "note": "{not, a [column"},
  "AF1636",
  {"number": "AF1637", "origin": "CDG", "destination": "BCN", "distanceKm": 830, "gate": "K32",
   "scheduledDeparture": "2026-11-23T18:30:00Z", "estimatedDeparture": "2026-11-23T17:00:00Z"}
]`;
    const out = parseFlightList(json, GATES);
    expect(out.format).toBe('json');
    expect(out.flights.map((f) => f.number)).toEqual(['AF1634']);
    expect(out.errors.map((e) => e.line)).toEqual([4, 6, 7]);
    expect(out.errors[0]!.message).toContain('distanceKm');
    expect(out.errors[0]!.message).toContain('note');
    expect(out.errors[1]!.message).toContain('each flight is an object');
    expect(out.errors[2]!.message).toBe('estimatedDeparture is before scheduledDeparture');
  });

  it('says where broken JSON breaks', () => {
    const out = parseFlightList('[\n  {"number": "AF1634",\n  "origin": CDG}\n]', GATES);
    expect(out.flights).toEqual([]);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.line).toBe(3);
    expect(out.errors[0]!.message).toBe('not valid JSON: unexpected character (text values need "double quotes")');
    expect(parseFlightList('{"flights": []}', GATES).errors[0]!.message).toContain('is an array of flights');
  });
});

describe('a flight without its distance', () => {
  it('is an error on its own line, never a flight of 0 km (CSV blank cell, JSON missing or null)', () => {
    const csv = [
      'number,origin,destination,distanceKm,gate,scheduledDeparture',
      'AF1634,CDG,BCN,830,K32,2026-11-23T18:30:00Z',
      'AF1012,CDG,MAD,,K34,2026-11-23T19:00:00Z',
      'AF1013,CDG,MAD,  ,K34,2026-11-23T19:00:00Z',
      'AF1014,CDG,MAD,0,K34,2026-11-23T19:00:00Z',
    ].join('\n');
    const out = parseFlightList(csv, GATES);
    expect(out.flights.map((f) => [f.number, f.distanceKm])).toEqual([['AF1634', 830]]);
    expect(out.errors).toEqual([
      { line: 3, message: "distanceKm: distanceKm is missing: give the flight's distance in kilometres, such as 830" },
      { line: 4, message: "distanceKm: distanceKm is missing: give the flight's distance in kilometres, such as 830" },
      { line: 5, message: "distanceKm: distanceKm is the flight's distance in kilometres: more than 0" },
    ]);
    const json = `[
  {"number": "AF1012", "origin": "CDG", "destination": "MAD", "gate": "K34", "scheduledDeparture": "2026-11-23T19:00:00Z"},
  {"number": "AF1013", "origin": "CDG", "destination": "MAD", "distanceKm": null, "gate": "K34", "scheduledDeparture": "2026-11-23T19:00:00Z"},
  {"number": "AF1014", "origin": "CDG", "destination": "MAD", "distanceKm": "1065", "gate": "K34", "scheduledDeparture": "2026-11-23T19:00:00Z"}
]`;
    const fromJson = parseFlightList(json, GATES);
    expect(fromJson.errors.map((e) => [e.line, e.message.includes('distanceKm is missing')])).toEqual([
      [2, true],
      [3, true],
    ]);
    expect(fromJson.flights.map((f) => [f.number, f.distanceKm])).toEqual([['AF1014', 1065]]);
  });
});
