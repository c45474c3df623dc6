import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHub, type RunningHub } from '../../server/app.ts';

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'gatecare-test-'));
}

/** The real hub on an ephemeral loopback port, with the demo airport, on a real data file. */
export async function startTestHub(dataDir: string, port = 0): Promise<RunningHub> {
  return startHub({ port, host: '127.0.0.1', dataDir, distDir: resolve('dist'), seedDemo: true });
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
