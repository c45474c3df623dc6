import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * Gives socket.io-client the text-only packet parser (client/text-socket-parser.ts) instead of
 * socket.io-parser, which it imports whatever parser a socket is given: the kiosk's budget.
 */
export function textOnlySocketParser(): Plugin {
  const parser = fileURLToPath(new URL('./text-socket-parser.ts', import.meta.url));
  return {
    name: 'gatecare-text-only-socket-parser',
    enforce: 'pre',
    resolveId(source) {
      return source === 'socket.io-parser' ? parser : null;
    },
  };
}
