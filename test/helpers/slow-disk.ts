import type { HubStore } from '../../server/hub-store.ts';

/**
 * The hub's disk slow for a while: every commit answers `ms` late and goes through the thread pool,
 * as it does once an append was slow (Journal.slowAppendMs turns the quick path off). Returns the
 * function that makes the disk quick again.
 */
export function slowDisk(store: HubStore, ms: number): () => void {
  const commit = store.commit.bind(store);
  const commitNow = store.commitNow?.bind(store);
  store.commit = async () => {
    await new Promise((r) => setTimeout(r, ms));
    return commit();
  };
  store.commitNow = () => false;
  return () => {
    store.commit = commit;
    store.commitNow = commitNow;
  };
}
