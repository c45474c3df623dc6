import { afterEach, expect } from 'vitest';
import { Store } from '../../server/store.ts';
import { Hub } from '../../server/hub.ts';
import { demoOps } from '../../server/demo-airport.ts';
import { removeDir, tempDataDir } from './hub.ts';

type HubOptions = ConstructorParameters<typeof Hub>[2];

/** The hub's core on its file store in `dir`, without HTTP or sockets: what the store tests restart and inspect. */
export async function openHub(dir: string, options?: HubOptions): Promise<Hub> {
  return new Hub(await Store.open(dir), undefined, options);
}

/** Submits the demo airport (gates, flights, staff) as the hub's own operations, each accepted. */
export async function seed(hub: Hub): Promise<void> {
  const acks = await Promise.all(demoOps(new Date()).map((o) => hub.submit(o, { kind: 'system' })));
  expect(acks.every((a) => a.ok)).toBe(true);
}

/** A hub on `dir` with the demo airport in it. */
export async function seededHub(dir: string, options?: HubOptions): Promise<Hub> {
  const hub = await openHub(dir, options);
  await seed(hub);
  return hub;
}

/** Temporary data directories for the tests of a describe, each removed after its test. */
export function useTempDirs(): { make(): Promise<string>; removeAfter(dir: string): string } {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await removeDir(d);
  });
  return {
    async make() {
      const dir = await tempDataDir();
      dirs.push(dir);
      return dir;
    },
    removeAfter(dir) {
      dirs.push(dir);
      return dir;
    },
  };
}
