const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f;
}

/** The calendar day (YYYY-MM-DD) an instant falls on at the airport. */
export function localDay(iso: string, timeZone: string): string {
  return dayFormat(timeZone).format(new Date(iso));
}

/** Local calendar days from the scheduled to the new departure: 0 the same day, 1 the next... */
export function localDaysBetween(scheduledIso: string, newIso: string, timeZone: string): number {
  const days = (Date.parse(localDay(newIso, timeZone)) - Date.parse(localDay(scheduledIso, timeZone))) / 86_400_000;
  return Math.max(0, Math.round(days));
}

/** EU 261 Art. 6(1)(ii): the new departure is "at least the day after" the one first announced. */
export function departsNextDayOrLater(scheduledIso: string, newIso: string, timeZone: string): boolean {
  return localDaysBetween(scheduledIso, newIso, timeZone) > 0;
}
