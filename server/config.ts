import { resolve } from 'node:path';

export interface HubConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Folder with the built apps (kiosk/ and staff/); absent in API-only tests. */
  distDir: string | null;
  /** Seed the demo airport when the data directory is empty. */
  seedDemo: boolean;
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
  };
}
