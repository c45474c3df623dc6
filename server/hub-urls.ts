import type { FastifyInstance } from 'fastify';

/**
 * Reads GATECARE_HUB_URLS: the addresses devices reach each node of this airport at (comma-separated,
 * http or https). Devices learn them from /api/hubs and move to another node when theirs dies.
 */
export function parseHubUrls(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((entry) => {
    const text = entry.trim();
    let u: URL;
    try {
      u = new URL(text);
    } catch {
      throw new Error(`GATECARE_HUB_URLS: "${text}" is not an address (write http://host:port or https://host)`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`GATECARE_HUB_URLS: "${text}" must start with http:// or https://`);
    if (u.pathname !== '/' || u.search || u.hash) throw new Error(`GATECARE_HUB_URLS: "${text}" must be a bare address, without a path`);
    return u.origin;
  });
}

/** What a page served by this hub may also open sockets to: every node, over http(s) and ws(s). */
export function hubConnectSources(urls: readonly string[]): string[] {
  return urls.flatMap((u) => [u, u.replace(/^http/, 'ws')]);
}

/** `GET /api/hubs`: every node's address (empty for one hub alone), read by the apps at start and kept for when this node is gone. */
export function registerHubUrlsRoute(app: FastifyInstance, urls: readonly string[]): void {
  app.get('/api/hubs', async () => ({ urls }));
}
