import { describe, expect, it } from 'vitest';
import { listedPassengerFor, listedPassengerLine, proactiveCare, viewOf, type HubState, type ListedPassenger } from '../../core/index.ts';
import { parsePassengerList } from '../../core/passenger-import.ts';
import { purgeEntry, purgedRecords } from '../../core/purge-log.ts';
import { flightHoldsPersonalData, flightsDueForPurge } from '../../core/personal-data.ts';
import { storedOpProblem } from '../../core/stored-op.ts';
import { demoState } from '../helpers/demo-state.ts';
import { accepted, by, MANAGER, NOW, run, withRequest } from '../helpers/core-fixtures.ts';
import { AMIRA, createRequest, KIOSK, op, SYSTEM } from '../helpers/ops.ts';
import { passengerListCsv } from '../helpers/passenger-list-csv.ts';

const CSV = passengerListCsv(
  'Moreau,Anne,xk4p2q,Y,23A,42,',
  'Müller-Lüdenscheidt,Jonas,K7QX2A,J,02C,7,WCHR',
  'Dubois,Léa,K7QX2A,Y,31F,88,UMNR',
  'Rossi,Marco,ABC123,y,14B,12,WCHC INFT',
  'Nguyen,Linh,ABC124,economy,14C,13,INFT;VGML',
);

function listed(state: HubState, passengers: ListedPassenger[], flightId = flightIdOf(state, 'AF1634')): HubState {
  return accepted(state, by(MANAGER, { type: 'passengers.import', payload: { flightId, passengers } }));
}

function flightIdOf(state: HubState, number: string): string {
  return Object.values(state.flights).find((f) => f.number === number)!.id;
}

describe('reading a passenger list', () => {
  it('reads a departure-control CSV: cabins by letter or word, seats, sequences and special-service codes', () => {
    const out = parsePassengerList(CSV);
    expect(out.errors).toEqual([]);
    expect(out.passengers).toHaveLength(5);
    expect(out.passengers[0]).toEqual({
      surname: 'Moreau',
      givenName: 'Anne',
      bookingRef: 'XK4P2Q',
      cabin: 'economy',
      seat: '23A',
      sequence: 42,
      ssr: [],
    });
    expect(out.passengers[1]).toMatchObject({ cabin: 'business', seat: '2C', ssr: ['WCHR'] });
    expect(out.passengers[3]!.ssr).toEqual(['WCHC', 'INFT']);
    expect(out.passengers[4]).toMatchObject({ cabin: 'economy', ssr: ['INFT', 'VGML'] });
  });

  it('reads the same list as JSON', () => {
    const json = `[
  {"surname": "Moreau", "cabin": "Y", "sequence": 42, "ssr": ["wchr"]},
  {"surname": "Dubois", "cabin": "business", "seat": "3A", "sequence": "43"}
]`;
    const out = parsePassengerList(json);
    expect(out.format).toBe('json');
    expect(out.errors).toEqual([]);
    expect(out.passengers.map((p) => [p.surname, p.cabin, p.sequence, p.ssr])).toEqual([
      ['Moreau', 'economy', 42, ['WCHR']],
      ['Dubois', 'business', 43, []],
    ]);
  });

  it('names every bad line with its number, so the list can be fixed before anything is imported', () => {
    const csv = [
      'surname;cabin;sequence;seat;ssr',
      'Moreau;Y;42;23A;',
      ';Y;43;;',
      'Dubois;Z;44;;',
      'Rossi;Y;forty;;',
      'Nguyen;Y;42;;',
      'Haddad;Y;45;23A;',
      'Walker;Y;46;;WHEELCHAIR',
      '',
      'Martin;Y',
    ].join('\n');
    const out = parsePassengerList(csv);
    expect(out.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 10]);
    expect(out.errors[0]!.message).toContain('surname is required');
    expect(out.errors[1]!.message).toContain('cabin is F, C (or J), W or Y');
    expect(out.errors[2]!.message).toContain('sequence is the check-in sequence number');
    expect(out.errors[3]!.message).toBe('check-in sequence 42 is already on line 2');
    expect(out.errors[4]!.message).toBe('seat 23A is already taken on line 2');
    expect(out.errors[5]!.message).toContain('a special-service code is four letters');
    expect(out.errors[6]!.message).toBe('2 values but 5 columns');
  });

  it('refuses an empty file, a file without the required columns and JSON that is not a list', () => {
    expect(parsePassengerList('surname,cabin,sequence\n').errors).toEqual([{ line: 1, message: 'no passenger in the file' }]);
    expect(parsePassengerList('surname,seat\nMoreau,1A').errors[0]!.message).toBe('missing column cabin, sequence');
    expect(parsePassengerList('{"surname": "Moreau"}').errors[0]!.message).toContain('array of passengers');
    expect(parsePassengerList('[{"surname": "Moreau", "cabin": "Y", "sequence": 1,}]').errors[0]!.message).toContain('not valid JSON');
  });
});

describe('passengers.import', () => {
  const passengers = parsePassengerList(CSV).passengers;

  it('only a duty manager (or the hub) imports a list, for a known flight', () => {
    const s = demoState(new Date(NOW));
    const flightId = flightIdOf(s, 'AF1634');
    const agent = run(s, op(AMIRA, { type: 'passengers.import', payload: { flightId, passengers } }, NOW));
    expect(agent).toMatchObject({ ok: false, code: 'forbidden' });
    const kiosk = run(s, op(KIOSK, { type: 'passengers.import', payload: { flightId, passengers } }, NOW));
    expect(kiosk).toMatchObject({ ok: false, code: 'forbidden' });
    expect(run(s, by(MANAGER, { type: 'passengers.import', payload: { flightId: 'XX0001-2026-11-23', passengers } }))).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(run(s, op(SYSTEM, { type: 'passengers.import', payload: { flightId, passengers } }, NOW)).ok).toBe(true);
  });

  it('a new list replaces the old one whole; an empty one withdraws it', () => {
    const s = demoState(new Date(NOW));
    const flightId = flightIdOf(s, 'AF1634');
    const first = listed(s, passengers);
    const second = listed(first, passengers.slice(0, 1));
    expect(second.passengerLists![flightId]!.passengers.map((p) => p.surname)).toEqual(['Moreau']);
    expect(second.passengerLists![flightId]!.importedBy).toBe('M201');
    expect(listed(second, []).passengerLists).not.toHaveProperty(flightId);
  });

  it('kiosks never hold a passenger list; staff do', () => {
    const s = listed(demoState(new Date(NOW)), passengers);
    expect(viewOf(s, { kind: 'kiosk', device: KIOSK.id, gate: 'K32' }).passengerLists).toBeUndefined();
    const staff = viewOf(s, { kind: 'staff', id: 'A101', role: 'agent', gates: ['K32'] });
    expect(Object.values(staff.passengerLists!)).toHaveLength(1);
  });
});

describe('what the list tells staff and the kiosk', () => {
  const passengers = parsePassengerList(CSV).passengers;

  it('staff at the gate see the passengers needing care before anyone asks, each with seat', () => {
    const s = listed(demoState(new Date(NOW)), passengers);
    const [summary, ...others] = proactiveCare(s, ['K32', 'K33'], NOW);
    expect(others).toEqual([]);
    expect(summary!.headline).toBe('AF1634: 2 wheelchair passengers, 1 unaccompanied minor, 2 infants');
    expect(summary!.tasks[0]!.passengers).toEqual([
      { name: 'Müller-Lüdenscheidt, Jonas', seat: '2C', sequence: 7 },
      { name: 'Rossi, Marco', seat: '14B', sequence: 12 },
    ]);
    expect(proactiveCare(s, ['K41'], NOW)).toEqual([]);
  });

  it('a flight that has left makes no more tasks', () => {
    const s = listed(demoState(new Date(NOW)), passengers);
    expect(proactiveCare(s, ['K32'], '2026-11-24T18:00:00.000Z')).toEqual([]);
  });

  it('a request from a scanned pass finds its passenger by surname and check-in sequence, as the pass spells it', () => {
    const base = listed(demoState(new Date(NOW)), passengers);
    const { state, id } = withRequest({ surname: 'MULLERLUDENSCH', checkInSequence: 7 }, base);
    expect(state.requests[id]!.checkInSequence).toBe(7);
    const found = listedPassengerFor(state.passengerLists!, state.requests[id]!);
    expect(found).toMatchObject({ cabin: 'business', seat: '2C', ssr: ['WCHR'] });
    expect(listedPassengerLine(found!)).toBe('Business · seat 2C · WCHR');
    // The same sequence with another name, or a typed request without a pass, matches nobody.
    const other = withRequest({ surname: 'Martin', checkInSequence: 7 }, base);
    expect(listedPassengerFor(other.state.passengerLists!, other.state.requests[other.id]!)).toBeNull();
    const typed = withRequest({ surname: 'Moreau' }, base);
    expect(listedPassengerFor(typed.state.passengerLists!, typed.state.requests[typed.id]!)).toBeNull();
  });
});

describe('the purge takes passenger lists too', () => {
  it('a listed flight holds personal data until its purge, which removes the list and blanks it in the log', () => {
    const s0 = demoState(new Date(NOW));
    const flightId = flightIdOf(s0, 'AF1634');
    const importOp = by(MANAGER, { type: 'passengers.import', payload: { flightId, passengers: parsePassengerList(CSV).passengers } });
    const s = accepted(s0, importOp);
    expect(flightHoldsPersonalData(s, flightId)).toBe(true);
    const later = '2026-11-25T12:00:00.000Z';
    expect(flightsDueForPurge(s, Date.parse(later), 24)).toContain(flightId);
    const purged = accepted(s, op(SYSTEM, { type: 'passengers.purge', payload: { flightId } }, later), later);
    expect(purged.passengerLists).not.toHaveProperty(flightId);
    expect(flightHoldsPersonalData(purged, flightId)).toBe(false);
    const entry = purgeEntry({ seq: 5, at: NOW, op: importOp }, purgedRecords(purged, [flightId]));
    expect(JSON.stringify(entry)).not.toContain('Moreau');
    // Sequences and cabins stay (a whole-flight issue replays on them), names go.
    const blanked = entry.op.type === 'passengers.import' ? entry.op.payload.passengers : [];
    expect(blanked.length).toBe(parsePassengerList(CSV).passengers.length);
    expect(blanked.every((p) => p.surname === '' && p.givenName === '')).toBe(true);
    // Booking references become stand-ins: who travelled together stays (one taxi per booking), the reference goes.
    expect(JSON.stringify(entry)).not.toContain('XK4P2Q');
    expect(blanked.every((p) => /^(B\d{4})?$/.test(p.bookingRef))).toBe(true);
    expect(storedOpProblem(entry.op)).toBeNull();
  });

  it('a request without a pass keeps working as before', () => {
    const s = demoState(new Date(NOW));
    const out = run(s, op(KIOSK, createRequest(), NOW));
    expect(out.ok).toBe(true);
  });
});

describe('hostile files', () => {
  it('a JSON file nested thousands deep is refused by line, for passenger and flight lists alike', async () => {
    const { parseFlightList } = await import('../../core/flight-import.ts');
    const nested = '\n[' + '['.repeat(20000) + ']'.repeat(20000) + ']';
    expect(parsePassengerList(nested).errors).toEqual([{ line: 2, message: 'nested too deeply: a passenger is one flat object' }]);
    expect(parseFlightList(nested, ['K32']).errors[0]!.message).toBe('nested too deeply: a flight is one flat object');
    // Brackets inside text values are text.
    expect(parsePassengerList(`[{"surname": "${'['.repeat(40)}", "cabin": "Y", "sequence": 1}]`).passengers[0]!.surname).toBe('['.repeat(40));
  });
});
