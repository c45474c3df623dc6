import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legAtThisAirport, parseBcbp, type Flight, type HubState } from '../../core/index.ts';

export interface ScannedPassenger {
  flight: Flight;
  /** As printed on the pass, in capitals. */
  surname: string;
}

/** Turns scanner text into this airport's flight and the surname, or a message the passenger can act on. */
export function usePassScan(state: HubState): {
  scanError: string | null;
  readPass: (text: string) => ScannedPassenger | null;
  clearScanError: () => void;
} {
  const { t } = useTranslation();
  // Kept as key and values so the message follows a change of language.
  const [error, setScanError] = useState<{ key: string; values?: Record<string, string> } | null>(null);
  const readPass = (text: string): ScannedPassenger | null => {
    const parsed = parseBcbp(text);
    if (!parsed.ok) {
      setScanError({ key: `scan.${parsed.code}` });
      return null;
    }
    const here = legAtThisAirport(state, parsed.pass, new Date().toISOString());
    if (!here) {
      setScanError({ key: 'scan.elsewhere', values: { flight: parsed.pass.legs[0]!.flightNumber } });
      return null;
    }
    setScanError(null);
    return { flight: here.flight, surname: parsed.pass.surname };
  };
  const scanError = error ? t(error.key, error.values) : null;
  return { scanError, readPass, clearScanError: () => setScanError(null) };
}
