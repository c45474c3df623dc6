/**
 * Every time a person reads, on any screen or in any file, is airport time: a tablet set to
 * another zone, or a kiosk whose zone was never configured, must not shift "meal from 12:04".
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}

/**
 * The last clock times written, by zone and instant: the duty manager's board writes the same
 * chart slots and card times again on every push, and each `format` costs far more than a look-up.
 * Emptied whole when full, so it never grows with a long shift.
 */
const clockTimes = new Map<string, string>();
const CLOCK_TIMES_KEPT = 2048;

/** 24-hour "14:32" in the airport's zone: staff screens, CSV and report. */
export function airportClock(iso: string, timeZone: string): string {
  // A UTC instant ("…T14:32:05.123Z") is kept by its minute: hours and minutes are all it shows, and
  // zones' offsets are whole minutes, so the board's "updated 14:32", written with a fresh instant on
  // every push, is formatted once a minute.
  const key = `${timeZone}|${iso.length === 24 && iso.endsWith('Z') ? iso.slice(0, 16) : iso}`;
  let text = clockTimes.get(key);
  if (text === undefined) {
    const f = cached(`clock|${timeZone}`, () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }));
    text = f.format(new Date(iso));
    if (clockTimes.size >= CLOCK_TIMES_KEPT) clockTimes.clear();
    clockTimes.set(key, text);
  }
  return text;
}

/** "1 Dec, 14:32" in the airport's zone, for logs and history. */
export function airportDateTime(iso: string, timeZone: string): string {
  const f = cached(
    `datetime|${timeZone}`,
    () => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  );
  return f.format(new Date(iso));
}

/** A clock time written the passenger's way (21:30, 9:30 PM, 21時30分), still in the airport's zone. */
export function airportClockIn(iso: string, timeZone: string, locale: string): string {
  const f = cached(`locale|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }));
  return f.format(new Date(iso));
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const f = cached(
    `parts|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

function asUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
}

/** Value for an <input type="datetime-local">: the airport's wall clock at that instant. */
export function airportInputValue(iso: string, timeZone: string): string {
  const w = wallClock(Date.parse(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant an airport wall-clock value ("2026-12-01T14:32") names, as an ISO string; null when
 * empty or unreadable.
 */
export function instantFromAirportInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const wanted = asUtc({ year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]! });
  if (Number.isNaN(wanted)) return null;
  // The zone's offsets a day either side cover any change of offset near this time; the right instant
  // is the one whose wall clock reads the value asked for.
  const offsetAt = (ms: number) => asUtc(wallClock(ms, timeZone)) - Math.floor(ms / 60_000) * 60_000;
  const candidates = [...new Set([-86_400_000, 0, 86_400_000].map((d) => wanted - offsetAt(wanted + d)))];
  const exact = candidates.filter((c) => asUtc(wallClock(c, timeZone)) === wanted);
  // A time read twice (clocks going back) is the first; a time that never happens (clocks going forward) the later.
  const instant = exact.length ? Math.min(...exact) : Math.max(...candidates);
  return new Date(instant).toISOString();
}
