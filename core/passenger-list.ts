import type { CareRequest, HubState } from './model.ts';

/*
 * A flight's passenger list as a departure-control system extracts it, and the pure questions
 * asked of it. No zod here (the schemas are in passenger-import.ts), so any device can read lists.
 */

export const CABINS = ['first', 'business', 'premium_economy', 'economy'] as const;
export type Cabin = (typeof CABINS)[number];

export interface ListedPassenger {
  surname: string;
  givenName: string;
  /** Booking reference (PNR); empty when the extract has none. */
  bookingRef: string;
  cabin: Cabin;
  /** Empty when no seat is assigned yet. */
  seat: string;
  /** Check-in sequence number, printed on the boarding pass: unique on a flight. */
  sequence: number;
  /** IATA special-service request codes, e.g. WCHR, UMNR, INFT. */
  ssr: string[];
}

export interface PassengerList {
  flightId: string;
  importedAt: string;
  importedBy: string;
  passengers: ListedPassenger[];
}

/**
 * Special-service codes that call for care before anyone asks (EU 261 Art. 11: reduced mobility,
 * unaccompanied children), grouped as staff count them. Other codes (meals, pets) are kept but
 * make no task.
 */
export const CARE_GROUPS = {
  wheelchair: ['WCHR', 'WCHS', 'WCHC', 'WCMP', 'WCOB', 'WCBD', 'WCBW', 'WCLB'],
  unaccompanied_minor: ['UMNR'],
  infant: ['INFT'],
  blind: ['BLND'],
  deaf: ['DEAF'],
  assistance: ['MAAS', 'DPNA', 'MEDA', 'STCR'],
} as const;
export type CareGroup = keyof typeof CARE_GROUPS;
export const CARE_GROUP_ORDER: readonly CareGroup[] = ['wheelchair', 'unaccompanied_minor', 'infant', 'blind', 'deaf', 'assistance'];

const GROUP_OF = new Map<string, CareGroup>(CARE_GROUP_ORDER.flatMap((g) => CARE_GROUPS[g].map((code) => [code, g] as [string, CareGroup])));

export function careGroupOf(code: string): CareGroup | undefined {
  return GROUP_OF.get(code);
}

const LABEL: Record<CareGroup, [string, string]> = {
  wheelchair: ['wheelchair passenger', 'wheelchair passengers'],
  unaccompanied_minor: ['unaccompanied minor', 'unaccompanied minors'],
  infant: ['infant', 'infants'],
  blind: ['blind passenger', 'blind passengers'],
  deaf: ['deaf passenger', 'deaf passengers'],
  assistance: ['passenger needing assistance', 'passengers needing assistance'],
};

export function careGroupLabel(group: CareGroup, count: number): string {
  return `${count} ${LABEL[group][count === 1 ? 0 : 1]}`;
}

/**
 * Names as a boarding pass prints them: capitals A–Z only (IATA strips accents, spaces and
 * hyphens), so "Müller-Lüdenscheidt" on the list is "MULLERLUDENSCHEIDT" on the pass.
 */
export function passName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

/** Passenger lists on this state (absent on states from before lists existed). */
export function passengerLists(state: Pick<HubState, 'passengerLists'>): Record<string, PassengerList> {
  return state.passengerLists ?? {};
}

/**
 * The listed passenger a request is for: same flight, same check-in sequence, and the surname
 * agrees (the pass's name field is 20 characters, so a long surname may be cut: a prefix of at
 * least 3 letters counts). Null when the request came without a pass or nobody matches.
 */
export function listedPassengerFor(
  lists: Readonly<Record<string, PassengerList>>,
  request: Pick<CareRequest, 'flightId' | 'surname' | 'checkInSequence'>,
): ListedPassenger | null {
  if (request.checkInSequence === undefined) return null;
  const list = lists[request.flightId];
  if (!list) return null;
  const typed = passName(request.surname);
  if (typed.length === 0) return null;
  const p = list.passengers.find((x) => x.sequence === request.checkInSequence);
  if (!p) return null;
  const listed = passName(p.surname);
  return listed === typed || (typed.length >= 3 && listed.startsWith(typed)) ? p : null;
}

const CABIN_LABEL: Record<Cabin, string> = { first: 'First', business: 'Business', premium_economy: 'Premium economy', economy: 'Economy' };

/** What staff read on a request's card about its listed passenger: "Business · seat 2C · WCHR". */
export function listedPassengerLine(p: ListedPassenger): string {
  return [CABIN_LABEL[p.cabin], p.seat ? `seat ${p.seat}` : '', p.ssr.join(' ')].filter((s) => s !== '').join(' · ');
}

/** One proactive task: a group of a flight's listed passengers who need care before they ask. */
export interface ProactiveTask {
  flightId: string;
  flightNumber: string;
  gate: string;
  group: CareGroup;
  passengers: { name: string; seat: string; sequence: number }[];
}

export interface FlightCareSummary {
  flightId: string;
  flightNumber: string;
  gate: string;
  /** e.g. "AF1634: 2 wheelchair passengers, 1 unaccompanied minor, 3 infants" */
  headline: string;
  tasks: ProactiveTask[];
}

/**
 * What staff at these gates should do before anyone asks: per listed flight still to leave, the
 * passengers whose special-service codes call for care, grouped, each with their seat.
 */
export function proactiveCare(state: Pick<HubState, 'passengerLists' | 'flights'>, gates: readonly string[], nowIso: string): FlightCareSummary[] {
  const watched = new Set(gates);
  const now = Date.parse(nowIso);
  const out: FlightCareSummary[] = [];
  for (const list of Object.values(passengerLists(state))) {
    const flight = state.flights[list.flightId];
    if (!flight || !watched.has(flight.gate)) continue;
    if (Math.max(Date.parse(flight.estimatedDeparture), Date.parse(flight.scheduledDeparture)) < now) continue;
    const byGroup = new Map<CareGroup, ProactiveTask['passengers']>();
    for (const p of list.passengers) {
      const groups = new Set(p.ssr.map(careGroupOf).filter((g): g is CareGroup => g !== undefined));
      for (const g of groups) {
        const entry = { name: `${p.surname}${p.givenName ? `, ${p.givenName}` : ''}`, seat: p.seat, sequence: p.sequence };
        byGroup.set(g, [...(byGroup.get(g) ?? []), entry]);
      }
    }
    const tasks = CARE_GROUP_ORDER.filter((g) => byGroup.has(g)).map((group) => ({
      flightId: flight.id,
      flightNumber: flight.number,
      gate: flight.gate,
      group,
      passengers: byGroup.get(group)!.sort((a, b) => a.sequence - b.sequence),
    }));
    if (tasks.length === 0) continue;
    out.push({
      flightId: flight.id,
      flightNumber: flight.number,
      gate: flight.gate,
      headline: `${flight.number}: ${tasks.map((t) => careGroupLabel(t.group, t.passengers.length)).join(', ')}`,
      tasks,
    });
  }
  return out.sort(
    (a, b) =>
      Date.parse(state.flights[a.flightId]!.estimatedDeparture) - Date.parse(state.flights[b.flightId]!.estimatedDeparture) ||
      a.flightId.localeCompare(b.flightId),
  );
}
