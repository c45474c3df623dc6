import type { Regime } from './airline-config.ts';

/**
 * Where EU 261/2004 applies as "Community" territory: the 27 member states plus Iceland, Norway
 * and Switzerland, which adopted the regulation. Outermost regions (Réunion, Canaries...) are EU
 * territory too, so Paris to Réunion is intra-EU, whether a feed codes it FR or RE.
 */
const EU261_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'NO', 'CH',
  'RE', 'GP', 'MQ', 'GF', 'YT', 'MF',
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

/** The laws that bind any carrier departing from this country, for an airline nobody configured. */
export function regimesForDeparture(originCountry: string | undefined): Regime[] {
  if (originCountry === undefined) return [];
  if (EU261_COUNTRIES.has(originCountry)) return ['eu261'];
  if (originCountry === 'GB') return ['uk261'];
  if (originCountry === 'CA') return ['appr'];
  return [];
}
