import { useState } from 'react';
import { useKioskTranslation } from './use-kiosk-translation.ts';
import { matchPass, parseBcbp, type BcbpLeg, type Flight, type HubState } from '../../core/plain.ts';

export interface ScannedPassenger {
  flight: Flight;
  /** As printed on the pass, in capitals. */
  surname: string;
  /** Check-in sequence printed on the pass ("0042" is 42): finds the passenger on the flight's list. */
  checkInSequence?: number;
}

type ScanError = { key: string; values?: Record<string, string>; date?: string; legs?: BcbpLeg[] };

// Unicode isolates keep "AF0084 SFO → CDG" left to right inside an Arabic sentence.
const isolate = (s: string) => `\u2068${s}\u2069`;

/** A pass's day in the passenger's language, e.g. "14 March" or "14. März" (no time zone shift: it is a date). */
function dayText(isoDay: string, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${isoDay}T12:00:00Z`));
}

function legsText(legs: readonly BcbpLeg[], language: string): string {
  const parts = legs.map((l) => isolate(`${l.flightNumber} ${l.from} → ${l.to}`));
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
}

/** Turns scanner text into this airport's flight and the surname, or a message the passenger can act on. */
export function usePassScan(state: HubState): {
  scanError: string | null;
  readPass: (text: string) => ScannedPassenger | null;
  clearScanError: () => void;
} {
  const { t, language } = useKioskTranslation();
  // Kept as key and values so the message follows a change of language.
  const [error, setScanError] = useState<ScanError | null>(null);
  const readPass = (text: string): ScannedPassenger | null => {
    const parsed = parseBcbp(text);
    if (!parsed.ok) {
      setScanError({ key: `scan.${parsed.code}` });
      return null;
    }
    const found = matchPass(state, parsed.pass, new Date().toISOString());
    if (!found.ok) {
      if (found.code === 'other_day') setScanError({ key: 'scan.other_day', values: { flight: found.leg.flightNumber }, date: found.date });
      else if (found.code === 'not_listed') {
        const { flightNumber: flight, from, to } = found.leg;
        setScanError({ key: 'scan.not_listed', values: { flight, from, to } });
      } else setScanError({ key: 'scan.no_leg_here', values: { airport: found.airport }, legs: found.legs });
      return null;
    }
    setScanError(null);
    const sequence = parseInt(found.leg.sequence, 10);
    return { flight: found.flight, surname: parsed.pass.surname, ...(sequence > 0 && sequence <= 99999 ? { checkInSequence: sequence } : {}) };
  };
  const scanError = error
    ? t(error.key, {
        ...error.values,
        ...(error.date ? { date: dayText(error.date, language) } : {}),
        ...(error.legs ? { legs: legsText(error.legs, language) } : {}),
      })
    : null;
  return { scanError, readPass, clearScanError: () => setScanError(null) };
}
