export * from './airline-config.ts';
export * from './types.ts';
export * from './engine.ts';
export { careThresholdMinutes, distanceBand } from './distance-bands.ts';
export { regimesByLaw, regimesForDeparture, withinRegion } from './regions.ts';
export { departsNextDayOrLater, localDay } from './local-day.ts';
export * from './for-request.ts';
export * from './staff-summary.ts';
export * from './voucher-drafts.ts';
