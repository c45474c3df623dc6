import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHub, type RunningHub, type StartOptions } from '../../server/app.ts';
import type { HubConfig } from '../../server/config.ts';

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gatecare-test-'));
}

/** What a test changes from the usual hub: its config (limits, purge hours, another copy of the apps) and start options (clock, logs). */
export interface TestHubSetup {
  config?: Partial<Omit<HubConfig, 'dataDir' | 'port' | 'host'>>;
  options?: StartOptions;
}

/** The real hub on an ephemeral loopback port, with the demo airport, on a real data file. */
export async function startTestHub(dataDir: string, port = 0, setup: TestHubSetup = {}): Promise<RunningHub> {
  return startHub({ port, host: '127.0.0.1', dataDir, distDir: resolve('dist'), seedDemo: true, ...setup.config }, setup.options);
}

/** Starts a hub that must refuse to start and gives the reason; one that starts after all is closed and fails the test. */
export async function refusedStart(dataDir: string): Promise<Error> {
  let running: RunningHub;
  try {
    running = await startTestHub(dataDir);
  } catch (e) {
    if (e instanceof Error) return e;
    throw e;
  }
  await running.close();
  throw new Error(`the hub on ${dataDir} started, but it should have refused`);
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
