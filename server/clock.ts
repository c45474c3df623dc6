/**
 * The hub's one clock, in epoch milliseconds. Everything on the hub that decides by time (acceptance
 * times, token and session expiry, lock-outs, rate limits, notice reveals, purges, look-ups, reports)
 * reads the clock `startHub` was given, so a test can move time for all of them at once.
 */
export type Clock = () => number;

/** The machine's wall clock: what a running hub uses unless a test gives it another. */
export const wallClock: Clock = () => Date.now();

/** The clock's reading as an ISO instant, the form operations and the reducer carry. */
export function isoNow(clock: Clock): string {
  return new Date(clock()).toISOString();
}
