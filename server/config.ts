import { resolve } from 'node:path';
import type { HubLimits } from './limits.ts';
import { parseTrustedProxies } from './client-address.ts';
import { parseHubUrls } from './hub-urls.ts';

/** Passengers' names and notes are kept this long after their flight left, unless configured. */
export const DEFAULT_PURGE_HOURS = 24;

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Folder with the built apps (kiosk/ and staff/); absent in API-only tests. */
  distDir: string | null;
  /** Seed the demo airport when the data directory is empty. */
  seedDemo: boolean;
  /**
   * With the demo, also list passengers on its disrupted flights (server/demo-passengers.ts). On for
   * `npm start` (GATECARE_DEMO_LISTS=0 turns it off); absent means off, so a test hub starts without
   * lists unless the test asks for them.
   */
  seedDemoLists?: boolean;
  /** Hours after a flight closes before its passengers' personal data is blanked (default 24). */
  purgeAfterHours?: number;
  /** Address phones reach the hub at, for the QR code on kiosk tickets (default: the kiosk's own address). */
  publicUrl?: string;
  /** PostgreSQL to share with other hubs (GATECARE_DATABASE_URL); absent: the embedded lowdb files in dataDir. */
  databaseUrl?: string;
  /** Which airport of the database this hub serves (GATECARE_AIRPORT, default "main"); each has its own log and seq. */
  airport?: string;
  /** Every node's address, for devices to move to another when theirs dies (GATECARE_HUB_URLS); absent: one hub alone. */
  hubUrls?: string[];
  /** Balancers whose X-Forwarded-For names the client (GATECARE_TRUSTED_PROXIES); absent: the header is ignored. */
  trustedProxies?: string[];
  /** Overrides of server/limits.ts, e.g. for a load test enrolling many kiosks from one address. */
  limits?: Partial<HubLimits>;
}

function numberFrom(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`);
  return n;
}

export const DEFAULT_AIRPORT = 'main';

function airportFrom(raw: string | undefined): string {
  if (raw === undefined || raw === '') return DEFAULT_AIRPORT;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(raw)) throw new Error(`GATECARE_AIRPORT must be 1-40 letters, digits, _ or -, got ${raw}`);
  return raw;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.GATECARE_DATA ?? './data'),
    distDir: resolve(env.GATECARE_DIST ?? './dist'),
    seedDemo: env.GATECARE_DEMO !== '0',
    seedDemoLists: env.GATECARE_DEMO_LISTS !== '0',
    purgeAfterHours: numberFrom(env, 'GATECARE_PURGE_HOURS') ?? DEFAULT_PURGE_HOURS,
    ...(env.GATECARE_PUBLIC_URL ? { publicUrl: env.GATECARE_PUBLIC_URL } : {}),
    ...(env.GATECARE_HUB_URLS ? { hubUrls: parseHubUrls(env.GATECARE_HUB_URLS) } : {}),
    ...(env.GATECARE_TRUSTED_PROXIES ? { trustedProxies: parseTrustedProxies(env.GATECARE_TRUSTED_PROXIES) } : {}),
    ...(env.GATECARE_DATABASE_URL ? { databaseUrl: env.GATECARE_DATABASE_URL, airport: airportFrom(env.GATECARE_AIRPORT) } : {}),
    limits: Object.fromEntries(
      Object.entries({
        signInPerMinute: numberFrom(env, 'GATECARE_SIGNIN_PER_MINUTE'),
        restPerMinute: numberFrom(env, 'GATECARE_REST_PER_MINUTE'),
        connectionsPerAddress: numberFrom(env, 'GATECARE_CONNECTIONS_PER_ADDRESS'),
      }).filter(([, v]) => v !== undefined),
    ),
  };
}
