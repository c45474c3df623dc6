import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'socket.io';
import { viewOf, type Viewer } from '../core/index.ts';
import type { HubConfig } from './config.ts';
import { Hub } from './hub.ts';
import { Store } from './store.ts';
import type { HubStore } from './hub-store.ts';
import { PgStore } from './pg/pg-store.ts';
import { TokenSigner } from './tokens.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerKioskEnrollment } from './kiosk-enrollment.ts';
import { registerOutletRoutes } from './outlet-routes.ts';
import { OutletTokenSigner } from './outlet-tokens.ts';
import { registerHotelDeskRoutes } from './hotel-desk-routes.ts';
import { registerOfflineOutletRoutes } from './offline-outlet-routes.ts';
import { KioskTokenSigner } from './kiosk-tokens.ts';
import { PinGuard } from './pin-check.ts';
import { DEFAULT_LIMITS, type HubLimits } from './limits.ts';
import { loggerOptions, registerHttpHardening } from './http-hardening.ts';
import { attachSockets, disconnectWhere } from './sockets.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { startNoticeReveals, type NoticeReveals } from './notice-reveals.ts';
import { wallClock } from './clock.ts';
import { registerManagerRoutes } from './manager-routes.ts';
import { registerPassengerListRoutes } from './passenger-list-routes.ts';
import { startPurgeTimer, type PurgeTimer } from './purge-timer.ts';
import { startAutoTopUp } from './auto-top-up.ts';
import { DEFAULT_AIRPORT, DEFAULT_PURGE_HOURS } from './config.ts';
import { attachPhoneSockets, DEFAULT_PHONE_LIMITS, type PhoneLimits } from './phone-sockets.ts';
import { PhoneCapabilities } from './phone-capability.ts';
import { loadSharedVapidKeys, loadVapidKeys } from './push-keys.ts';
import { sharedPushSubscriptions } from './pg/pg-push-subscriptions.ts';
import { PushSubscriptions } from './push-subscriptions.ts';
import { attachPhonePush } from './phone-push.ts';
import { Revocations } from './revocations.ts';
import { registerStaffAdminRoutes } from './staff-admin-routes.ts';
import { registerHealthRoute } from './health-route.ts';
import { registerHubUrlsRoute } from './hub-urls.ts';
import { allowSignInFromOtherNodes } from './cross-node-sign-in.ts';
import { clientAddress, proxyTrust } from './client-address.ts';
import type { IncomingMessage } from 'node:http';

export interface RunningHub {
  app: FastifyInstance;
  hub: Hub;
  io: Server;
  store: HubStore;
  /** Blanks passenger personal data of closed flights; ticks every minute by itself. */
  purge: PurgeTimer;
  /** Web Push subscriptions of passengers' phones (server/push-subscriptions.ts). */
  pushSubscriptions: PushSubscriptions;
  /** Reveals notices to kiosks when their lead is over by the hub's clock; `tick()` looks now. */
  reveals: NoticeReveals;
  /** Issues outlet tokens: the demo start prints a link for each demo outlet. */
  outletTokens: OutletTokenSigner;
  url: string;
  close(): Promise<void>;
}

const LANDING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>GateCare</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body style="font-family:system-ui;max-width:40rem;margin:3rem auto;line-height:1.5">
<h1>GateCare hub</h1><ul>
<li><a href="/kiosk/?gate=K32">Passenger kiosk at gate K32</a> (a duty manager enrols it once)</li>
<li><a href="/staff/">Staff tablet and duty manager view</a></li>
<li><a href="/outlet/">Outlet (café, restaurant, hotel desk…)</a> (a duty manager enrols it once)</li>
<li>Passenger phones open <code>/p/#…</code> from the QR code on their kiosk ticket</li>
<li><a href="/api/health">Hub health</a></li></ul></body></html>`;

function serveApp(app: FastifyInstance, distDir: string, name: 'kiosk' | 'staff' | 'p' | 'outlet', decorate: boolean, folder: string = name): void {
  const root = join(distDir, folder);
  if (!existsSync(join(root, 'index.html'))) {
    app.get(`/${name}/*`, async (_req, reply) =>
      reply.code(503).type('text/plain').send(`The ${name} app is not built yet: run "npm run build" (npm start does it for you).`),
    );
    return;
  }
  app.register(fastifyStatic, { root, prefix: `/${name}/`, decorateReply: decorate, wildcard: false });
  // Single-page app: unknown paths under the prefix get the shell.
  app.get(`/${name}/*`, async (_req, reply) => reply.sendFile('index.html', root));
}

export interface StartOptions {
  log?: boolean;
  /** Where logs go when `log` is on (default stdout). */
  logStream?: NodeJS.WritableStream;
  /** The hub's one clock (server/clock.ts), epoch ms; tests move it to expire tokens, reveal notices, purge. */
  now?: () => number;
  limits?: Partial<HubLimits>;
  /** How long closing may wait for a failing disk before giving up on unwritten operations (default 10 s). */
  shutdownMs?: number;
  /** How often the purge timer looks for closed flights (default every minute). */
  purgeEveryMs?: number;
  /** Overrides of the phone links' rate limits (server/phone-sockets.ts). */
  phoneLimits?: Partial<PhoneLimits>;
  /** Lets phones subscribe plain-http push endpoints (tests' local endpoint); real push services are https. */
  pushAllowHttp?: boolean;
}

export async function startHub(config: HubConfig, opts: StartOptions = {}): Promise<RunningHub> {
  const now = opts.now ?? wallClock;
  const limits: HubLimits = { ...DEFAULT_LIMITS, ...config.limits, ...opts.limits };
  const store: HubStore = config.databaseUrl
    ? await PgStore.open(config.databaseUrl, config.airport ?? DEFAULT_AIRPORT)
    : await Store.open(config.dataDir);
  const seeded = config.seedDemo ? await seedDemoIfEmpty(store, now, { lists: config.seedDemoLists === true }) : false;
  const hub = new Hub(store, now);
  if (seeded) await seeded(hub);
  const revocations = new Revocations(store);
  const tokens = new TokenSigner(store.data.secret, now, (id, exp) => revocations.staffRevoked(id, exp));
  const kioskTokens = new KioskTokenSigner(store.data.secret, now, (device, exp) => revocations.kioskRevoked(device, exp));
  const guard = new PinGuard(now);

  const trust = proxyTrust(config.trustedProxies ?? []);
  const app = Fastify({
    logger: opts.log ? loggerOptions(opts.logStream) : false,
    // req.ip, and so every per-address REST limit, is the device behind a trusted balancer, never a header from anyone else.
    trustProxy: trust ?? false,
    bodyLimit: limits.maxBodyBytes,
    // Plugins only wire routes; a busy machine (a night's surge, or CI) must not fail the start on avvio's 10 s default.
    pluginTimeout: 120_000,
  });
  await registerHttpHardening(app, limits, config.hubUrls);
  registerHubUrlsRoute(app, config.hubUrls ?? []);
  allowSignInFromOtherNodes(app, config.hubUrls ?? []);
  app.setErrorHandler((err: { statusCode?: number; message?: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    reply.code(status).send({ error: status === 500 ? 'the hub hit an internal error' : err.message });
  });

  app.get('/', async (_req, reply) => reply.type('text/html').send(LANDING));
  registerHealthRoute(app, hub, store, now);
  registerAuthRoutes(app, hub, store, tokens, guard);
  registerKioskEnrollment(app, hub, store, guard, kioskTokens);
  const outletTokens = new OutletTokenSigner(store.data.secret, now);
  registerOutletRoutes(app, hub, store, guard, outletTokens, now);
  registerHotelDeskRoutes(app, hub, outletTokens, now);
  registerOfflineOutletRoutes(app, hub, outletTokens, now);
  registerManagerRoutes(app, hub, tokens, now);
  registerPassengerListRoutes(app, hub, tokens, now);
  app.get('/api/snapshot', async (req, reply) => {
    const claims = tokens.verify((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const member = claims ? hub.current.staff[claims.sub] : undefined;
    if (!claims || !member) return reply.code(401).send({ error: 'sign in to read the snapshot' });
    const viewer: Viewer = { kind: 'staff', id: member.id, role: member.role, gates: member.gates };
    // Only what is on disk: a crash can never take back what a device was shown.
    return { v: 1, seq: hub.durableSeq, state: viewOf(hub.durableState, viewer) };
  });

  if (config.distDir) {
    serveApp(app, config.distDir, 'kiosk', true);
    serveApp(app, config.distDir, 'staff', false);
    serveApp(app, config.distDir, 'p', false, 'phone');
    serveApp(app, config.distDir, 'outlet', false);
  }

  const addressOf = (req: IncomingMessage): string => clientAddress(req, trust);
  const io = attachSockets(app, hub, { tokens, kioskTokens, limits, now, addressOf });
  // On PostgreSQL every node of the airport signs with the same keys and sees every subscription.
  const vapid = store instanceof PgStore ? await loadSharedVapidKeys(store) : await loadVapidKeys(config.dataDir);
  const pushSubscriptions = store instanceof PgStore ? await sharedPushSubscriptions(store) : await PushSubscriptions.open(config.dataDir);
  const push = { allowHttp: opts.pushAllowHttp ?? false, subject: 'mailto:care@gatecare.invalid' };
  attachPhonePush(hub, pushSubscriptions, vapid, push);
  attachPhoneSockets(io, {
    addressOf,
    push: { subscriptions: pushSubscriptions, publicKey: vapid.publicKey, allowHttp: push.allowHttp },
    hub,
    capabilities: new PhoneCapabilities(store.data.secret),
    limits: { ...DEFAULT_PHONE_LIMITS, ...opts.phoneLimits },
    now,
    publicUrl: config.publicUrl ?? null,
  });
  registerStaffAdminRoutes(app, hub, tokens, guard, revocations, io, now);
  // Revoked on another node: its sockets here close as soon as this node reads the revocation.
  store.shared?.onRevocations(() => disconnectWhere(io, (who, exp) => revocations.identityRevoked(who, exp)));
  const reveals = startNoticeReveals(hub, now);
  app.addHook('preClose', async () => reveals.stop());
  const purge = startPurgeTimer(hub, config.purgeAfterHours ?? DEFAULT_PURGE_HOURS, opts.purgeEveryMs ?? 60_000, now);
  app.addHook('preClose', async () => purge.stop());
  const topUps = startAutoTopUp(hub, now);
  app.addHook('preClose', async () => topUps.stop());
  await app.listen({ port: config.port, host: config.host });
  const port = (app.server.address() as { port: number }).port;
  return {
    app,
    hub,
    io,
    store,
    purge,
    pushSubscriptions,
    reveals,
    outletTokens,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      try {
        await hub.close(opts.shutdownMs);
      } finally {
        await store.shared?.close();
      }
    },
  };
}
