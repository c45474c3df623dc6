import type { Socket } from 'socket.io-client';

/**
 * Moves each reconnection attempt of `socket` on to the next hub of `hubs()` (asked again at each
 * attempt, since the apps learn the list after they start), so a dead node costs one attempt.
 * `hubs()` starts with the address the socket first connected to.
 */
export function rotateAcrossHubs(socket: Socket, hubs: () => string[]): void {
  let at = 0;
  // socket.io keeps one manager per socket and opens each attempt at its `uri`; it has no public setter for it.
  const manager = socket.io as unknown as { uri: string };
  socket.io.on('reconnect_attempt', () => {
    const now = hubs();
    at = (at + 1) % now.length;
    manager.uri = now[at]!;
  });
}

/** The page's own hub first, then every other node it knows of. */
export function hubsFrom(own: string, listed: readonly string[]): string[] {
  return [own, ...listed.filter((u) => u !== own)];
}
