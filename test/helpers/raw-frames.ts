import type { Socket } from 'socket.io-client';

let nextAckId = 900_000;

/**
 * Sends one socket.io event whose arguments are written as JSON text, as an attacker's script
 * would: the client's own encoder cannot even serialise what a hostile frame may hold (nesting
 * thousands deep). Resolves with the hub's acknowledgement (the first argument).
 */
export function emitRaw(socket: Socket, event: string, argsJson: string, ms = 5000): Promise<unknown> {
  const engine = socket.io.engine;
  const id = nextAckId++;
  // socket.io packets inside engine.io messages: 2 = event, 3 = acknowledgement, then the ack id.
  const prefix = `3${id}`;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      engine.off('packet', onPacket);
      reject(new Error(`no acknowledgement for ${event} within ${ms} ms`));
    }, ms);
    const onPacket = (p: { type: string; data?: unknown }): void => {
      if (p.type !== 'message' || typeof p.data !== 'string' || !p.data.startsWith(prefix) || p.data[prefix.length] !== '[') return;
      clearTimeout(timer);
      engine.off('packet', onPacket);
      resolve((JSON.parse(p.data.slice(prefix.length)) as unknown[])[0]);
    };
    engine.on('packet', onPacket);
    engine.send(`2${id}${JSON.stringify([event]).slice(0, -1)},${argsJson}]`);
  });
}

/** JSON text of an array nested `depth` deep: `[[[...]]]`. */
export function deepArrayJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** JSON text of an object nested `depth` deep: `{"a":{"a":...{}}}`. */
export function deepObjectJson(depth: number): string {
  return '{"a":'.repeat(depth) + '{}' + '}'.repeat(depth);
}
