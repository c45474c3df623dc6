import type { Plugin } from 'vite';

/**
 * The sync client connects with `transports: ['websocket']` only (client/sync-client.ts), yet
 * engine.io-client's default transport table also pulls in HTTP long-polling and WebTransport.
 * This build plugin gives that table the WebSocket transport alone, so an app on a tight budget
 * (the kiosk) ships none of the code it never runs. Asking for another transport would fail
 * loudly ("No transports available"), never silently.
 */
export function websocketOnlyTransports(): Plugin {
  return {
    name: 'gatecare-websocket-only-transports',
    load(id) {
      if (!/[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/.test(id)) return null;
      // websocket.node.js is mapped to the browser's websocket.js by the package's "browser" field.
      return 'import { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS };\n';
    },
  };
}
