import type { Words } from './hotel-sentences.ts';

/** Hours as a passenger reads them: 2, 3, 1.5. */
export const readableHours = (h: number) => Math.round(h * 10) / 10;

/**
 * The sentence of one thing a passenger is owed (core's entitlement rules), from its catalog key and values,
 * the same on the kiosk and the phone: a threshold in hours is rounded as a passenger reads it.
 */
export function entitlementSentence(messageKey: string, params: Record<string, string | number>, t: Words): string {
  const values = { ...params };
  if (typeof params.thresholdHours === 'number') values.thresholdHours = readableHours(params.thresholdHours);
  return t(messageKey, values);
}
