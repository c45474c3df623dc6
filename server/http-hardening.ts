import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { hubConnectSources } from './hub-urls.ts';
import type { HubLimits } from './limits.ts';

/** Never logged, whatever a future log line includes: credentials and request bodies (PINs, names). */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'req.query', 'res.headers["set-cookie"]'];

/**
 * Pino options for the hub: requests are logged by method and path only (a query string
 * can carry anything a client puts there), never headers or bodies.
 */
export function loggerOptions(stream?: NodeJS.WritableStream): Record<string, unknown> {
  return {
    redact: LOG_REDACT,
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, path: req.url.split('?')[0], remoteAddress: req.ip }),
    },
    ...(stream ? { stream } : {}),
  };
}

/** Routes where a wrong guess costs a PIN attempt: limited per address on top of the per-staff throttle. */
const SIGN_IN_ROUTES = new Set(['/api/login', '/api/kiosks/enroll']);

/**
 * Security headers for every response and rate limits for the REST API. Register before any route.
 * The CSP allows only this origin: the built apps load their own scripts and styles, socket.io
 * talks to the same host (CSP 'self' covers ws: there), QR codes are data: images.
 */
export async function registerHttpHardening(app: FastifyInstance, limits: HubLimits, otherHubs: readonly string[] = []): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // The other nodes of a cluster (GATECARE_HUB_URLS): a device moves its socket there when this node dies.
        connectSrc: ["'self'", ...hubConnectSources(otherHubs)],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // The hub is served over plain HTTP on the airport LAN: upgrading would break every device.
        upgradeInsecureRequests: null,
      },
    },
    // Same reason: HSTS over plain HTTP is meaningless, and harmful if the hub is ever reached over HTTPS once.
    strictTransportSecurity: false,
  });

  app.addHook('onRoute', (route) => {
    if (SIGN_IN_ROUTES.has(route.url)) {
      route.config = { ...(route.config as object), rateLimit: { max: limits.signInPerMinute, timeWindow: 60_000 } };
    }
  });
  await app.register(rateLimit, {
    max: limits.restPerMinute,
    timeWindow: 60_000,
    // Static files (the apps themselves) are not the API; the service worker caches them anyway.
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: `too many requests from this address: try again in ${ctx.after}`,
      message: `too many requests from this address: try again in ${ctx.after}`,
    }),
  });
}
