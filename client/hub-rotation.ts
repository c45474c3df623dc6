import type { Socket } from 'socket.io-client';

/**
 * The first reconnection attempt after a lost connection comes this soon (socket.io's randomisation
 * spreads it over half to one and a half times this), so a killed node's devices are back on another
 * within a fraction of a second, yet not all in the same millisecond. Later attempts keep the usual delays.
 */
export const FIRST_RETRY_MS = 250;

/**
 * Moves each reconnection attempt of `socket` on to another hub of `hubs()` (asked again at each
 * attempt, since the apps learn the list after they start), preferring one not known to have failed,
 * so a dead node costs no attempt once it is known dead. `hubs()` starts with the address the socket
 * first connected to. After a lost connection the first attempt is made at once (FIRST_RETRY_MS), then
 * socket.io's own delays (`reconnectionDelay` doubling up to `reconnectionDelayMax`) take over.
 */
export function rotateAcrossHubs(socket: Socket, hubs: () => string[], firstRetryMs = FIRST_RETRY_MS): void {
  // socket.io keeps one manager per socket and opens each attempt at its `uri`; it has no public setter for it.
  const manager = socket.io as unknown as { uri: string };
  const usual = socket.io.reconnectionDelay();
  const failed = new FailedHubs();
  socket.on('disconnect', (reason) => {
    // Ours or the hub's own decision (a stop, a revoked session): socket.io does not reconnect then.
    if (reason === 'io client disconnect' || reason === 'io server disconnect') return;
    failed.mark(manager.uri);
    // Said before socket.io schedules the attempt (its 'disconnect' comes first), so it waits this little.
    socket.io.reconnectionDelay(Math.min(firstRetryMs, usual));
  });
  socket.io.on('reconnect_attempt', () => {
    // socket.io doubles the delay at each attempt: half the usual from here makes the second one the usual.
    socket.io.reconnectionDelay(usual / 2);
    manager.uri = failed.next(hubs(), manager.uri);
  });
  socket.io.on('reconnect_error', () => failed.mark(manager.uri));
  socket.on('connect', () => failed.forget(manager.uri));
}

/** Hubs this device could not reach, and when: the next attempt goes to one that has not failed, or failed longest ago. */
class FailedHubs {
  private readonly at = new Map<string, number>();
  private count = 0;

  mark(url: string): void {
    // An order rather than a clock: two failures in the same millisecond still have a "longest ago".
    this.at.set(url, ++this.count);
  }

  forget(url: string): void {
    this.at.delete(url);
  }

  /** The hub after `current` in `hubs` order that failed least recently (never is best). */
  next(hubs: string[], current: string): string {
    if (!hubs.length) return current;
    const from = hubs.indexOf(current);
    let best = current;
    let bestAt = Infinity;
    for (let k = 1; k <= hubs.length; k++) {
      const url = hubs[(from + k) % hubs.length]!;
      const at = this.at.get(url) ?? 0;
      if (at < bestAt) {
        best = url;
        bestAt = at;
      }
    }
    return best;
  }
}

/** The page's own hub first, then every other node it knows of. */
export function hubsFrom(own: string, listed: readonly string[]): string[] {
  return [own, ...listed.filter((u) => u !== own)];
}
