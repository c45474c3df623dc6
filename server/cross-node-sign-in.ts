import type { FastifyInstance } from 'fastify';

/** Where a device signs in or enrols: a page served by one node posts here when its own node is gone. */
const CROSS_NODE_ROUTES = ['/api/login', '/api/kiosks/enroll'];

/**
 * Lets a page served by another node of this airport (an address of GATECARE_HUB_URLS) sign in and
 * enrol here (CORS for those two routes only, and only for those origins): the page's own node may
 * have died. Every other origin gets no CORS header, so browsers keep refusing it as before.
 */
export function allowSignInFromOtherNodes(app: FastifyInstance, hubUrls: readonly string[]): void {
  if (hubUrls.length === 0) return;
  const allowed = new Set(hubUrls);
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin) || !CROSS_NODE_ROUTES.includes(req.url.split('?')[0]!)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'origin');
  });
  for (const url of CROSS_NODE_ROUTES) {
    app.options(url, async (req, reply) => {
      const origin = req.headers.origin;
      if (origin === undefined || !allowed.has(origin)) return reply.code(403).send({ error: 'this origin is not a node of this airport' });
      return reply
        .code(204)
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '600')
        .send();
    });
  }
}
