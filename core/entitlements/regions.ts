import type { Regime } from './airline-config.ts';

/**
 * Where EU 261/2004 applies as "Community" territory: the 27 member states plus Iceland, Norway
 * and Switzerland, which adopted the regulation. Outermost regions (Réunion, Canaries...) are EU
 * territory too, so Paris to Réunion is intra-EU, whether a feed codes it FR or RE.
 */
const EU261_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'NO',
  'CH',
  'RE',
  'GP',
  'MQ',
  'GF',
  'YT',
  'MF',
]);

/** The regime's "home" territory: a long flight inside it gets care sooner (Art. 6(1)(b)). */
function home(regime: Regime, country: string): boolean {
  if (regime === 'eu261') return EU261_COUNTRIES.has(country);
  if (regime === 'uk261') return country === 'GB';
  return country === 'CA';
}

/** Both ends in the regime's territory; unknown countries count as outside, which never shortens a threshold. */
export function withinRegion(regime: Regime, origin: string | undefined, destination: string | undefined): boolean {
  return origin !== undefined && destination !== undefined && home(regime, origin) && home(regime, destination);
}

/** The laws that bind any carrier departing from this country. */
export function regimesForDeparture(originCountry: string | undefined): Regime[] {
  if (originCountry === undefined) return [];
  if (EU261_COUNTRIES.has(originCountry)) return ['eu261'];
  if (originCountry === 'GB') return ['uk261'];
  if (originCountry === 'CA') return ['appr'];
  return [];
}

/**
 * The laws that bind a flight whatever the airline configured, in a fixed order:
 * - EU 261 Art. 3(1)(a): every departure from the EU; Art. 3(1)(b): arrivals in the EU on a Community carrier;
 * - UK261: every departure from the UK; arrivals in the UK on a UK carrier;
 * - APPR s. 1: every flight to, from or within Canada, whoever operates it.
 * An unknown carrier country counts as neither EU nor UK, so only the departure's law (and APPR) binds.
 */
export function regimesByLaw(
  originCountry: string | undefined,
  destinationCountry: string | undefined,
  carrierCountry: string | undefined,
): Regime[] {
  const departure = new Set(regimesForDeparture(originCountry));
  const into = (home: (c: string) => boolean) =>
    destinationCountry !== undefined && carrierCountry !== undefined && home(destinationCountry) && home(carrierCountry);
  const eu = departure.has('eu261') || into((c) => EU261_COUNTRIES.has(c));
  const uk = departure.has('uk261') || into((c) => c === 'GB');
  const appr = departure.has('appr') || destinationCountry === 'CA';
  return [...(eu ? (['eu261'] as const) : []), ...(uk ? (['uk261'] as const) : []), ...(appr ? (['appr'] as const) : [])];
}
